package org.iocp4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.iocp4j.examples.http.DemoRoutes;
import org.iocp4j.examples.http.DemoSite;
import org.iocp4j.examples.http.HttpLimits;
import org.iocp4j.examples.http.HttpMetrics;
import org.iocp4j.examples.http.HttpServer;

/**
 * The {@code http} subcommand: the sample HTTP/1.1 server with the demo routes, serving a directory or, by
 * default, the bundled demo site. Ctrl-C shuts it down gracefully.
 */
final class HttpCommand {
    /** The port {@code http} listens on unless told otherwise. */
    static final int DEFAULT_PORT = 8080;
    /** How long Ctrl-C lets requests in progress finish before connections are aborted. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private HttpCommand() {
    }

    static Options options() {
        return new Options("http", "HTTP/1.1 server: static files plus /plaintext, /json, /echo, /stats and"
                + " /hello. Ctrl-C stops it.")
                .option("host", "ADDRESS", "127.0.0.1", "address to listen on (0.0.0.0 for every interface)")
                .option("port", "PORT", String.valueOf(DEFAULT_PORT), "port to listen on, 0 picks one")
                .option("workers", "N", String.valueOf(Runtime.getRuntime().availableProcessors()),
                        "engine worker threads")
                .option("root", "DIR", null, "directory to serve (default: the bundled demo site)")
                .option("max-connections", "N", String.valueOf(HttpLimits.DEFAULTS.maxConnections()),
                        "connections open at once; more are answered 503")
                .option("idle-timeout", "DURATION", HttpLimits.DEFAULTS.idleTimeout().toSeconds() + "s",
                        "close connections idle this long (0 never)")
                .option("max-body", "BYTES", String.valueOf(HttpLimits.DEFAULTS.maxBodyBytes()),
                        "largest request body; larger ones are answered 413");
    }

    static int run(Options options, PrintStream out) throws UsageException, IOException, InterruptedException {
        String host = options.string("host");
        int port = options.integer("port", 0, 65535);
        int workers = options.integer("workers", 1, 256);
        HttpLimits limits = HttpLimits.DEFAULTS
                .withMaxConnections(options.integer("max-connections", 1, 1_000_000))
                .withIdleTimeout(options.duration("idle-timeout", Duration.ZERO, Duration.ofHours(24)))
                .withMaxBodyBytes(options.integer("max-body", 0, Integer.MAX_VALUE - 8));
        String rootOption = options.string("root");
        Path root = null;
        if (rootOption != null) {
            root = Path.of(rootOption);
            if (!Files.isDirectory(root)) {
                throw new UsageException("option '--root': '" + rootOption + "' is not a directory");
            }
        }
        Path extracted = root == null ? Files.createTempDirectory("iocp4j-demo-site") : null;
        HttpServer server;
        try {
            if (extracted != null) {
                root = DemoSite.extract(extracted.resolve("site"));
            }
            server = start(host, port, workers, root, limits);
        } catch (UsageException | IOException | RuntimeException e) {
            // Whatever failed (no such host, the port taken, no io_uring), the copy of the site goes.
            deleteTree(extracted);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path temporary = extracted;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("http-shutdown").unstarted(() -> {
            try {
                server.shutdown(SHUTDOWN_GRACE);
                HttpMetrics m = server.metrics();
                System.err.println("http server stopped: " + m.requests() + " requests on "
                        + m.engine().connectionsAccepted() + " connections");
            } catch (IOException | RuntimeException e) {
                System.err.println("http server shutdown failed: " + e);
            } finally {
                deleteTree(temporary);
                stopped.countDown();
            }
        }));
        String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : server.localAddress().getAddress().getHostAddress();
        if (shownHost.contains(":")) {
            shownHost = "[" + shownHost + "]";
        }
        out.println("iocp4j HTTP server listening on http://" + shownHost + ":" + server.localAddress().getPort()
                + "/ (backend " + server.engine().backendName() + ", " + server.engine().workers()
                + " workers, root " + (temporary == null ? root.toAbsolutePath() : "the bundled demo site")
                + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The server with the demo routes, listening; nothing left running if it cannot be. */
    private static HttpServer start(String host, int port, int workers, Path root, HttpLimits limits)
            throws UsageException, IOException {
        HttpServer server;
        try {
            server = HttpServer.builder().host(host).port(port).workers(workers).root(root).limits(limits).build();
        } catch (UnknownHostException e) {
            throw new UsageException("option '--host': cannot resolve '" + host + "'");
        }
        DemoRoutes.install(server);
        try {
            return server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdown(Duration.ZERO);
            throw e;
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
