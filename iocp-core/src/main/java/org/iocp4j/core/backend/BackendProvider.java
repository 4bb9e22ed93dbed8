package org.iocp4j.core.backend;

import java.io.IOException;
import java.util.Locale;

/**
 * Creates a {@link Backend}. The engine finds a provider by OS (or by the {@value #PROPERTY} system
 * property / its builder) and loads it by class name, without {@link java.util.ServiceLoader}: a backend
 * package that is not on the build (for example the Windows one on a branch without it) costs nothing
 * until it is asked for.
 *
 * <p>A provider has a public no-argument constructor.
 */
public interface BackendProvider {
    /** System property naming the backend: {@code io_uring} or {@code iocp}. */
    String PROPERTY = "iocp4j.backend";

    /** Provider class of the io_uring backend. */
    String IO_URING = "org.iocp4j.core.linux.IoUringBackendProvider";

    /** Provider class of the IOCP backend. */
    String IOCP = "org.iocp4j.core.windows.IocpBackendProvider";

    /** The backend's name as {@value #PROPERTY} spells it ({@code io_uring}, {@code iocp}). */
    String name();

    /**
     * Creates the backend.
     *
     * @throws IOException the mechanism cannot be used here; the message says why (for example
     *                     "io_uring is disabled by /proc/sys/kernel/io_uring_disabled")
     */
    Backend create(BackendConfig config) throws IOException;

    /**
     * The provider for {@code name} ({@code io_uring} or {@code iocp}); {@code null} selects by OS
     * ({@code os.name}): Windows → iocp, Linux → io_uring.
     *
     * @throws UnsupportedOperationException for an OS without a backend, or a backend not on this build
     * @throws IllegalArgumentException      for an unknown name
     */
    static BackendProvider forName(String name) {
        String os = System.getProperty("os.name", "");
        String chosen = name;
        if (chosen == null || chosen.isBlank()) {
            String lower = os.toLowerCase(Locale.ROOT);
            if (lower.startsWith("windows")) {
                chosen = "iocp";
            } else if (lower.startsWith("linux")) {
                chosen = "io_uring";
            } else {
                throw new UnsupportedOperationException("no iocp4j backend for operating system '" + os
                        + "': iocp4j runs on Windows (IOCP) and Linux (io_uring)");
            }
        }
        String className = switch (chosen) {
            case "io_uring" -> IO_URING;
            case "iocp" -> IOCP;
            default -> throw new IllegalArgumentException("unknown backend '" + chosen
                    + "' (" + PROPERTY + "): use io_uring or iocp");
        };
        try {
            return (BackendProvider) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("backend '" + chosen + "' (" + className
                    + ") is not part of this build", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate backend provider " + className, e);
        }
    }
}
