package org.iocp4j.bindings.windows.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowsConformance#errors} reads the compiler's output the same whatever its line endings: MinGW's
 * g++ on a Windows host writes CRLF, the cross compiler on Linux LF.
 */
class WindowsConformanceOutputTest {
    private static final Path CHECK = Path.of("windows-check.cpp");
    private static final Path VALUES = Path.of("windows-values.cpp");

    /** g++ 12 output for a check file: a failed tagged assertion with its note, an undeclared symbol. */
    private static final List<String> CHECK_OUTPUT = List.of(
            "Z:\\a\\iocp4j\\native-bindings\\target\\conformance\\windows\\windows-check.cpp:212:36: error: static assertion failed: I0",
            "  212 | static_assert(sizeof(::OVERLAPPED) == 24, \"I0\");",
            "      |               ~~~~~~~~~~~~~~~~~~~~~^~~~~",
            "Z:\\a\\iocp4j\\native-bindings\\target\\conformance\\windows\\windows-check.cpp:212:36: note: the comparison reduces to '(32 == 24)'",
            "windows-check.cpp:215:1: error: static assertion failed: I3",
            "windows-check.cpp:230:15: error: 'RIO_CORRUPT_CQ' was not declared in this scope",
            "  230 | static_assert(iocp4j::same_bits<32>(RIO_CORRUPT_CQ, 0xffffffffULL), \"I18\");",
            "      |               ^~~~~~~~~~~~~~");

    private static final Map<Integer, List<String>> CHECK_ERRORS = Map.of(
            212, List.of("static assertion failed: I0"),
            215, List.of("static assertion failed: I3"),
            230, List.of("'RIO_CORRUPT_CQ' was not declared in this scope"));

    /** g++ 12 output for a values file: the printed values of two items on one line each. */
    private static final List<String> VALUES_OUTPUT = List.of(
            "windows-values.cpp:212:61: error: aggregate 'iocp4j::value_is<32> v_I0' has incomplete type and cannot be defined",
            "  212 | iocp4j::value_is<(long long)(sizeof(::OVERLAPPED))> v_I0;",
            "      |                                                      ^~~~",
            "windows-values.cpp:213:70: error: aggregate 'iocp4j::value_is<8, 0> v_I1' has incomplete type and cannot be defined");

    private static final Map<Integer, List<String>> VALUES_ERRORS = Map.of(
            212, List.of("aggregate 'iocp4j::value_is<32> v_I0' has incomplete type and cannot be defined"),
            213, List.of("aggregate 'iocp4j::value_is<8, 0> v_I1' has incomplete type and cannot be defined"));

    private static String lines(List<String> lines, String ending) {
        return String.join(ending, lines) + ending;
    }

    @Test
    void lfOutputIsParsed() {
        assertEquals(CHECK_ERRORS, WindowsConformance.errors(CHECK, lines(CHECK_OUTPUT, "\n")));
        assertEquals(VALUES_ERRORS, WindowsConformance.errors(VALUES, lines(VALUES_OUTPUT, "\n")));
    }

    @Test
    void crlfOutputIsParsedAsLf() {
        for (String ending : List.of("\r\n", "\r")) {
            Map<Integer, List<String>> check = WindowsConformance.errors(CHECK, lines(CHECK_OUTPUT, ending));
            Map<Integer, List<String>> values = WindowsConformance.errors(VALUES, lines(VALUES_OUTPUT, ending));
            assertEquals(CHECK_ERRORS, check);
            assertEquals(VALUES_ERRORS, values);
            for (Map<Integer, List<String>> errors : List.of(check, values)) {
                errors.values().stream().flatMap(List::stream).forEach(e ->
                        assertFalse(e.contains("\r"), () -> "CR kept in \"" + e.replace("\r", "\\r") + "\""));
            }
        }
    }

    /** An error in a header is a problem of the generator or the headers, whatever the line endings. */
    @Test
    void crlfErrorOutsideTheGeneratedFileIsStillRefused() {
        String out = lines(List.of(
                "In file included from windows-check.cpp:3:",
                "Z:/msys64/mingw64/include/winsock2.h:15:2: error: #error Include winsock2.h before windows.h",
                "   15 | #error Include winsock2.h before windows.h",
                "      |  ^~~~~"), "\r\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WindowsConformance.errors(CHECK, out));
        assertTrue(e.getMessage().startsWith("error outside the generated lines"), e.getMessage());
    }
}
