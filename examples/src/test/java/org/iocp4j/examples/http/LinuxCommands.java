package org.iocp4j.examples.http;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * curl and Chromium on the Linux side, for the end-to-end tests when they run in the windows-jvm lane's
 * Windows JDK under Wine, which cannot start a Linux program (and has no Windows curl or Chromium): the lane's
 * launcher starts a relay (ci/windows-jvm/linux-commands, whose header describes the protocol) and names it
 * in {@value #PROPERTY}. The server under test stays in this JVM; only the clients run outside, over the
 * loopback both sides share. {@link Tools} routes through here when the property is set.
 *
 * <p>Thread model: stateless; every request is a connection of its own.
 */
final class LinuxCommands {
    /** {@code PORT:TOKEN} of the relay, set by ci/windows-jvm/bin/java. */
    static final String PROPERTY = "iocp4j.linux.commands";

    private LinuxCommands() {
    }

    /** Whether this JVM has a relay to run Linux programs through. */
    static boolean available() {
        return System.getProperty(PROPERTY) != null;
    }

    /** The first of {@code names} on the Linux side's PATH, as a path this JVM can name (on drive Z:). */
    static Optional<Path> which(String... names) {
        try {
            String answer = request("which", List.of(names), null, Duration.ZERO);
            return answer.startsWith("found ") ? Optional.of(Path.of(answer.substring("found ".length())))
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the Linux command relay (" + System.getProperty(PROPERTY)
                    + ") did not answer", e);
        }
    }

    /** {@link Tools#run} on the Linux side: the same exit code, output file and timeout. */
    static int run(List<String> command, Path output, Duration timeout) throws IOException, TimeoutException {
        String answer = request("run", command, output.toAbsolutePath().toString(), timeout);
        if (answer.equals("timeout")) {
            throw new TimeoutException(command.getFirst() + " did not exit within " + timeout);
        }
        if (!answer.startsWith("exit ")) {
            throw new IOException("the Linux command relay would not run " + command.getFirst() + ": " + answer);
        }
        return Integer.parseInt(answer.substring("exit ".length()));
    }

    /**
     * Deletes a work directory below the temporary directory on the Linux side: what a Linux program leaves
     * there (Chromium's Unix socket) cannot be deleted through Windows calls under Wine.
     */
    static void deleteTree(Path directory) throws IOException {
        String answer = request("delete", List.of(directory.toAbsolutePath().toString()), null, Duration.ZERO);
        if (!answer.equals("deleted")) {
            throw new IOException("the Linux command relay did not delete " + directory + ": " + answer);
        }
    }

    private static String request(String operation, List<String> values, String output, Duration timeout)
            throws IOException {
        String endpoint = System.getProperty(PROPERTY);
        int colon = endpoint.indexOf(':');
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(endpoint.substring(0, colon)))) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(endpoint.substring(colon + 1));
            out.writeUTF(operation);
            out.writeInt(values.size());
            for (String value : values) {
                out.writeUTF(value);
            }
            if (output != null) {
                out.writeUTF(output);
                out.writeLong(timeout.toMillis());
            }
            out.flush();
            return new DataInputStream(socket.getInputStream()).readUTF();
        }
    }
}
