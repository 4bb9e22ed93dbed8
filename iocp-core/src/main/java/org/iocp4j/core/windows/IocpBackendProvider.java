package org.iocp4j.core.windows;

import java.io.IOException;
import java.util.Locale;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.BackendProvider;

/** Provides the IOCP backend ({@link BackendProvider#IOCP}) over {@link Win32Direct}. */
public final class IocpBackendProvider implements BackendProvider {
    /** For {@link BackendProvider#forName}. */
    public IocpBackendProvider() {
    }

    @Override
    public String name() {
        return "iocp";
    }

    /**
     * @throws IOException on an OS other than Windows (the Win32 functions do not exist there), or when
     *                     Winsock or the completion port cannot be set up
     */
    @Override
    public Backend create(BackendConfig config) throws IOException {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new IOException("the iocp backend needs Windows; this is " + os
                    + " (use io_uring on Linux; a Windows JVM runs it, under Wine too)");
        }
        return new IocpBackend(new Win32Direct(), config);
    }
}
