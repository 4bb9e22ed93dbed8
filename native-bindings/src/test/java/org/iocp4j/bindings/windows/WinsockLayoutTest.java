package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Struct sizes, alignments and offsets against the x86_64 Windows ground truth recorded in
 * /work/shared/WINDOWS-TESTING.md ("Ground truth for layouts"), except {@code TRANSMIT_FILE_BUFFERS} and
 * {@code IN_ADDR}/{@code IN6_ADDR}, whose values follow from mingw-w64's {@code psdk_inc/_xmitfile.h},
 * {@code inaddr.h} and {@code in6addr.h} under the x64 ABI (pointers 8 bytes, naturally aligned).
 */
class WinsockLayoutTest {

    private static void assertSize(GroupLayout layout, long size, long alignment) {
        assertEquals(size, layout.byteSize(), () -> layout.name().orElse("?") + " size");
        assertEquals(alignment, layout.byteAlignment(), () -> layout.name().orElse("?") + " alignment");
    }

    private static void assertOffset(GroupLayout layout, long offset, PathElement... path) {
        assertEquals(offset, layout.byteOffset(path), () -> layout.name().orElse("?") + " " + List.of(path));
    }

    @Test
    void wsabuf() {
        assertSize(WSABUF.layout(), 16, 8);
        assertEquals(0, WSABUF.len$offset());
        assertEquals(4, WSABUF.len$layout().byteSize());
        assertEquals(8, WSABUF.buf$offset());
    }

    @Test
    void socketAddresses() {
        assertSize(SOCKADDR_IN.layout(), 16, 4);
        assertSize(IN_ADDR.layout(), 4, 4);
        assertEquals(2, SOCKADDR_IN.sin_port$offset());
        assertEquals(4, SOCKADDR_IN.sin_addr$offset());
        assertEquals(8, SOCKADDR_IN.sin_zero$offset());
        assertSize(SOCKADDR_IN6.layout(), 28, 4);
        assertSize(IN6_ADDR.layout(), 16, 2);
        assertEquals(2, SOCKADDR_IN6.sin6_port$offset());
        assertEquals(4, SOCKADDR_IN6.sin6_flowinfo$offset());
        assertEquals(8, SOCKADDR_IN6.sin6_addr$offset());
        assertEquals(24, SOCKADDR_IN6.sin6_scope_id$offset());
        assertSize(SOCKADDR_STORAGE.layout(), 128, 8);
    }

    @Test
    void guid() {
        assertSize(GUID.layout(), 16, 4);
        assertEquals(4, GUID.Data2$offset());
        assertEquals(6, GUID.Data3$offset());
        assertEquals(8, GUID.Data4$offset());
        assertEquals(8, GUID.Data4$layout().byteSize());
    }

    @Test
    void wsadata() {
        assertSize(WSADATA.layout(), 408, 8);
        assertEquals(8, WSADATA.lpVendorInfo$offset());
        assertEquals(16, WSADATA.szDescription$offset());
        assertEquals(257, WSADATA.szDescription$layout().byteSize());
        assertEquals(273, WSADATA.szSystemStatus$offset());
        assertEquals(129, WSADATA.szSystemStatus$layout().byteSize());
    }

    @Test
    void lingerAndTransmitFileBuffers() {
        assertSize(LINGER.layout(), 4, 2);
        assertEquals(2, LINGER.l_linger$offset());
        assertSize(TRANSMIT_FILE_BUFFERS.layout(), 32, 8);
        assertEquals(8, TRANSMIT_FILE_BUFFERS.HeadLength$offset());
        assertEquals(16, TRANSMIT_FILE_BUFFERS.Tail$offset());
        assertEquals(24, TRANSMIT_FILE_BUFFERS.TailLength$offset());
    }

    @Test
    void rioStructs() {
        assertSize(RIO_BUF.layout(), 16, 8);
        assertEquals(0, RIO_BUF.BufferId$offset());
        assertEquals(8, RIO_BUF.BufferId$layout().byteSize());
        assertEquals(8, RIO_BUF.Offset$offset());
        assertEquals(12, RIO_BUF.Length$offset());

        assertSize(RIORESULT.layout(), 24, 8);
        assertEquals(0, RIORESULT.Status$offset());
        assertEquals(4, RIORESULT.BytesTransferred$offset());
        assertEquals(8, RIORESULT.SocketContext$offset());
        assertEquals(16, RIORESULT.RequestContext$offset());
    }

    @Test
    void rioNotificationCompletionKeepsTheNamedStructsInsideTheAnonymousUnion() {
        GroupLayout layout = RIO_NOTIFICATION_COMPLETION.layout();
        assertSize(layout, 32, 8);
        assertEquals(0, RIO_NOTIFICATION_COMPLETION.Type$offset());
        assertOffset(layout, 8, groupElement("$anon$0"), groupElement("Event"), groupElement("EventHandle"));
        assertOffset(layout, 16, groupElement("$anon$0"), groupElement("Event"), groupElement("NotifyReset"));
        assertOffset(layout, 8, groupElement("$anon$0"), groupElement("Iocp"), groupElement("IocpHandle"));
        assertOffset(layout, 16, groupElement("$anon$0"), groupElement("Iocp"), groupElement("CompletionKey"));
        assertOffset(layout, 24, groupElement("$anon$0"), groupElement("Iocp"), groupElement("Overlapped"));
        assertEquals(16, RIO_NOTIFICATION_COMPLETION.Event_NotifyReset$offset());
        assertEquals(24, RIO_NOTIFICATION_COMPLETION.Iocp_Overlapped$offset());
    }

    @Test
    void rioExtensionFunctionTableHasTheThirteenFunctionsInDocumentedOrder() {
        GroupLayout layout = RIO_EXTENSION_FUNCTION_TABLE.layout();
        assertSize(layout, 112, 8);
        List<String> order = List.of("RIOReceive", "RIOReceiveEx", "RIOSend", "RIOSendEx",
                "RIOCloseCompletionQueue", "RIOCreateCompletionQueue", "RIOCreateRequestQueue",
                "RIODequeueCompletion", "RIODeregisterBuffer", "RIONotify", "RIORegisterBuffer",
                "RIOResizeCompletionQueue", "RIOResizeRequestQueue");
        assertOffset(layout, 0, groupElement("cbSize"));
        for (int i = 0; i < order.size(); i++) {
            assertOffset(layout, 8 + 8L * i, groupElement(order.get(i)));
        }
    }
}
