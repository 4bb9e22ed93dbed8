package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * What can be seen of {@link Win32Direct} off Windows: each method reaches the binding of its own name
 * (which, without kernel32 / ws2_32, fails naming library and function), and memory is the OS's pages.
 * Its behaviour on Windows is {@link Win32DirectOnWindowsTest}'s.
 */
class Win32DirectTest {
    private final Win32Direct win32 = new Win32Direct();

    private static void assumeNotWindows() {
        assumeFalse(WindowsTesting.WINDOWS, "on Windows the bindings are there: Win32DirectOnWindowsTest");
    }

    private static void reaches(String function, Runnable call) {
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, call::run);
        assertTrue(e.getMessage().contains("!" + function + " "), e.getMessage());
    }

    @Test
    void eachMethodCallsTheBindingOfItsName() {
        assumeNotWindows();
        MemorySegment p = MemorySegment.NULL;
        reaches("CreateIoCompletionPort", () -> win32.CreateIoCompletionPort(-1, 0, 0, 2));
        reaches("GetQueuedCompletionStatusEx", () -> win32.GetQueuedCompletionStatusEx(1, p, 1, p, 0));
        reaches("PostQueuedCompletionStatus", () -> win32.PostQueuedCompletionStatus(1, 0, 0, p));
        reaches("CancelIoEx", () -> win32.CancelIoEx(1, p));
        reaches("SetFileCompletionNotificationModes", () -> win32.SetFileCompletionNotificationModes(1, 3));
        reaches("ReadFile", () -> win32.ReadFile(1, p, 0, p, p));
        reaches("GetOverlappedResult", () -> win32.GetOverlappedResult(1, p, p));
        reaches("WSAStartup", () -> win32.WSAStartup(0x0202, p));
        reaches("WSASocketW", () -> win32.WSASocketW(2, 1, 6, 1));
        reaches("WSARecv", () -> win32.WSARecv(1, p, 1, p, p, p));
        reaches("WSASend", () -> win32.WSASend(1, p, 1, p, 0, p));
        reaches("WSAGetOverlappedResult", () -> win32.WSAGetOverlappedResult(1, p, p, p));
        reaches("WSAIoctl", () -> win32.WSAIoctl(1, 0, p, 0, p, 0, p, p));
        reaches("closesocket", () -> win32.closesocket(1));
    }

    @Test
    void memoryIsPageAlignedOsMemory() throws Exception {
        long page = win32.memory().pageSize();
        MemorySegment pages = win32.memory().allocate(2 * page);
        try {
            assertEquals(0, pages.address() % page);
            assertEquals(2 * page, pages.byteSize());
        } finally {
            win32.memory().free(pages);
        }
    }

    @Test
    void lastErrorStartsAtZeroOnEveryThread() throws Exception {
        // On a new thread: the error is the thread's, as GetLastError()'s is, whichever Win32Direct made the
        // failing call, so the test runner's thread carries the last failure of any earlier test (seen in the
        // windows-jvm lane: 997 from IocpBackendOnWindowsTest).
        int[] seen = {-1};
        Thread t = Thread.ofPlatform().start(() -> seen[0] = win32.lastError());
        t.join();
        assertEquals(0, seen[0]);
    }
}
