package org.iocp4j.core.windows;

import org.iocp4j.core.backend.Backend;

/** What the engine tests of other packages may see of the IOCP backend's insides. */
public final class WindowsTesting {
    private WindowsTesting() {
    }

    /** The Win32 implementation an IOCP backend makes its calls through. */
    public static Win32 win32(Backend iocp) {
        return ((IocpBackend) iocp).win32();
    }
}
