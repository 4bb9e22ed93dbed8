package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckedWin32Test {
    private final ScriptedWin32 scripted = new ScriptedWin32();
    private final CheckedWin32 checked = new CheckedWin32(scripted);
    private final Arena foreign = Arena.ofConfined();

    @AfterEach
    void close() {
        foreign.close();
        scripted.close();
    }

    private MemorySegment page() throws Exception {
        return checked.memory().allocate(checked.memory().pageSize());
    }

    private static void wsabuf(MemorySegment array, int index, MemorySegment buf, int len) {
        array.set(ValueLayout.JAVA_INT, 16L * index, len);
        array.set(ValueLayout.JAVA_LONG, 16L * index + 8, buf.address());
    }

    @Test
    void forwardsCallsWhosePointersLieInsideMemory() throws Exception {
        MemorySegment page = page();
        MemorySegment wsabufs = page.asSlice(0, 32);
        wsabuf(wsabufs, 0, page.asSlice(1024, 100), 100);
        wsabuf(wsabufs, 1, page.asSlice(2048, 2048), 2048);
        int r = checked.WSASend(7, wsabufs, 2, page.asSlice(64, 4), 0, page.asSlice(128, 32));
        assertEquals(-1, r);
        assertEquals(997, checked.lastError());
        assertEquals(1, scripted.calls("WSASend").size());
    }

    @Test
    void rejectsAnOverlappedOutsideMemoryBeforeTheCall() throws Exception {
        MemorySegment page = page();
        MemorySegment wsabufs = page.asSlice(0, 16);
        wsabuf(wsabufs, 0, page.asSlice(1024, 100), 100);
        MemorySegment heapOverlapped = foreign.allocate(32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> checked.WSARecv(7, wsabufs, 1, page.asSlice(64, 4), page.asSlice(68, 4), heapOverlapped));
        assertTrue(e.getMessage().contains("WSARecv: lpOverlapped"), e.getMessage());
        assertTrue(scripted.calls("WSARecv").isEmpty(), "the call must not reach the delegate");
    }

    @Test
    void rejectsAWsabufPointingOutsideMemory() throws Exception {
        MemorySegment page = page();
        MemorySegment wsabufs = page.asSlice(0, 32);
        wsabuf(wsabufs, 0, page.asSlice(1024, 100), 100);
        wsabuf(wsabufs, 1, foreign.allocate(64), 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> checked.WSASend(7, wsabufs, 2, page.asSlice(64, 4), 0, page.asSlice(128, 32)));
        assertTrue(e.getMessage().contains("lpBuffers[1].buf"), e.getMessage());
    }

    @Test
    void rejectsAnExtentThatRunsPastTheAllocation() throws Exception {
        MemorySegment page = page();
        MemorySegment nearEnd = page.asSlice(page.byteSize() - 16, 16);
        assertThrows(IllegalArgumentException.class,
                () -> checked.ReadFile(9, nearEnd, 32, MemorySegment.NULL, page.asSlice(0, 32)));
        // The same extent inside the page is fine.
        checked.ReadFile(9, page.asSlice(256, 32), 32, MemorySegment.NULL, page.asSlice(0, 32));
        assertEquals(1, scripted.calls("ReadFile").size());
    }

    @Test
    void rejectsMemoryAfterItWasFreed() throws Exception {
        MemorySegment page = page();
        checked.memory().free(page);
        assertThrows(IllegalArgumentException.class,
                () -> checked.PostQueuedCompletionStatus(1, 0, 2, page.asSlice(0, 32)));
        assertThrows(IllegalArgumentException.class, () -> checked.memory().free(page));
    }

    @Test
    void acceptsNullWhereTheFunctionDocumentsIt() {
        checked.PostQueuedCompletionStatus(1, 0, 2, MemorySegment.NULL);
        checked.CancelIoEx(5, MemorySegment.NULL);
        assertEquals(1, scripted.calls("PostQueuedCompletionStatus").size());
        assertEquals(1, scripted.calls("CancelIoEx").size());
    }

    @Test
    void checksTheFileNameUpToItsTerminator() throws Exception {
        MemorySegment page = page();
        byte[] name = "C:\\data.bin\0".getBytes(StandardCharsets.UTF_16LE);
        MemorySegment atEnd = page.asSlice(page.byteSize() - name.length, name.length);
        atEnd.copyFrom(MemorySegment.ofArray(name));
        checked.CreateFileW(atEnd, 0, 0, 3, 0);
        // Without the terminator the name would run past the allocation.
        MemorySegment unterminated = page.asSlice(page.byteSize() - 4, 4);
        unterminated.set(ValueLayout.JAVA_SHORT, 0, (short) 'a');
        unterminated.set(ValueLayout.JAVA_SHORT, 2, (short) 'b');
        assertThrows(IllegalArgumentException.class, () -> checked.CreateFileW(unterminated, 0, 0, 3, 0));
        assertEquals(1, scripted.calls("CreateFileW").size());
    }

    @Test
    void checksGetsocknameAgainstTheInOutLength() throws Exception {
        MemorySegment page = page();
        MemorySegment len = page.asSlice(0, 4);
        len.set(ValueLayout.JAVA_INT, 0, 128);
        checked.getsockname(3, page.asSlice(64, 128), len);
        MemorySegment tail = page.asSlice(page.byteSize() - 28, 28);
        assertThrows(IllegalArgumentException.class, () -> checked.getsockname(3, tail, len));
    }
}
