package org.iocp4j.core.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.linux.ErrnoException;
import org.iocp4j.bindings.linux.IoUringConstants;
import org.iocp4j.bindings.linux.Libc;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.bindings.linux.io_uring_buf;
import org.iocp4j.bindings.linux.io_uring_buf_ring;

/**
 * A provided-buffer ring registered on an {@link IoUringRing} with {@code IORING_REGISTER_PBUF_RING}: a
 * ring of {@code struct io_uring_buf} in caller-supplied memory from which the kernel picks a buffer for each
 * receive queued with {@link IoUringRing#prepRecvBufferSelect}. The application adds buffers at the tail,
 * the kernel consumes them from the head (its own, not visible here) in ring order; a completion names the
 * buffer it used in {@code cqe->flags} ({@link #bufferId(int)}), and the application hands it back with
 * {@link #recycle} when done with the data.
 *
 * <p>Owned by the ring's owner thread, like the ring. The caller must never have more than
 * {@link #entries()} buffers in the ring at once: the kernel's head is private, so an overfull ring cannot
 * be detected here and would overwrite unconsumed entries. Keeping buffer ids below {@code entries} and
 * adding each id at most once, until its CQE returns it, guarantees that.
 */
public final class ProvidedBufferRing {
    /** The 16-bit tail word in the ring header ({@code io_uring_buf_ring.tail}): coordinates (segment, long). */
    private static final VarHandle U16 = JAVA_SHORT.varHandle();
    private static final long TAIL = io_uring_buf_ring.tail$offset();
    private static final long BUF_ADDR = io_uring_buf.addr$offset();
    private static final long BUF_LEN = io_uring_buf.len$offset();
    private static final long BUF_BID = io_uring_buf.bid$offset();
    private static final long BUF_SIZE = io_uring_buf.sizeof();
    /** Most entries of a buffer ring: the kernel rejects ring_entries >= 65536 (io_uring/kbuf.c). */
    static final int MAX_ENTRIES = 32768;

    private final IoUringRing ring;
    private final int bgid;
    private final MemorySegment memory;
    private final int entries;
    private final int mask;
    /** Our tail (free-running 16 bits, like the kernel's): entries added, published or not. */
    private int tail;
    private boolean registered = true;

    ProvidedBufferRing(IoUringRing ring, int bgid, MemorySegment memory, int entries) {
        this.ring = ring;
        this.bgid = bgid;
        this.memory = memory;
        this.entries = entries;
        this.mask = entries - 1;
    }

    /** Validates the arguments of a registration; returns the ring's part of {@code memory}. */
    static MemorySegment checkRingMemory(int bgid, MemorySegment memory, int entries) {
        if (bgid < 0 || bgid > 0xFFFF) {
            throw new IllegalArgumentException("bgid must be 0..65535 (u16): " + bgid);
        }
        if (entries < 1 || entries > MAX_ENTRIES || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two in 1.." + MAX_ENTRIES + ": " + entries);
        }
        if (!memory.isNative()) {
            throw new IllegalArgumentException("buffer ring memory must be native memory, not " + memory);
        }
        long pageSize = pageSize();
        if (memory.address() % pageSize != 0) {
            throw new IllegalArgumentException("buffer ring memory must be page-aligned (" + pageSize + "): 0x"
                    + Long.toHexString(memory.address()));
        }
        long size = entries * BUF_SIZE;
        if (memory.byteSize() < size) {
            throw new IllegalArgumentException("buffer ring memory of " + memory.byteSize() + " bytes is too small for "
                    + entries + " entries of " + BUF_SIZE + " bytes");
        }
        return memory.asSlice(0, size);
    }

    private static long pageSize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            long size = Libc.sysconf(state, LinuxConstants._SC_PAGESIZE);
            if (size <= 0) {
                throw new IllegalStateException("sysconf(_SC_PAGESIZE) failed", ErrnoException.of("sysconf", state));
            }
            return size;
        }
    }

    /** The buffer group id that {@link IoUringRing#prepRecvBufferSelect} names. */
    public int bgid() {
        return bgid;
    }

    /** Size of the ring, in buffers. */
    public int entries() {
        return entries;
    }

    /** Whether a CQE's flags say it consumed a provided buffer ({@code IORING_CQE_F_BUFFER}). */
    public static boolean hasBuffer(int cqeFlags) {
        return (cqeFlags & IoUringConstants.IORING_CQE_F_BUFFER) != 0;
    }

    /**
     * The id of the provided buffer a CQE consumed: the upper 16 bits of its flags
     * ({@code flags >> IORING_CQE_BUFFER_SHIFT}).
     *
     * @throws IllegalArgumentException the flags lack {@code IORING_CQE_F_BUFFER}
     */
    public static int bufferId(int cqeFlags) {
        if (!hasBuffer(cqeFlags)) {
            throw new IllegalArgumentException("CQE flags 0x" + Integer.toHexString(cqeFlags)
                    + " carry no buffer (IORING_CQE_F_BUFFER not set)");
        }
        return cqeFlags >>> IoUringConstants.IORING_CQE_BUFFER_SHIFT;
    }

    /**
     * Writes {@code buffer} as buffer {@code bid} into the next free entry; the kernel sees it after
     * {@link #publish()}.
     */
    public void add(MemorySegment buffer, int bid) {
        ensureRegistered();
        if (bid < 0 || bid > 0xFFFF) {
            throw new IllegalArgumentException("bid must be 0..65535 (u16): " + bid);
        }
        if (!buffer.isNative() || buffer.byteSize() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a provided buffer must be native memory of at most 2^32-1 bytes: "
                    + buffer);
        }
        long entry = (tail & mask) * BUF_SIZE;
        memory.set(JAVA_LONG, entry + BUF_ADDR, buffer.address());
        memory.set(JAVA_INT, entry + BUF_LEN, (int) buffer.byteSize());
        memory.set(JAVA_SHORT, entry + BUF_BID, (short) bid);
        tail = (tail + 1) & 0xFFFF;
    }

    /** Makes the entries added so far visible to the kernel. */
    public void publish() {
        ensureRegistered();
        // release: the io_uring_buf entries written by add() are visible before the tail that exposes them;
        // the kernel loads the tail with acquire (smp_load_acquire in io_uring/kbuf.c)
        U16.setRelease(memory, TAIL, (short) tail);
    }

    /** Hands buffer {@code bid} back to the kernel: {@link #add} and {@link #publish()}. */
    public void recycle(MemorySegment buffer, int bid) {
        add(buffer, bid);
        publish();
    }

    /** Unregisters the group ({@code IORING_UNREGISTER_PBUF_RING}); the memory is the caller's again. */
    public void unregister() throws ErrnoException {
        ensureRegistered();
        ring.unregisterBufferRing(bgid);
        registered = false;
    }

    private void ensureRegistered() {
        ring.ensureUsable();
        if (!registered) {
            throw new IllegalStateException("buffer group " + bgid + " is unregistered");
        }
    }
}
