package org.iocp4j.core.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_CQE_F_MORE;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_FEAT_EXT_ARG;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_SQ_CQ_OVERFLOW;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;
import static org.iocp4j.bindings.linux.IoUringConstants.IORING_SETUP_SUBMIT_ALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.linux.Errno;
import org.iocp4j.bindings.linux.ErrnoException;
import org.iocp4j.bindings.linux.Libc;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.bindings.linux.in_addr;
import org.iocp4j.bindings.linux.iovec;
import org.iocp4j.bindings.linux.msghdr;
import org.iocp4j.bindings.linux.sockaddr_in;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IoUringRing} and {@link ProvidedBufferRing} against the real kernel: NOPs, bounded waits, cross-thread
 * wake-up, a TCP loopback connection driven entirely through the ring, multishot accept, provided buffers,
 * cancellation, CQ sizing and overflow, and release on close. Every wait is bounded by a deadline.
 */
class IoUringRingTest {
    /** The longest any single test waits for completions before failing. */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Arena arena;
    private MemorySegment cs;
    private final List<Integer> fds = new ArrayList<>();

    @BeforeAll
    static void linux() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "io_uring exists only on Linux; this is " + System.getProperty("os.name"));
    }

    @BeforeEach
    void setUp() {
        arena = Arena.ofConfined();
        cs = CallState.allocate(arena);
    }

    @AfterEach
    void tearDown() {
        if (arena == null) {
            return; // skipped before setUp allocated anything
        }
        for (int fd : fds) {
            Libc.close(cs, fd);
        }
        arena.close();
    }

    /** CQEs by user_data, in arrival order; {res, flags}. */
    private static final class Collected implements CqeHandler {
        final Map<Long, int[]> byUserData = new LinkedHashMap<>();
        final List<long[]> all = new ArrayList<>();

        @Override
        public void onCqe(long userData, int res, int flags) {
            byUserData.put(userData, new int[] {res, flags});
            all.add(new long[] {userData, res, flags});
        }

        int res(long userData) {
            int[] cqe = byUserData.get(userData);
            if (cqe == null) {
                fail("no CQE for user_data " + userData + "; have " + byUserData.keySet());
            }
            return cqe[0];
        }

        int flags(long userData) {
            res(userData);
            return byUserData.get(userData)[1];
        }
    }

    /** Waits (bounded) until CQEs for all {@code userData} arrived. */
    private static void await(IoUringRing ring, Collected cqes, long... userData) throws ErrnoException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!hasAll(cqes, userData)) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for CQEs " + Arrays.toString(userData) + "; have "
                        + cqes.byUserData.keySet());
            }
            ring.submitAndWait(1, POLL_NANOS, cqes);
        }
    }

    private static boolean hasAll(Collected cqes, long... userData) {
        for (long ud : userData) {
            if (!cqes.byUserData.containsKey(ud)) {
                return false;
            }
        }
        return true;
    }

    private int track(int fd, String what) throws ErrnoException {
        if (fd < 0) {
            throw ErrnoException.of(what, cs);
        }
        fds.add(fd);
        return fd;
    }

    private int tcpSocket() throws ErrnoException {
        return track(Libc.socket(cs, LinuxConstants.AF_INET,
                LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_CLOEXEC, 0), "socket");
    }

    /** {@code sockaddr_in} for 127.0.0.1:port, in network byte order. */
    private MemorySegment loopback(int port) {
        MemorySegment sa = sockaddr_in.allocate(arena);
        sockaddr_in.sin_family(sa, (short) LinuxConstants.AF_INET);
        sockaddr_in.sin_port(sa, Short.reverseBytes((short) port));
        in_addr.s_addr(sockaddr_in.sin_addr(sa), Integer.reverseBytes(LinuxConstants.INADDR_LOOPBACK));
        return sa;
    }

    /** A listening socket on 127.0.0.1 with a kernel-chosen port; returns {fd, port}. */
    private int[] listener() throws ErrnoException {
        int fd = tcpSocket();
        MemorySegment sa = loopback(0);
        if (Libc.bind(cs, fd, sa, (int) sockaddr_in.sizeof()) != 0) {
            throw ErrnoException.of("bind", cs);
        }
        if (Libc.listen(cs, fd, 16) != 0) {
            throw ErrnoException.of("listen", cs);
        }
        MemorySegment len = arena.allocate(JAVA_INT);
        len.set(JAVA_INT, 0, (int) sockaddr_in.sizeof());
        if (Libc.getsockname(cs, fd, sa, len) != 0) {
            throw ErrnoException.of("getsockname", cs);
        }
        return new int[] {fd, Short.toUnsignedInt(Short.reverseBytes(sockaddr_in.sin_port(sa)))};
    }

    /** A connected pair {server side, client side}, both set up through the ring (ACCEPT + CONNECT). */
    private int[] connectThroughRing(IoUringRing ring, Collected cqes) throws ErrnoException {
        int[] listen = listener();
        int client = tcpSocket();
        ring.prepAccept(listen[0], MemorySegment.NULL, MemorySegment.NULL, LinuxConstants.SOCK_CLOEXEC, 100);
        ring.prepConnect(client, loopback(listen[1]), (int) sockaddr_in.sizeof(), 101);
        await(ring, cqes, 100, 101);
        assertEquals(0, cqes.res(101), "connect res");
        int server = track(cqes.res(100), "accept");
        assertTrue(server >= 0, "accept res " + server);
        return new int[] {server, client};
    }

    private MemorySegment bytes(String text) {
        return arena.allocateFrom(text, StandardCharsets.UTF_8).asSlice(0, text.length());
    }

    private static String text(MemorySegment buffer, int length) {
        return new String(buffer.asSlice(0, length).toArray(JAVA_BYTE),
                StandardCharsets.UTF_8);
    }

    @Test
    void nopBatchesCompleteWithTheirUserData() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 32)) {
            Collected cqes = new Collected();
            long[] all = new long[24];
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 8; i++) {
                    long ud = 0xC0DE_0000L + batch * 8 + i;
                    all[batch * 8 + i] = ud;
                    ring.prepNop(ud);
                }
                ring.submitAndWait(8, DEADLINE_NANOS, cqes);
            }
            await(ring, cqes, all);
            assertEquals(24, cqes.all.size(), "one CQE per NOP, no duplicates, none of the ring's own");
            for (long ud : all) {
                assertEquals(0, cqes.res(ud), "NOP res");
            }
        }
    }

    @Test
    void setupUsesTheBestFlagsThisKernelHas() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            String[] version = System.getProperty("os.version").split("[.-]");
            int major = Integer.parseInt(version[0]);
            int minor = Integer.parseInt(version[1]);
            // SINGLE_ISSUER 6.0, DEFER_TASKRUN 6.1, SUBMIT_ALL 5.18 (io_uring_setup(2))
            if (major > 6 || major == 6 && minor >= 1) {
                int expected = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SUBMIT_ALL;
                assertEquals(expected, ring.setupFlags() & expected, "setup flags 0x"
                        + Integer.toHexString(ring.setupFlags()));
            }
            assertEquals((ring.features() & IORING_FEAT_EXT_ARG) != 0, ring.usesExtArg());
            assertEquals(8, ring.sqEntries());
            assertEquals(8, ring.cqEntries());
        }
    }

    @Test
    void boundedWaitTimesOutWhenNothingIsPending() throws Exception {
        for (boolean extArg : new boolean[] {true, false}) {
            try (IoUringRing ring = new IoUringRing(8, 8, extArg)) {
                assertEquals(extArg && (ring.features() & IORING_FEAT_EXT_ARG) != 0, ring.usesExtArg());
                Collected cqes = new Collected();
                long start = System.nanoTime();
                int delivered = ring.submitAndWait(1, TimeUnit.MILLISECONDS.toNanos(150), cqes);
                long elapsed = System.nanoTime() - start;
                assertEquals(0, delivered, "extArg=" + extArg);
                assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(100), "returned after " + elapsed + " ns");
                assertTrue(elapsed < TimeUnit.MILLISECONDS.toNanos(1500), "returned after " + elapsed + " ns");
                // A zero timeout does not block at all. With nothing pending, a wait that blocked would block
                // for good, so the bound only has to tell "returned" from "never returns": 10 s cannot be met
                // by a machine merely busy, where the former 100 ms could.
                start = System.nanoTime();
                assertEquals(0, ring.submitAndWait(1, 0, cqes));
                long zeroWait = System.nanoTime() - start;
                assertTrue(zeroWait < TimeUnit.SECONDS.toNanos(10), "returned after " + zeroWait + " ns");
                assertTrue(cqes.all.isEmpty(), "the ring's own timeout CQEs are not delivered: " + cqes.byUserData);
            }
        }
    }

    @Test
    void wakeupFromAnotherThreadUnblocksAWait() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            Collected cqes = new Collected();
            CompletableFuture<Void> waker = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ring.wakeup();
            });
            long start = System.nanoTime();
            assertEquals(0, ring.submitAndWait(1, TimeUnit.SECONDS.toNanos(3), cqes));
            long elapsed = System.nanoTime() - start;
            waker.get(2, TimeUnit.SECONDS);
            assertTrue(elapsed < TimeUnit.MILLISECONDS.toNanos(1500), "woken after " + elapsed + " ns");
            assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(50), "returned before the wake-up: " + elapsed);
            assertTrue(cqes.all.isEmpty(), "the wake-up CQE is not delivered");
        }
    }

    @Test
    void redundantWakeupsCoalesceAndThePollStaysArmed() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            Collected cqes = new Collected();
            for (int round = 0; round < 3; round++) {
                ring.wakeup();
                ring.wakeup();
                ring.wakeup();
                long start = System.nanoTime();
                ring.submitAndWait(1, TimeUnit.SECONDS.toNanos(2), cqes);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "round " + round + " not woken");
                // the three calls made one wake-up, consumed above: the next wait runs into its timeout
                start = System.nanoTime();
                ring.submitAndWait(1, TimeUnit.MILLISECONDS.toNanos(120), cqes);
                assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(80),
                        "round " + round + ": a stale wake-up ended the wait early");
            }
            assertTrue(cqes.all.isEmpty());
        }
    }

    @Test
    void tcpLoopbackThroughTheRing() throws Exception {
        try (IoUringRing ring = IoUringRing.open(16, 64)) {
            Collected cqes = new Collected();
            int[] pair = connectThroughRing(ring, cqes);
            int server = pair[0];
            int client = pair[1];

            // SEND / RECV
            MemorySegment ping = bytes("ping \u00e9\u00e8 through io_uring");
            MemorySegment in = arena.allocate(256);
            ring.prepRecv(server, in, 0, 1);
            ring.prepSend(client, ping, LinuxConstants.MSG_NOSIGNAL, 2);
            await(ring, cqes, 1, 2);
            assertEquals((int) ping.byteSize(), cqes.res(2), "send res");
            assertEquals((int) ping.byteSize(), cqes.res(1), "recv res");
            assertArrayEquals(ping.toArray(JAVA_BYTE),
                    in.asSlice(0, ping.byteSize()).toArray(JAVA_BYTE));

            // SENDMSG / RECVMSG, two iovecs each way
            MemorySegment a = bytes("scatter-");
            MemorySegment b = bytes("gather");
            MemorySegment out = msg(a, b);
            MemorySegment r1 = arena.allocate(8);
            MemorySegment r2 = arena.allocate(6);
            MemorySegment inMsg = msg(r1, r2);
            ring.prepRecvmsg(server, inMsg, LinuxConstants.MSG_WAITALL, 3);
            ring.prepSendmsg(client, out, LinuxConstants.MSG_NOSIGNAL, 4);
            await(ring, cqes, 3, 4);
            assertEquals(14, cqes.res(4), "sendmsg res");
            // MSG_WAITALL: the two iovecs hold exactly the 14 bytes sent, so the recvmsg fills both
            assertEquals(14, cqes.res(3), "recvmsg res");
            assertEquals("scatter-", text(r1, 8));
            assertEquals("gather", text(r2, 6));

            // WRITE / READ, then the _FIXED forms from registered buffers
            MemorySegment fixed = arena.allocate(4096, 4096);
            ring.registerBuffers(fixed);
            MemorySegment payload = fixed.asSlice(0, 11);
            payload.copyFrom(bytes("fixed write"));
            MemorySegment landing = fixed.asSlice(1024, 64);
            ring.prepWrite(client, bytes("plain write"), 0, 5);
            await(ring, cqes, 5);
            ring.prepRead(server, in.asSlice(0, 64), 0, 6);
            await(ring, cqes, 6);
            assertEquals(11, cqes.res(5), "write res");
            assertEquals("plain write", text(in, cqes.res(6)));
            ring.prepWriteFixed(client, payload, 0, 0, 7);
            await(ring, cqes, 7);
            ring.prepReadFixed(server, landing, 0, 0, 8);
            await(ring, cqes, 8);
            assertEquals(11, cqes.res(7), "write_fixed res");
            assertEquals("fixed write", text(landing, cqes.res(8)));
            ring.unregisterBuffers();

            // CLOSE through the ring: the client's end closes, the server reads end of stream
            fds.remove((Integer) client);
            ring.prepClose(client, 9);
            await(ring, cqes, 9);
            assertEquals(0, cqes.res(9), "close res");
            ring.prepRecv(server, in, 0, 10);
            await(ring, cqes, 10);
            assertEquals(0, cqes.res(10), "recv after the peer closed: end of stream");
        }
    }

    /** A {@code msghdr} over the given buffers, no name, no control data. */
    private MemorySegment msg(MemorySegment... buffers) {
        MemorySegment iov = iovec.allocateArray(buffers.length, arena);
        for (int i = 0; i < buffers.length; i++) {
            iovec.iov_base(iovec.asSlice(iov, i), buffers[i]);
            iovec.iov_len(iovec.asSlice(iov, i), buffers[i].byteSize());
        }
        MemorySegment msg = msghdr.allocate(arena);
        msghdr.msg_iov(msg, iov);
        msghdr.msg_iovlen(msg, buffers.length);
        return msg;
    }

    @Test
    void multishotAcceptPostsOneCqePerConnection() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 32)) {
            Collected cqes = new Collected();
            int[] listen = listener();
            ring.prepMultishotAccept(listen[0], MemorySegment.NULL, MemorySegment.NULL, LinuxConstants.SOCK_CLOEXEC,
                    7);
            ring.submit();
            MemorySegment to = loopback(listen[1]);
            for (int i = 0; i < 3; i++) {
                int client = tcpSocket();
                if (Libc.connect(cs, client, to, (int) sockaddr_in.sizeof()) != 0) {
                    throw ErrnoException.of("connect", cs);
                }
            }
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (cqes.all.size() < 3 && System.nanoTime() - deadline < 0) {
                ring.submitAndWait(1, POLL_NANOS, cqes);
            }
            assertEquals(3, cqes.all.size(), "one CQE per connection: " + cqes.all);
            for (long[] cqe : cqes.all) {
                assertEquals(7, cqe[0]);
                track((int) cqe[1], "multishot accept");
                assertTrue((cqe[2] & IORING_CQE_F_MORE) != 0, "IORING_CQE_F_MORE while armed");
            }
            // cancel ends it: a last CQE without F_MORE
            cqes.all.clear();
            cqes.byUserData.clear();
            ring.prepAsyncCancel(7, 0, 8);
            await(ring, cqes, 7, 8);
            assertEquals(0, cqes.res(8), "cancel res");
            assertEquals(-Errno.ECANCELED, cqes.res(7));
            assertEquals(0, cqes.flags(7) & IORING_CQE_F_MORE, "the final CQE has no F_MORE");
        }
    }

    @Test
    void providedBufferRecvLandsInTheBufferItNames() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 32)) {
            Collected cqes = new Collected();
            int[] pair = connectThroughRing(ring, cqes);
            MemorySegment ringMemory = arena.allocate(4096, 4096);
            MemorySegment pool = arena.allocate(4 * 64L, 64);
            ProvidedBufferRing buffers = ring.registerBufferRing(5, ringMemory, 4);
            // ids added out of order: the kernel takes entries in ring order, so the first recv gets id 2
            int[] order = {2, 0, 3, 1};
            for (int bid : order) {
                buffers.add(pool.asSlice(bid * 64L, 64), bid);
            }
            buffers.publish();

            String[] messages = {"first datagram-ish", "second"};
            for (int i = 0; i < messages.length; i++) {
                ring.prepRecvBufferSelect(pair[0], buffers.bgid(), 0, 0, false, 20 + i);
                ring.prepSend(pair[1], bytes(messages[i]), LinuxConstants.MSG_NOSIGNAL, 30 + i);
                await(ring, cqes, 20 + i, 30 + i);
                int flags = cqes.flags(20 + i);
                assertTrue(ProvidedBufferRing.hasBuffer(flags), "IORING_CQE_F_BUFFER in 0x" + Integer.toHexString(flags));
                int bid = ProvidedBufferRing.bufferId(flags);
                assertEquals(order[i], bid, "buffer picked in ring order");
                assertEquals(messages[i], text(pool.asSlice(bid * 64L, 64), cqes.res(20 + i)));
            }
            // recycle id 2 and use the rest: the ring hands out 3, 1, then the recycled 2
            buffers.recycle(pool.asSlice(2 * 64L, 64), 2);
            int[] expected = {3, 1, 2};
            for (int i = 0; i < expected.length; i++) {
                ring.prepRecvBufferSelect(pair[0], buffers.bgid(), 0, 0, false, 40 + i);
                ring.prepSend(pair[1], bytes("msg" + i), LinuxConstants.MSG_NOSIGNAL, 50 + i);
                await(ring, cqes, 40 + i, 50 + i);
                int bid = ProvidedBufferRing.bufferId(cqes.flags(40 + i));
                assertEquals(expected[i], bid);
                assertEquals("msg" + i, text(pool.asSlice(bid * 64L, 64), cqes.res(40 + i)));
            }
            // the group is empty now: a recv fails with ENOBUFS instead of writing anywhere
            ring.prepRecvBufferSelect(pair[0], buffers.bgid(), 0, 0, false, 60);
            ring.prepSend(pair[1], bytes("no room"), LinuxConstants.MSG_NOSIGNAL, 61);
            await(ring, cqes, 60, 61);
            assertEquals(-Errno.ENOBUFS, cqes.res(60));

            buffers.unregister();
            assertThrows(IllegalStateException.class, () -> buffers.recycle(pool.asSlice(0, 64), 0));
            assertThrows(IllegalArgumentException.class, () -> ProvidedBufferRing.bufferId(0));
            assertThrows(IllegalArgumentException.class,
                    () -> ring.registerBufferRing(6, ringMemory.asSlice(8), 4), "not page-aligned");
            assertThrows(IllegalArgumentException.class, () -> ring.registerBufferRing(6, ringMemory, 3),
                    "not a power of two");
        }
    }

    @Test
    void asyncCancelOfAPendingRecv() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 16)) {
            Collected cqes = new Collected();
            int[] pair = connectThroughRing(ring, cqes);
            ring.prepRecv(pair[0], arena.allocate(64), 0, 70);
            ring.submitAndWait(0, 0, cqes);
            assertFalse(cqes.byUserData.containsKey(70L), "nothing was sent, the recv must be pending");
            ring.prepAsyncCancel(70, 0, 71);
            await(ring, cqes, 70, 71);
            assertEquals(-Errno.ECANCELED, cqes.res(70), "the recv is cancelled");
            assertEquals(0, cqes.res(71), "the cancel found it");
            ring.prepAsyncCancel(70, 0, 72);
            await(ring, cqes, 72);
            assertEquals(-Errno.ENOENT, cqes.res(72), "nothing left to cancel");
        }
    }

    @Test
    void cqLargerThanSqHoldsMoreCompletionsThanTheSqHasSlots() throws Exception {
        try (IoUringRing ring = IoUringRing.open(4, 64)) {
            assertEquals(4, ring.sqEntries());
            assertEquals(64, ring.cqEntries());
            Collected cqes = new Collected();
            // 40 NOPs through a 4-slot SQ: nextSqe submits each full SQ; nothing is reaped in between
            for (int i = 0; i < 40; i++) {
                ring.prepNop(1000 + i);
            }
            ring.submit();
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "40 CQEs fit a 64-entry CQ");
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            int delivered = 0;
            while (delivered < 40 && System.nanoTime() - deadline < 0) {
                delivered += ring.submitAndWait(40 - delivered, POLL_NANOS, cqes);
            }
            assertEquals(40, cqes.byUserData.size());
            for (int i = 0; i < 40; i++) {
                assertEquals(0, cqes.res(1000 + i));
            }
        }
    }

    @Test
    void completionsBeyondAFullCqAreFlushedNotLost() throws Exception {
        try (IoUringRing ring = IoUringRing.open(4, 4)) {
            Collected cqes = new Collected();
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 4; i++) {
                    ring.prepNop(2000 + batch * 4 + i);
                }
                ring.submit();
            }
            // nothing reaped: 12 NOP completions for a 4-entry CQ, the kernel keeps the rest aside (FEAT_NODROP)
            assertTrue((ring.sqFlags() & IORING_SQ_CQ_OVERFLOW) != 0, "CQ overflow flagged");
            // reap alone, no waiting enter: it must notice the overflow flag and have the kernel flush
            int reaped = ring.reap(cqes);
            assertEquals(12, reaped, "one reap drains the CQ, flushes the overflow and drains again");
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "overflow cleared");
            assertEquals(12, cqes.byUserData.size(), "12 NOPs through a 4-entry CQ: " + cqes.byUserData.keySet());
            assertEquals(12, cqes.all.size(), "no duplicates");
        }
    }

    @Test
    void closeReleasesEverythingAndIsIdempotent() throws Exception {
        long mapsBefore = ringMappings();
        IoUringRing ring = IoUringRing.open(8, 8);
        int fd = ring.fd();
        Path fdLink = Path.of("/proc/self/fd/" + fd);
        assertTrue(Files.exists(fdLink), "ring fd open");
        assertTrue(ringMappings() > mapsBefore, "ring mapped");
        ring.prepNop(1);
        ring.close();
        assertTrue(ring.isClosed());
        assertFalse(Files.exists(fdLink), "ring fd closed");
        assertEquals(mapsBefore, ringMappings(), "ring unmapped");
        ring.close();
        ring.wakeup();
        assertThrows(IllegalStateException.class, ring::nextSqe);
        assertThrows(IllegalStateException.class, () -> ring.prepNop(2));
        assertThrows(IllegalStateException.class, ring::submit);
        assertThrows(IllegalStateException.class, () -> ring.submitAndWait(1, 1, (u, r, f) -> { }));
        assertThrows(IllegalStateException.class, () -> ring.reap((u, r, f) -> { }));
        assertThrows(IllegalStateException.class, ring::sqes);
    }

    /** Mappings of io_uring regions in this process ({@code anon_inode:[io_uring]} in /proc/self/maps). */
    private static long ringMappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains("[io_uring]")).count();
        }
    }

    @Test
    void onlyTheOwnerThreadMayUseTheRing() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            Throwable thrown = CompletableFuture.supplyAsync(() -> {
                try {
                    ring.prepNop(1);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }).get(2, TimeUnit.SECONDS);
            assertInstanceOf(WrongThreadException.class, thrown);
            assertTrue(thrown.getMessage().contains("SINGLE_ISSUER"), thrown.getMessage());
        }
    }

    @Test
    void reservedUserDataAndBadArgumentsAreRejected() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            assertThrows(IllegalArgumentException.class, () -> ring.prepNop(IoUringRing.WAKEUP_USER_DATA));
            assertThrows(IllegalArgumentException.class, () -> ring.prepNop(IoUringRing.TIMEOUT_USER_DATA));
            assertThrows(IllegalArgumentException.class, () -> ring.prepRecv(0, MemorySegment.ofArray(new byte[4]),
                    0, 1), "heap buffer");
        }
    }

    @Test
    void reapFromAHandlerIsRejected() throws Exception {
        try (IoUringRing ring = IoUringRing.open(8, 8)) {
            ring.prepNop(1);
            ring.submit();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ring.submitAndWait(1, DEADLINE_NANOS, (u, r, f) -> {
                        try {
                            ring.reap((u2, r2, f2) -> { });
                        } catch (ErrnoException ex) {
                            throw new AssertionError(ex);
                        }
                    }));
            assertTrue(e.getMessage().contains("re-entered"), e.getMessage());
        }
    }

    @Test
    void setupRejectsCqSmallerThanSq() {
        assertThrows(IllegalArgumentException.class, () -> IoUringRing.open(16, 8));
        assertThrows(IllegalArgumentException.class, () -> IoUringRing.open(0, 8));
    }

    @Test
    void unavailableMessagesSayWhy() throws Exception {
        IoUringUnavailableException disabled = IoUringUnavailableException.of(Errno.EPERM, "2");
        assertTrue(disabled.getMessage().startsWith("io_uring backend unavailable: io_uring_setup failed: EPERM (1): "),
                disabled.getMessage());
        assertTrue(disabled.getMessage().contains("io_uring_disabled is 2"), disabled.getMessage());
        assertEquals(Errno.EPERM, disabled.errno());
        assertInstanceOf(ErrnoException.class, disabled.getCause());
        assertEquals("io_uring_setup", ((ErrnoException) disabled.getCause()).function());

        assertTrue(IoUringUnavailableException.of(Errno.EPERM, "1").getMessage().contains("CAP_SYS_ADMIN"));
        assertTrue(IoUringUnavailableException.of(Errno.EPERM, "0").getMessage().contains("seccomp"));
        assertTrue(IoUringUnavailableException.of(Errno.EPERM, null).getMessage().contains("seccomp"));
        assertTrue(IoUringUnavailableException.of(Errno.ENOSYS, null).getMessage().contains("CONFIG_IO_URING"));
        assertTrue(IoUringUnavailableException.of(Errno.EINVAL, null).getMessage().contains("Linux 5.6"));
        assertFalse(IoUringUnavailableException.isUnavailable(Errno.ENOMEM), "ENOMEM is this ring's problem");
        assertTrue(IoUringUnavailableException.isUnavailable(Errno.ENOSYS));

        // this machine runs io_uring, so the sysctl (Linux 6.6+) is absent or 0
        Path sysctl = IoUringUnavailableException.IO_URING_DISABLED;
        if (Files.exists(sysctl)) {
            assertEquals("0", Files.readString(sysctl).strip());
        }
    }
}
