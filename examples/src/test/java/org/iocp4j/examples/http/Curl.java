package org.iocp4j.examples.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * curl as an independent HTTP/1.1 client for the end-to-end tests: one request per {@link Request#send()},
 * answering the final response's status, headers and body.
 *
 * <p>Every request is made with {@code -sS --http1.1 --max-time}, the response head dumped with {@code -D}
 * and the body written with {@code -o}, so headers and body are never confused. A request curl itself
 * gives up on (refused connection, empty reply, timeout) is a {@link CurlException} with curl's exit code.
 * Get one from {@link Tools#curl()}.
 *
 * <p>Thread model: {@link Curl} and {@link Response} are immutable and may be shared; a {@link Request} is a
 * builder used by one thread at a time. Requests on different threads run as separate curl processes.
 */
final class Curl {
    private static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(10);
    /** Extra wall-clock time beyond --max-time before the curl process itself is killed. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);
    private static final Pattern RANGE = Pattern.compile("([0-9]+-[0-9]*|-[0-9]+)(,([0-9]+-[0-9]*|-[0-9]+))*");

    private final Path executable;

    Curl(Path executable) {
        this.executable = executable;
    }

    /** curl on the PATH. */
    static Optional<Path> locate() {
        return Tools.onPath("curl");
    }

    /** A GET of {@code url} (http or https), to be adjusted and sent. */
    Request request(URI url) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("Curl speaks HTTP only; URL must be http:// or https://: " + url);
        }
        return new Request(url);
    }

    /** One request's options; {@link #send()} runs curl. */
    final class Request {
        private final URI url;
        private final List<String> headers = new ArrayList<>();
        private final List<String> extra = new ArrayList<>();
        private String method;
        private String range;
        private byte[] data;
        private Path dataFile;
        private boolean pathAsIs;
        private String requestTarget;
        private Duration maxTime = DEFAULT_MAX_TIME;
        private Path output;

        private Request(URI url) {
            this.url = url;
        }

        /**
         * The request method ({@code -X}); without one curl sends GET, or POST when there is {@link #data}.
         * HEAD is sent with {@code -I}, so curl does not wait for a body.
         */
        Request method(String name) {
            if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
                throw new IllegalArgumentException("not a request method: '" + name + "'");
            }
            method = name;
            return this;
        }

        /** Adds a request header ({@code -H "name: value"}); an empty value removes a header curl would send. */
        Request header(String name, String value) {
            if (name.isEmpty() || name.contains(":") || name.contains("\r") || name.contains("\n")
                    || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("not a header line: '" + name + ": " + value + "'");
            }
            // "Name:" with nothing after the colon is curl's syntax for leaving a header out.
            headers.add(value.isEmpty() ? name + ":" : name + ": " + value);
            return this;
        }

        /** A byte range request ({@code -r}), e.g. {@code 0-99}, {@code 100-}, {@code -500} or {@code 0-0,10-19}. */
        Request range(String ranges) {
            if (!RANGE.matcher(ranges).matches()) {
                throw new IllegalArgumentException("not a byte range for curl -r: '" + ranges + "'");
            }
            range = ranges;
            return this;
        }

        /** Sends these bytes as the body, unchanged ({@code --data-binary}); curl then defaults to POST. */
        Request data(byte[] body) {
            data = body.clone();
            dataFile = null;
            return this;
        }

        /** Sends the file's bytes as the body, unchanged ({@code --data-binary @file}). */
        Request data(Path body) {
            if (!Files.isRegularFile(body)) {
                throw new IllegalArgumentException("no such file to send: " + body.toAbsolutePath());
            }
            dataFile = body.toAbsolutePath();
            data = null;
            return this;
        }

        /** Sends the URL's path as written, {@code ..} and {@code .} segments included ({@code --path-as-is}). */
        Request pathAsIs() {
            pathAsIs = true;
            return this;
        }

        /**
         * Puts this exact request target in the request line instead of the URL's path
         * ({@code --request-target}), e.g. {@code *} or an absolute-form URL.
         */
        Request requestTarget(String target) {
            if (target.isEmpty() || target.contains("\r") || target.contains("\n")) {
                throw new IllegalArgumentException("not a request target: '" + target + "'");
            }
            requestTarget = target;
            return this;
        }

        /** How long curl may take for the whole exchange ({@code --max-time}); 10 s unless set. */
        Request maxTime(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("max time must be positive: " + limit);
            }
            maxTime = limit;
            return this;
        }

        /** Writes the body to this file (kept) instead of holding it in memory. */
        Request output(Path file) {
            output = file.toAbsolutePath();
            return this;
        }

        /** Further curl arguments, for options this class has no method for. */
        Request arguments(String... more) {
            extra.addAll(List.of(more));
            return this;
        }

        /**
         * Runs curl and waits for it.
         *
         * @throws CurlException when curl fails (its exit code and message are in the exception)
         */
        Response send() throws IOException, InterruptedException {
            boolean head = "HEAD".equals(method);
            if (head && output != null) {
                throw new IllegalStateException("a HEAD response has no body to write to " + output);
            }
            Path work = Files.createTempDirectory("iocp4j-curl-");
            try {
                Path headFile = work.resolve("head");
                Path bodyFile = output != null ? output : work.resolve("body");
                Path messages = work.resolve("messages");
                List<String> command = new ArrayList<>(List.of(executable.toString(),
                        "-sS", "--http1.1", "--max-time", seconds(maxTime),
                        "-D", headFile.toString(), "-o", bodyFile.toString()));
                if (head) {
                    command.add("-I");
                } else if (method != null) {
                    command.addAll(List.of("-X", method));
                }
                for (String header : headers) {
                    command.addAll(List.of("-H", header));
                }
                if (range != null) {
                    command.addAll(List.of("-r", range));
                }
                if (data != null) {
                    Path file = Files.write(work.resolve("data"), data);
                    command.addAll(List.of("--data-binary", "@" + file));
                } else if (dataFile != null) {
                    command.addAll(List.of("--data-binary", "@" + dataFile));
                }
                if (pathAsIs) {
                    command.add("--path-as-is");
                }
                if (requestTarget != null) {
                    command.addAll(List.of("--request-target", requestTarget));
                }
                command.addAll(extra);
                command.addAll(List.of("--url", url.toString()));

                int exit;
                try {
                    exit = Tools.run(command, messages, maxTime.plus(KILL_GRACE));
                } catch (TimeoutException e) {
                    throw new CurlException(-1, "curl ignored its --max-time and was killed: " + e.getMessage(),
                            command);
                }
                if (exit != 0) {
                    throw new CurlException(exit, Files.readString(messages, StandardCharsets.UTF_8).strip(), command);
                }
                // curl creates the -o file only once a body begins, so none for a 304 or a 204.
                if (!head && Files.notExists(bodyFile)) {
                    Files.createFile(bodyFile);
                }
                byte[] rawHead = Files.readAllBytes(headFile);
                if (head) {
                    return Response.parse(rawHead, new byte[0], null);
                }
                return output != null
                        ? Response.parse(rawHead, null, output)
                        : Response.parse(rawHead, Files.readAllBytes(bodyFile), null);
            } finally {
                Tools.deleteTree(work);
            }
        }

        private static String seconds(Duration duration) {
            return String.valueOf(duration.toMillis() / 1000.0);
        }
    }

    /** The final response (after any 1xx interim responses): status line, headers and body. */
    static final class Response {
        private final String version;
        private final int status;
        private final String reason;
        private final Map<String, List<String>> headers;
        private final byte[] body;
        private final Path bodyFile;

        private Response(String version, int status, String reason, Map<String, List<String>> headers, byte[] body,
                         Path bodyFile) {
            this.version = version;
            this.status = status;
            this.reason = reason;
            this.headers = headers;
            this.body = body;
            this.bodyFile = bodyFile;
        }

        /**
         * Parses curl's {@code -D} dump: one head per response received, each a status line, header lines and
         * an empty line. Interim (1xx) heads come first; the last head is the final response's.
         */
        static Response parse(byte[] dump, byte[] body, Path bodyFile) throws IOException {
            // Header bytes are octets, not UTF-8 (RFC 9110 5.5).
            List<String> lines = new String(dump, StandardCharsets.ISO_8859_1).lines().toList();
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("HTTP/")) {
                    start = i;
                }
            }
            if (start < 0) {
                throw new IOException("no HTTP status line in the response head curl received: '"
                        + new String(dump, StandardCharsets.ISO_8859_1) + "'");
            }
            String[] statusLine = lines.get(start).split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("malformed status line: '" + lines.get(start) + "'", e);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : lines.subList(start + 1, lines.size())) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line in the response: '" + line + "'");
                }
                headers.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            headers.replaceAll((name, values) -> List.copyOf(values));
            return new Response(statusLine[0], status, statusLine.length > 2 ? statusLine[2] : "",
                    Collections.unmodifiableMap(headers), body, bodyFile);
        }

        /** The protocol of the status line, e.g. {@code HTTP/1.1}. */
        String version() {
            return version;
        }

        int status() {
            return status;
        }

        /** The reason phrase, empty if the server sent none. */
        String reason() {
            return reason;
        }

        /** The first value of the header (name case-insensitive). */
        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        /** Every value of the header, in the order received (name case-insensitive). */
        List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }

        /** All headers by name (case-insensitive), each with its values in the order received. */
        Map<String, List<String>> headers() {
            return headers;
        }

        /** The body (read from the {@link Request#output} file if one was given). */
        byte[] body() throws IOException {
            return bodyFile != null ? Files.readAllBytes(bodyFile) : body.clone();
        }

        /** The body decoded as UTF-8. */
        String bodyText() throws IOException {
            return new String(body(), StandardCharsets.UTF_8);
        }

        /** The file the body was written to, if {@link Request#output} was given. */
        Optional<Path> bodyFile() {
            return Optional.ofNullable(bodyFile);
        }

        @Override
        public String toString() {
            return version + " " + status + " " + reason + " " + headers;
        }
    }

    /** curl failed: could not connect, got no or a broken response, or ran out of time. */
    static final class CurlException extends IOException {
        private final int exitCode;

        CurlException(int exitCode, String curlMessage, List<String> command) {
            super("curl exited with " + exitCode + ": " + curlMessage
                    + " (command: " + String.join(" ", command) + ")");
            this.exitCode = exitCode;
        }

        /**
         * curl's exit code: e.g. 7 could not connect, 8 malformed response, 28 timed out, 52 empty reply,
         * 56 receive error; -1 when it overran its own --max-time and was killed.
         */
        int exitCode() {
            return exitCode;
        }
    }
}
