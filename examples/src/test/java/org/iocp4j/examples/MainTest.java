package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line parsing: bad input is exit code 2 with a message naming what was wrong and the usage. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertUsageError(String expectedMessage, String... args) {
        assertEquals(Main.USAGE_ERROR, run(args), err());
        assertTrue(err().contains(expectedMessage), err());
        assertTrue(err().contains("usage: iocp4j-examples"), err());
    }

    @Test
    void noCommand() {
        assertUsageError("no command given");
    }

    @Test
    void unknownCommand() {
        assertUsageError("unknown command 'ftp'", "ftp");
    }

    @Test
    void unknownOption() {
        assertUsageError("unknown option '--conections' for load", "load", "--conections", "5");
    }

    @Test
    void nonNumericValue() {
        assertUsageError("option '--port' needs a whole number, got 'seven'", "echo", "--port", "seven");
    }

    @Test
    void outOfRangeValue() {
        assertUsageError("option '--connections' must be between 1 and 10000, got 20000",
                "load", "--connections=20000", "--duration", "1s");
    }

    @Test
    void malformedDuration() {
        assertUsageError("option '--duration' needs a duration such as 500ms, 10s or 2m, got '3 s'",
                "load", "--duration", "3 s");
    }

    @Test
    void durationAboveLimit() {
        assertUsageError("option '--duration' must be between", "load", "--duration", "61m");
    }

    @Test
    void missingValue() {
        assertUsageError("option '--rate' needs a value", "load", "--rate");
    }

    @Test
    void strayArgument() {
        assertUsageError("unexpected argument 'fast'", "load", "fast");
    }

    @Test
    void unknownProtocol() {
        assertUsageError("option '--protocol' must be echo or http, got 'ftp'", "load", "--protocol", "ftp");
    }

    @Test
    void pipelineBelowOne() {
        assertUsageError("option '--pipeline' must be between 1 and 1024, got 0",
                "load", "--protocol", "http", "--pipeline", "0");
    }

    @Test
    void pathWithoutLeadingSlash() {
        assertUsageError("option '--path' must start with '/', got 'plaintext'",
                "load", "--protocol", "http", "--path", "plaintext");
    }

    @Test
    void pathWithSpace() {
        assertUsageError("option '--path' may hold only visible ASCII characters",
                "load", "--protocol", "http", "--path", "/a b");
    }

    @Test
    void bodySizeWithGet() {
        assertUsageError("option '--body-size' needs '--method POST': a GET request carries no body",
                "load", "--protocol", "http", "--body-size", "10");
    }

    @Test
    void unsupportedMethod() {
        assertUsageError("option '--method' must be GET or POST, got 'PUT'",
                "load", "--protocol", "http", "--method", "put");
    }

    @Test
    void optionOfTheOtherProtocol() {
        assertUsageError("option '--message-size' does not apply to --protocol http",
                "load", "--protocol", "http", "--message-size", "10");
        err.reset();
        assertUsageError("option '--pipeline' does not apply to --protocol echo", "load", "--pipeline", "4");
    }

    /** 100 connections sharing 10 requests/s each wait 10 s between requests: a 10 s timeout would cut them. */
    @Test
    void timeoutShorterThanThePacing() {
        assertUsageError("option '--timeout' (10s) must be at least twice the 10.000 s a connection waits",
                "load", "--protocol", "http", "--connections", "100", "--rate", "10");
    }

    @Test
    void helpListsCommandsAndOptions() {
        assertEquals(0, run("--help"));
        String top = out.toString(StandardCharsets.UTF_8);
        assertTrue(top.contains("http") && top.contains("echo") && top.contains("load"), top);
        out.reset();
        assertEquals(0, run("load", "--help"));
        String load = out.toString(StandardCharsets.UTF_8);
        assertTrue(load.contains("--connect-rate PER_SECOND") && load.contains("(default 7007 for echo, 8080 for http"), load);
        assertTrue(load.contains("--protocol echo|http") && load.contains("--pipeline DEPTH"), load);
        out.reset();
        assertEquals(0, run("echo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--workers N"));
        out.reset();
        assertEquals(0, run("http", "--help"));
        String http = out.toString(StandardCharsets.UTF_8);
        assertTrue(http.contains("--root DIR") && http.contains("(default 8080)"), http);
    }
}
