package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of the repository's README.md, taken from the file as it is: every {@code ```java} block
 * compiles (Java 22, no warning) against the modules on the test's path, and the echo server and the greeter
 * serve a client on loopback and stop cleanly when interrupted. So the README cannot drift from the API.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of(System.getProperty("basedir", ""), "..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public class (\\w+)");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyJavaBlockCompiles(@TempDir Path dir) throws IOException {
        List<String> classes = compile(dir);
        assertTrue(classes.containsAll(List.of("Echo", "Greeter")), "README's Java blocks: " + classes);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theEchoServerEchoes(@TempDir Path dir) throws Exception {
        compile(dir);
        serve(dir, "Echo", 7007, client -> {
            client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ping", new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theGreeterSendsOneLengthPrefixedFrameAndCloses(@TempDir Path dir) throws Exception {
        compile(dir);
        serve(dir, "Greeter", 7008, client -> {
            DataInputStream in = new DataInputStream(client.getInputStream());
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            assertEquals("hello /127.0.0.1:" + client.getLocalPort() + ", this is /127.0.0.1:7008",
                    new String(text, StandardCharsets.UTF_8));
            assertEquals(-1, in.read(), "closed after the frame");
        });
    }

    /** Compiles the README's Java blocks into {@code dir/classes}; returns their class names. */
    private static List<String> compile(Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "this Java runtime has no compiler (module jdk.compiler): the windows-jvm lane's"
                + " Windows JDK is a runtime image without one; the default lane compiles the README");
        Path sources = Files.createDirectories(dir.resolve("src"));
        List<String> names = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("--release", "22", "-Xlint:all", "-Werror",
                "-d", dir.resolve("classes").toString(), "-classpath", testPath()));
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            Matcher name = PUBLIC_CLASS.matcher(block.group(1));
            assertTrue(name.find(), "a Java block of README.md without a public class:\n" + block.group(1));
            names.add(name.group(1));
            Path file = sources.resolve(name.group(1) + ".java");
            Files.writeString(file, block.group(1));
            args.add(file.toString());
        }
        assertFalse(names.isEmpty(), "no ```java block in " + README.toAbsolutePath());
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, rc, "README.md's Java blocks do not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return names;
    }

    /** The test JVM's module path and class path: where iocp-core and its dependencies are. */
    private static String testPath() {
        return Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(p -> p != null && !p.isEmpty())
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    interface Exchange {
        void with(Socket client) throws Exception;
    }

    /**
     * Runs {@code name}'s main on a thread, has a client on loopback talk to it at {@code port}, then
     * interrupts it: its engine must close without an error.
     */
    private static void serve(Path dir, String name, int port, Exchange exchange) throws Exception {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.getLocalPort();
        } catch (IOException e) {
            assumeTrue(false, "port " + port + ", which the README's " + name + " listens on, is taken: " + e);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread server = Thread.ofPlatform().name("readme-" + name).start(() -> {
                try {
                    main.invoke(null, (Object) new String[0]);
                } catch (InvocationTargetException e) {
                    ended.set(e.getCause());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    ended.set(e);
                }
            });
            try (Socket client = connect(port)) {
                client.setSoTimeout(20_000);
                exchange.with(client);
            } finally {
                server.interrupt();
                server.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertInstanceOf(InterruptedException.class, ended.get(), "how " + name + ".main ended");
            assertEquals(0, ended.get().getSuppressed().length, "closing the engine failed: "
                    + List.of(ended.get().getSuppressed()));
        }
    }

    private static Socket connect(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return new Socket(InetAddress.getByName("127.0.0.1"), port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
