package org.iocp4j.bindings.windows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * The GUIDs that name the Winsock extension functions for {@code WSAIoctl}, in registry format, from
 * {@code mswsock.h} ({@code WSAID_MULTIPLE_RIO} from Microsoft's {@code mswsock.h}; mingw-w64 10 lacks
 * it). The Windows conformance test checks each against the header's initializer.
 */
public final class WinsockGuids {
    private WinsockGuids() {
    }

    /** {@code WSAID_ACCEPTEX}: {@code AcceptEx}. */
    public static final String WSAID_ACCEPTEX = "B5367DF1-CBAC-11CF-95CA-00805F48A192";
    /** {@code WSAID_GETACCEPTEXSOCKADDRS}: {@code GetAcceptExSockaddrs}. */
    public static final String WSAID_GETACCEPTEXSOCKADDRS = "B5367DF2-CBAC-11CF-95CA-00805F48A192";
    /** {@code WSAID_CONNECTEX}: {@code ConnectEx}. */
    public static final String WSAID_CONNECTEX = "25A207B9-DDF3-4660-8EE9-76E58C74063E";
    /** {@code WSAID_DISCONNECTEX}: {@code DisconnectEx}. */
    public static final String WSAID_DISCONNECTEX = "7FDA2E11-8630-436F-A031-F536A6EEC157";
    /** {@code WSAID_TRANSMITFILE}: {@code TransmitFile}. */
    public static final String WSAID_TRANSMITFILE = "B5367DF0-CBAC-11CF-95CA-00805F48A192";
    /** {@code WSAID_MULTIPLE_RIO}: the RIO function table ({@code SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER}). */
    public static final String WSAID_MULTIPLE_RIO = "8509E081-96DD-4005-B165-9E2EE8C79E3F";

    /**
     * A {@link GUID} from {@code allocator} holding {@code guid} (registry format).
     *
     * @throws IllegalArgumentException if {@code guid} is not a GUID in registry format
     */
    public static MemorySegment allocate(String guid, SegmentAllocator allocator) {
        MemorySegment segment = GUID.allocate(allocator);
        GUID.write(segment, guid);
        return segment;
    }
}
