package org.iocp4j.core;

import java.io.IOException;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.BackendProvider;
import org.iocp4j.core.windows.CheckedWin32;
import org.iocp4j.core.windows.IocpBackend;
import org.iocp4j.core.windows.WineLane;

/**
 * Engine builders of the Wine lane (iocp-core/src/test/c/WINE.md): the production {@link IocpBackend} over
 * one {@link CheckedWin32} over the JVM's Wine bridge, injected with the package-private
 * {@code IoEngine.Builder.backendProvider} - which is why this class is in {@code org.iocp4j.core}. Public
 * test support: iocp-core's test-jar carries it to other modules' Wine lanes (the examples' HTTP tests), which
 * run on the class path.
 *
 * <p>Thread-safe: the shared {@code Win32} is created once under the class lock.
 */
public final class WineEngines {
    /** One checked Win32 for every engine of the JVM: Winsock is started once per {@code Win32} instance. */
    private static CheckedWin32 win32;

    private WineEngines() {
    }

    /**
     * A default {@link IoEngine#builder()} whose engines run on the IOCP backend under Wine, starting the
     * bridge on first use. Skips the calling test (JUnit assumption) when the lane is not requested
     * ({@value WineLane#PROPERTY}) or the bridge's tools are missing.
     *
     * @throws IOException when the bridge cannot be built or started although everything is installed
     */
    public static IoEngine.Builder builder() throws IOException {
        CheckedWin32 shared = win32();
        return IoEngine.builder().backendProvider(new BackendProvider() {
            @Override
            public String name() {
                return "iocp";
            }

            @Override
            public Backend create(BackendConfig config) throws IOException {
                return new IocpBackend(shared, config);
            }
        });
    }

    private static synchronized CheckedWin32 win32() throws IOException {
        if (win32 == null) {
            win32 = new CheckedWin32(WineLane.bridge());
        }
        return win32;
    }
}
