package org.iocp4j.core.linux;

import java.io.IOException;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.BackendProvider;

/** Provides the io_uring backend ({@link org.iocp4j.core.backend.BackendProvider#IO_URING}). */
public final class IoUringBackendProvider implements BackendProvider {
    /** For {@link BackendProvider#forName}. */
    public IoUringBackendProvider() {
    }

    @Override
    public String name() {
        return "io_uring";
    }

    /**
     * @throws IoUringUnavailableException io_uring cannot be used in this process (disabled by sysctl,
     *                                     blocked by seccomp, kernel too old); the message says which
     */
    @Override
    public Backend create(BackendConfig config) throws IOException {
        return new IoUringBackend(config);
    }
}
