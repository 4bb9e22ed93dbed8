package org.iocp4j.bindings.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.iocp4j.bindings.CallState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real ring through the raw bindings: io_uring_setup, the three mmaps, NOPs with distinct user_data
 * submitted and waited for with one io_uring_enter, and every CQE read back.
 */
class IoUringSmokeTest {
    /** Ring head and tail words are shared with the kernel: read with acquire, publish with release. */
    private static final VarHandle U32 = ValueLayout.JAVA_INT.varHandle();

    @BeforeAll
    static void linux() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "io_uring exists only on Linux; this is " + System.getProperty("os.name"));
    }

    private static MemorySegment map(MemorySegment cs, long size, int fd, long offset) throws ErrnoException {
        MemorySegment m = Libc.mmap(cs, MemorySegment.NULL, size, LinuxConstants.PROT_READ | LinuxConstants.PROT_WRITE,
                LinuxConstants.MAP_SHARED | LinuxConstants.MAP_POPULATE, fd, offset);
        if (m.address() == LinuxConstants.MAP_FAILED) {
            throw ErrnoException.of("mmap", cs);
        }
        return m.reinterpret(size);
    }

    @Test
    void nopsCompleteWithTheirUserData() throws Exception {
        final int nops = 6;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            MemorySegment params = io_uring_params.allocate(arena);
            int ring = IoUring.io_uring_setup(cs, 8, params);
            if (ring < 0) {
                throw ErrnoException.of("io_uring_setup", cs);
            }
            try {
                int sqEntries = io_uring_params.sq_entries(params);
                int cqEntries = io_uring_params.cq_entries(params);
                assertEquals(8, sqEntries);
                assertTrue(cqEntries >= sqEntries, "cq_entries " + cqEntries);
                MemorySegment sqOff = io_uring_params.sq_off(params);
                MemorySegment cqOff = io_uring_params.cq_off(params);

                long sqSize = io_sqring_offsets.array(sqOff) + 4L * sqEntries;
                long cqSize = io_cqring_offsets.cqes(cqOff) + io_uring_cqe.sizeof() * cqEntries;
                boolean single = (io_uring_params.features(params) & IoUringConstants.IORING_FEAT_SINGLE_MMAP) != 0;
                MemorySegment sq = map(cs, single ? Math.max(sqSize, cqSize) : sqSize, ring, IoUringConstants.IORING_OFF_SQ_RING);
                MemorySegment cq = single ? sq : map(cs, cqSize, ring, IoUringConstants.IORING_OFF_CQ_RING);
                MemorySegment sqes = map(cs, io_uring_sqe.sizeof() * sqEntries, ring, IoUringConstants.IORING_OFF_SQES);

                int sqMask = sq.get(ValueLayout.JAVA_INT, io_sqring_offsets.ring_mask(sqOff));
                int sqTail = (int) U32.getAcquire(sq, (long) io_sqring_offsets.tail(sqOff));
                for (int i = 0; i < nops; i++) {
                    int index = (sqTail + i) & sqMask;
                    MemorySegment sqe = io_uring_sqe.asSlice(sqes, index).fill((byte) 0);
                    io_uring_sqe.opcode(sqe, (byte) IoUringConstants.IORING_OP_NOP);
                    io_uring_sqe.fd(sqe, -1);
                    io_uring_sqe.user_data(sqe, 0xC0FFEE00L + i);
                    sq.setAtIndex(ValueLayout.JAVA_INT, io_sqring_offsets.array(sqOff) / 4 + index, index);
                }
                U32.setRelease(sq, (long) io_sqring_offsets.tail(sqOff), sqTail + nops);

                int submitted = IoUring.io_uring_enter(cs, ring, nops, nops, IoUringConstants.IORING_ENTER_GETEVENTS,
                        MemorySegment.NULL, 0);
                if (submitted < 0) {
                    throw ErrnoException.of("io_uring_enter", cs);
                }
                assertEquals(nops, submitted);

                int cqMask = cq.get(ValueLayout.JAVA_INT, io_cqring_offsets.ring_mask(cqOff));
                int head = (int) U32.getAcquire(cq, (long) io_cqring_offsets.head(cqOff));
                int tail = (int) U32.getAcquire(cq, (long) io_cqring_offsets.tail(cqOff));
                assertEquals(nops, tail - head, "completions waiting");
                Map<Long, Integer> results = new HashMap<>();
                for (int i = head; i != tail; i++) {
                    MemorySegment cqe = io_uring_cqe.asSlice(cq.asSlice(io_cqring_offsets.cqes(cqOff)), i & cqMask);
                    assertEquals(null, results.put(io_uring_cqe.user_data(cqe), io_uring_cqe.res(cqe)), "duplicate CQE");
                }
                U32.setRelease(cq, (long) io_cqring_offsets.head(cqOff), tail);
                for (int i = 0; i < nops; i++) {
                    assertEquals(0, results.get(0xC0FFEE00L + i), "res of NOP " + i + " in " + results);
                }
                assertEquals(nops, results.size());

                assertEquals(0, Libc.munmap(cs, sqes, sqes.byteSize()));
                if (!single) {
                    assertEquals(0, Libc.munmap(cs, cq, cq.byteSize()));
                }
                assertEquals(0, Libc.munmap(cs, sq, sq.byteSize()));
            } finally {
                assertEquals(0, Libc.close(cs, ring));
            }
        }
    }

    @Test
    void setupFailureCarriesErrno() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            // 0 entries is invalid (io_uring_setup(2): EINVAL if entries is out of bounds)
            int ring = IoUring.io_uring_setup(cs, 0, io_uring_params.allocate(arena));
            assertEquals(-1, ring);
            ErrnoException e = ErrnoException.of("io_uring_setup", cs);
            assertEquals(Errno.EINVAL, e.errno());
            assertEquals("io_uring_setup failed: EINVAL (22)", e.getMessage());
            assertNotEquals(0, CallState.errno(cs));
        }
    }
}
