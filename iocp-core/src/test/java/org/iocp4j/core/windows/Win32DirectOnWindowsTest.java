package org.iocp4j.core.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_FLAG_OVERLAPPED;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_SHARE_READ;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_SKIP_SET_EVENT_ON_HANDLE;
import static org.iocp4j.bindings.windows.Kernel32Constants.GENERIC_READ;
import static org.iocp4j.bindings.windows.Kernel32Constants.INVALID_HANDLE_VALUE;
import static org.iocp4j.bindings.windows.Kernel32Constants.OPEN_EXISTING;
import static org.iocp4j.bindings.windows.WinsockConstants.AF_INET;
import static org.iocp4j.bindings.windows.WinsockConstants.FIONREAD;
import static org.iocp4j.bindings.windows.WinsockConstants.INVALID_SOCKET;
import static org.iocp4j.bindings.windows.WinsockConstants.IPPROTO_TCP;
import static org.iocp4j.bindings.windows.WinsockConstants.SOCKET_ERROR;
import static org.iocp4j.bindings.windows.WinsockConstants.SOCK_STREAM;
import static org.iocp4j.bindings.windows.WinsockConstants.SOL_SOCKET;
import static org.iocp4j.bindings.windows.WinsockConstants.SO_UPDATE_ACCEPT_CONTEXT;
import static org.iocp4j.bindings.windows.WinsockConstants.SO_UPDATE_CONNECT_CONTEXT;
import static org.iocp4j.bindings.windows.WinsockConstants.WSA_FLAG_OVERLAPPED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iocp4j.bindings.windows.OVERLAPPED_ENTRY;
import org.iocp4j.bindings.windows.Sockaddrs;
import org.iocp4j.bindings.windows.Win32Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Win32Direct}'s real downcalls in a Windows JVM (windows-latest; the windows-jvm lane, a Windows JDK
 * under Wine): Winsock start-up, completion ports, per-thread error codes, overlapped TCP over loopback with
 * the extension functions, skip-on-success and overlapped file reads. Every assertion holds on Windows as
 * documented and under Wine 8 as measured (../shared/WINDOWS-TESTING.md); none of them touches a row where
 * the two differ. Skipped on other operating systems.
 */
class Win32DirectOnWindowsTest {
    private static final int WINSOCK_2_2 = 0x0202;
    private static final int WSADATA_BYTES = 408;
    private static final int SOCKADDR_IN_BYTES = 16;
    /** AcceptEx's address lengths: "at least 16 bytes more than the maximum address length" (AcceptEx docs). */
    private static final int ACCEPT_ADDRESS_BYTES = SOCKADDR_IN_BYTES + 16;
    private static final int OVERLAPPED_BYTES = 32;
    private static final int ENTRIES = 16;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final Win32Direct win32 = new Win32Direct();
    private final List<MemorySegment> pages = new ArrayList<>();
    private final Deque<Long> handles = new ArrayDeque<>();
    private final Deque<Long> sockets = new ArrayDeque<>();
    private SegmentAllocator scratch;

    @BeforeEach
    void startWinsock() throws Exception {
        WindowsTesting.assumeWindows("Win32Direct calls kernel32, ws2_32 and mswsock");
        scratch = SegmentAllocator.slicingAllocator(pages(64));
        MemorySegment wsaData = scratch.allocate(WSADATA_BYTES, 8);
        assertEquals(0, win32.WSAStartup(WINSOCK_2_2, wsaData), "WSAStartup");
        assertEquals(WINSOCK_2_2, wsaData.get(JAVA_SHORT, 0), "WSADATA.wVersion");
    }

    @AfterEach
    void release() throws Exception {
        while (!sockets.isEmpty()) {
            win32.closesocket(sockets.pop());
        }
        while (!handles.isEmpty()) {
            win32.CloseHandle(handles.pop());
        }
        for (MemorySegment p : pages) {
            win32.memory().free(p);
        }
    }

    private MemorySegment pages(int count) throws Exception {
        MemorySegment p = win32.memory().allocate(count * win32.memory().pageSize());
        pages.add(p);
        return p;
    }

    private MemorySegment bytes(long size) {
        return scratch.allocate(size, 8);
    }

    private long port() {
        long port = win32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 0);
        assertNotEquals(0, port, () -> "CreateIoCompletionPort failed with " + win32.lastError());
        handles.push(port);
        return port;
    }

    @Test
    void createsAndClosesAPortAndKeepsEachThreadsLastError() throws Exception {
        long port = win32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 0);
        assertNotEquals(0, port);
        assertNotEquals(0, win32.CloseHandle(port));
        // Not a second CloseHandle(port): Windows hands a freed handle value to the next handle any thread
        // of the JVM opens, and closing that one would break it.
        assertEquals(0, win32.CloseHandle(0), "NULL is no handle");
        assertEquals(Win32Errors.ERROR_INVALID_HANDLE, win32.lastError());

        long other = port();
        MemorySegment entries = bytes(OVERLAPPED_ENTRY.sizeof());
        MemorySegment removed = bytes(4);
        int[] seen = new int[1];
        Thread t = Thread.ofPlatform().start(() -> {
            win32.GetQueuedCompletionStatusEx(other, entries, 1, removed, 0);
            seen[0] = win32.lastError();
        });
        t.join();
        assertEquals(Win32Errors.WAIT_TIMEOUT, seen[0], "the other thread's own error");
        assertNotEquals(0, win32.PostQueuedCompletionStatus(other, 0, 0, MemorySegment.NULL));
        assertEquals(Win32Errors.ERROR_INVALID_HANDLE, win32.lastError(),
                "neither another thread's failure nor a success of this one replaces this thread's error");
    }

    @Test
    void postedPacketsComeBackInOrderAndInBatches() {
        long port = port();
        MemorySegment overlapped = bytes(5 * OVERLAPPED_BYTES);
        MemorySegment entries = bytes(ENTRIES * OVERLAPPED_ENTRY.sizeof());
        MemorySegment removed = bytes(4);
        for (int i = 0; i < 5; i++) {
            assertNotEquals(0, win32.PostQueuedCompletionStatus(port, 100 + i, 1000 + i,
                    overlapped.asSlice(i * OVERLAPPED_BYTES, OVERLAPPED_BYTES)));
        }
        assertNotEquals(0, win32.GetQueuedCompletionStatusEx(port, entries, ENTRIES, removed, 1000));
        assertEquals(5, removed.get(JAVA_INT, 0));
        for (int i = 0; i < 5; i++) {
            MemorySegment entry = OVERLAPPED_ENTRY.asSlice(entries, i);
            assertEquals(1000 + i, OVERLAPPED_ENTRY.lpCompletionKey(entry));
            assertEquals(overlapped.address() + i * OVERLAPPED_BYTES, OVERLAPPED_ENTRY.lpOverlapped(entry).address());
            assertEquals(100 + i, OVERLAPPED_ENTRY.dwNumberOfBytesTransferred(entry));
        }

        for (int i = 0; i < 3; i++) {
            assertNotEquals(0, win32.PostQueuedCompletionStatus(port, i, 7, MemorySegment.NULL));
        }
        assertNotEquals(0, win32.GetQueuedCompletionStatusEx(port, entries, 2, removed, 1000));
        assertEquals(2, removed.get(JAVA_INT, 0), "ulCount caps the batch");
        assertNotEquals(0, win32.GetQueuedCompletionStatusEx(port, entries, 2, removed, 1000));
        assertEquals(1, removed.get(JAVA_INT, 0));
        assertEquals(0, OVERLAPPED_ENTRY.lpOverlapped(entries).address(), "a NULL lpOverlapped comes back NULL");

        assertEquals(0, win32.GetQueuedCompletionStatusEx(port, entries, ENTRIES, removed, 0));
        assertEquals(Win32Errors.WAIT_TIMEOUT, win32.lastError());
    }

    @Test
    void aBlockingWaitBlocksOnlyItsCallingThreadAndAPostWakesIt() throws Exception {
        long waitedOn = port();
        long busy = port();
        MemorySegment waiterEntries = bytes(OVERLAPPED_ENTRY.sizeof());
        MemorySegment waiterRemoved = bytes(4);
        MemorySegment entries = bytes(OVERLAPPED_ENTRY.sizeof());
        MemorySegment removed = bytes(4);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Long> waiter = executor.submit(() -> {
                int r = win32.GetQueuedCompletionStatusEx(waitedOn, waiterEntries, 1, waiterRemoved, 30_000);
                return r == 0 ? -win32.lastError() : OVERLAPPED_ENTRY.lpCompletionKey(waiterEntries);
            });
            Thread.sleep(200);
            assertFalse(waiter.isDone(), "the waiter returned before anything was posted");

            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                assertNotEquals(0, win32.PostQueuedCompletionStatus(busy, i, i, MemorySegment.NULL));
                assertNotEquals(0, win32.GetQueuedCompletionStatusEx(busy, entries, 1, removed, 1000));
                assertEquals(i, OVERLAPPED_ENTRY.lpCompletionKey(entries));
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(waiter.isDone(), "the waiter returned although nothing was posted to its port");
            assertTrue(elapsedMs < 10_000, "500 round trips on another thread took " + elapsedMs + " ms");

            // A post, never a CloseHandle of the port: Wine does not wake a thread waiting on a closed port.
            assertNotEquals(0, win32.PostQueuedCompletionStatus(waitedOn, 0, 77, MemorySegment.NULL));
            assertEquals(77, waiter.get(5, TimeUnit.SECONDS), "the waiter's dequeued key (negative: its error)");
        } finally {
            executor.shutdownNow();
        }
    }

    /** Dequeues completions until {@code overlapped}'s arrives; keeps the others for later calls. */
    private final class Completions {
        private final long port;
        private final MemorySegment entries = bytes(ENTRIES * OVERLAPPED_ENTRY.sizeof());
        private final MemorySegment removed = bytes(4);
        private final Map<Long, long[]> arrived = new HashMap<>();

        Completions(long port) {
            this.port = port;
        }

        /** The completion's [key, bytes transferred]; fails unless its NTSTATUS is STATUS_SUCCESS. */
        long[] await(MemorySegment overlapped) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!arrived.containsKey(overlapped.address())) {
                assertTrue(System.nanoTime() < deadline, "no completion for the OVERLAPPED within 10 s");
                if (win32.GetQueuedCompletionStatusEx(port, entries, ENTRIES, removed, 1000) == 0) {
                    assertEquals(Win32Errors.WAIT_TIMEOUT, win32.lastError());
                    continue;
                }
                for (int i = 0; i < removed.get(JAVA_INT, 0); i++) {
                    MemorySegment entry = OVERLAPPED_ENTRY.asSlice(entries, i);
                    assertEquals(0, OVERLAPPED_ENTRY.Internal(entry), "the completion's NTSTATUS");
                    arrived.put(OVERLAPPED_ENTRY.lpOverlapped(entry).address(), new long[] {
                            OVERLAPPED_ENTRY.lpCompletionKey(entry),
                            Integer.toUnsignedLong(OVERLAPPED_ENTRY.dwNumberOfBytesTransferred(entry))});
                }
            }
            return arrived.remove(overlapped.address());
        }

        /** Asserts that nothing is queued within {@code ms}. */
        void assertNone(int ms) {
            assertEquals(0, win32.GetQueuedCompletionStatusEx(port, entries, ENTRIES, removed, ms),
                    "a completion packet was queued");
            assertEquals(Win32Errors.WAIT_TIMEOUT, win32.lastError());
        }
    }

    private long socket(long port, long key) {
        long s = win32.WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, WSA_FLAG_OVERLAPPED);
        assertNotEquals(INVALID_SOCKET, s, () -> "WSASocketW failed with " + win32.lastError());
        sockets.push(s);
        assertEquals(port, win32.CreateIoCompletionPort(s, port, key, 0), "associating the socket with the port");
        return s;
    }

    private MemorySegment loopback(int tcpPort) {
        MemorySegment address = bytes(SOCKADDR_IN_BYTES);
        assertEquals(SOCKADDR_IN_BYTES, Sockaddrs.writeIPv4(address, LOOPBACK, tcpPort));
        return address;
    }

    private InetSocketAddress localAddress(long socket) {
        MemorySegment name = bytes(SOCKADDR_IN_BYTES);
        MemorySegment length = bytes(4);
        length.set(JAVA_INT, 0, SOCKADDR_IN_BYTES);
        assertEquals(0, win32.getsockname(socket, name, length), () -> "getsockname: " + win32.lastError());
        return Sockaddrs.read(name);
    }

    /**
     * Sockets connected over loopback by AcceptEx and ConnectEx: [accepted (key 3), client (key 2)]. The
     * accepted socket gets SO_UPDATE_ACCEPT_CONTEXT before anything else asks it (Windows refuses getpeername
     * without it; Wine does not).
     */
    private long[] connectedPair(long port, Completions completions) {
        long listener = socket(port, 1);
        assertEquals(0, win32.bind(listener, loopback(0), SOCKADDR_IN_BYTES), () -> "bind: " + win32.lastError());
        assertEquals(0, win32.listen(listener, 16), () -> "listen: " + win32.lastError());
        int listenPort = localAddress(listener).getPort();

        long accepted = win32.WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, WSA_FLAG_OVERLAPPED);
        assertNotEquals(INVALID_SOCKET, accepted);
        sockets.push(accepted);
        MemorySegment acceptBuffer = bytes(2 * ACCEPT_ADDRESS_BYTES);
        MemorySegment acceptOverlapped = bytes(OVERLAPPED_BYTES);
        int r = win32.AcceptEx(listener, accepted, acceptBuffer, 0, ACCEPT_ADDRESS_BYTES, ACCEPT_ADDRESS_BYTES,
                bytes(4), acceptOverlapped);
        assertEquals(0, r, "AcceptEx with no client yet completes later");
        assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError());

        long client = socket(port, 2);
        assertEquals(0, win32.bind(client, loopback(0), SOCKADDR_IN_BYTES), "ConnectEx needs a bound socket");
        MemorySegment connectOverlapped = bytes(OVERLAPPED_BYTES);
        r = win32.ConnectEx(client, loopback(listenPort), SOCKADDR_IN_BYTES, MemorySegment.NULL, 0,
                MemorySegment.NULL, connectOverlapped);
        if (r == 0) {
            assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError(), "ConnectEx");
        }
        assertEquals(2, completions.await(connectOverlapped)[0]);
        assertEquals(1, completions.await(acceptOverlapped)[0]);

        MemorySegment listenerValue = bytes(8);
        listenerValue.set(JAVA_LONG, 0, listener);
        assertEquals(0, win32.setsockopt(accepted, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, listenerValue, 8));
        assertEquals(0, win32.setsockopt(client, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, MemorySegment.NULL, 0));
        assertEquals(port, win32.CreateIoCompletionPort(accepted, port, 3, 0));

        MemorySegment local = bytes(8);
        MemorySegment localLength = bytes(4);
        MemorySegment remote = bytes(8);
        MemorySegment remoteLength = bytes(4);
        win32.GetAcceptExSockaddrs(acceptBuffer, 0, ACCEPT_ADDRESS_BYTES, ACCEPT_ADDRESS_BYTES, local, localLength,
                remote, remoteLength);
        InetSocketAddress peer = Sockaddrs.read(MemorySegment.ofAddress(remote.get(JAVA_LONG, 0))
                .reinterpret(remoteLength.get(JAVA_INT, 0)));
        assertEquals(localAddress(client), peer, "AcceptEx's remote address is the client's local address");
        InetSocketAddress self = Sockaddrs.read(MemorySegment.ofAddress(local.get(JAVA_LONG, 0))
                .reinterpret(localLength.get(JAVA_INT, 0)));
        assertEquals(listenPort, self.getPort());
        return new long[] {accepted, client};
    }

    private MemorySegment wsabufs(MemorySegment... buffers) {
        MemorySegment array = bytes(16L * buffers.length);
        for (int i = 0; i < buffers.length; i++) {
            array.set(JAVA_INT, 16L * i, (int) buffers[i].byteSize());
            array.set(JAVA_LONG, 16L * i + 8, buffers[i].address());
        }
        return array;
    }

    @Test
    void transfersBytesExactlyOverLoopbackWithCompletionsOnThePort() throws Exception {
        long port = port();
        Completions completions = new Completions(port);
        long[] pair = connectedPair(port, completions);
        long accepted = pair[0];
        long client = pair[1];

        byte[] payload = new byte[256 * 1024];
        new Random(5).nextBytes(payload);
        MemorySegment sendBuffer = pages(payload.length / 4096).copyFrom(MemorySegment.ofArray(payload));
        MemorySegment sendOverlapped = bytes(OVERLAPPED_BYTES);
        int r = win32.WSASend(client, wsabufs(sendBuffer.asSlice(0, 100_000), sendBuffer.asSlice(100_000)), 2,
                MemorySegment.NULL, 0, sendOverlapped);
        if (r == SOCKET_ERROR) {
            assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError(), "WSASend");
        }

        MemorySegment receiveBuffer = pages(16);
        MemorySegment received = pages(payload.length / 4096);
        MemorySegment flags = bytes(4);
        MemorySegment receiveOverlapped = bytes(OVERLAPPED_BYTES);
        long total = 0;
        while (total < payload.length) {
            flags.set(JAVA_INT, 0, 0);
            r = win32.WSARecv(accepted, wsabufs(receiveBuffer), 1, MemorySegment.NULL, flags, receiveOverlapped);
            if (r == SOCKET_ERROR) {
                assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError(), "WSARecv");
            }
            long[] completion = completions.await(receiveOverlapped);
            assertEquals(3, completion[0], "the accepted socket's completion key");
            assertTrue(completion[1] > 0, "the peer did not close; a receive completes with data");
            MemorySegment.copy(receiveBuffer, 0, received, total, completion[1]);
            total += completion[1];
        }
        long[] sent = completions.await(sendOverlapped);
        assertEquals(2, sent[0]);
        assertEquals(payload.length, sent[1], "bytes sent");
        assertEquals(payload.length, total, "bytes received");
        assertArrayEquals(payload, received.toArray(JAVA_BYTE));
    }

    /** Waits until {@code socket} has {@code bytes} to read: a completed send says nothing about the peer. */
    private void awaitReadable(long socket, int bytes) throws InterruptedException {
        MemorySegment available = bytes(4);
        MemorySegment returned = bytes(4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            assertEquals(0, win32.WSAIoctl(socket, FIONREAD, MemorySegment.NULL, 0, available, 4, returned,
                    MemorySegment.NULL), () -> "WSAIoctl(FIONREAD): " + win32.lastError());
            if (available.get(JAVA_INT, 0) >= bytes) {
                return;
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(available.get(JAVA_INT, 0) + " of " + bytes + " bytes arrived within 10 s");
    }

    @Test
    void skipOnSuccessQueuesNoPacketForAnImmediateReceiveButDoesForAPendingOne() throws Exception {
        long port = port();
        Completions completions = new Completions(port);
        long[] pair = connectedPair(port, completions);
        long accepted = pair[0];
        long client = pair[1];
        assertNotEquals(0, win32.SetFileCompletionNotificationModes(accepted,
                FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE));

        MemorySegment data = bytes(10).fill((byte) 'x');
        MemorySegment sendOverlapped = bytes(OVERLAPPED_BYTES);
        int r = win32.WSASend(client, wsabufs(data), 1, MemorySegment.NULL, 0, sendOverlapped);
        assertTrue(r == 0 || win32.lastError() == Win32Errors.ERROR_IO_PENDING, "WSASend");
        assertEquals(10, completions.await(sendOverlapped)[1], "the client has no skip mode: its send completes");
        awaitReadable(accepted, 10);

        MemorySegment buffer = bytes(64);
        MemorySegment count = bytes(4);
        MemorySegment flags = bytes(4);
        MemorySegment receiveOverlapped = bytes(OVERLAPPED_BYTES);
        r = win32.WSARecv(accepted, wsabufs(buffer), 1, count, flags, receiveOverlapped);
        assertEquals(0, r, () -> "data is waiting, so WSARecv completes at once (error " + win32.lastError() + ")");
        assertEquals(10, count.get(JAVA_INT, 0));
        completions.assertNone(300);

        receiveOverlapped.fill((byte) 0);
        r = win32.WSARecv(accepted, wsabufs(buffer), 1, count, flags, receiveOverlapped);
        assertEquals(SOCKET_ERROR, r, "nothing to read yet");
        assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError());
        MemorySegment more = bytes(5).fill((byte) 'y');
        MemorySegment secondSend = bytes(OVERLAPPED_BYTES);
        r = win32.WSASend(client, wsabufs(more), 1, MemorySegment.NULL, 0, secondSend);
        assertTrue(r == 0 || win32.lastError() == Win32Errors.ERROR_IO_PENDING, "WSASend");
        assertEquals(5, completions.await(receiveOverlapped)[1], "a pending receive still completes through the port");
        assertEquals(5, completions.await(secondSend)[1]);
    }

    @Test
    void readsAFileOverlappedAtAnOffsetThroughThePort(@TempDir Path directory) throws Exception {
        byte[] content = new byte[10_000];
        new Random(11).nextBytes(content);
        Path file = Files.write(directory.resolve("data.bin"), content);
        byte[] windowsName = (file.toAbsolutePath().toString() + '\0').getBytes(StandardCharsets.UTF_16LE);
        MemorySegment name = bytes(windowsName.length).copyFrom(MemorySegment.ofArray(windowsName));
        long handle = win32.CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, FILE_FLAG_OVERLAPPED);
        assertNotEquals(INVALID_HANDLE_VALUE, handle, () -> "CreateFileW failed with " + win32.lastError());
        handles.push(handle);
        MemorySegment size = bytes(8);
        assertNotEquals(0, win32.GetFileSizeEx(handle, size));
        assertEquals(content.length, size.get(JAVA_LONG, 0));

        long port = port();
        assertEquals(port, win32.CreateIoCompletionPort(handle, port, 9, 0));
        MemorySegment overlapped = bytes(OVERLAPPED_BYTES);
        overlapped.set(JAVA_INT, 16, 4096); // OVERLAPPED.Offset
        MemorySegment buffer = bytes(8192);
        // Windows may finish a cached read at once, Wine never does (WINDOWS-TESTING.md); without skip-on-success
        // both queue the packet.
        int r = win32.ReadFile(handle, buffer, 8192, MemorySegment.NULL, overlapped);
        if (r == 0) {
            assertEquals(Win32Errors.ERROR_IO_PENDING, win32.lastError(), "ReadFile");
        }
        long[] completion = new Completions(port).await(overlapped);
        assertEquals(9, completion[0]);
        assertEquals(content.length - 4096, completion[1]);
        MemorySegment transferred = bytes(4);
        assertNotEquals(0, win32.GetOverlappedResult(handle, overlapped, transferred));
        assertEquals(content.length - 4096, transferred.get(JAVA_INT, 0));
        assertArrayEquals(Arrays.copyOfRange(content, 4096, content.length),
                buffer.asSlice(0, content.length - 4096).toArray(JAVA_BYTE));
    }
}
