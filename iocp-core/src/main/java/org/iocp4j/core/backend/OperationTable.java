package org.iocp4j.core.backend;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.core.PageAllocator;

/**
 * A fixed number of {@link Operation}s, each bound to a {@code blockSize}-byte native block of one slab
 * taken from the backend's {@link PageAllocator}. Block {@code i} is at {@code base + i * blockSize}, so a
 * completion's OVERLAPPED address or io_uring {@code user_data} maps back to its operation in O(1).
 *
 * <p><b>Lifecycle.</b> {@link #acquire} takes a free operation, bumps its generation and zeroes its block;
 * {@link #release} returns it — only after its final completion has been delivered, which is what keeps
 * the kernel from ever writing into a block that has a new owner. {@link #byUserData} rejects a
 * {@code user_data} of an earlier generation (a stale CQE).
 *
 * <p><b>Threads.</b> Acquire and release are lock-free from any thread: a Treiber stack of indices whose
 * head carries a change counter against ABA. The CAS of a release and that of the next acquire of the same
 * operation order the two owners' accesses. Between issue and completion the kernel call stands in between.
 */
public final class OperationTable implements AutoCloseable {
    private static final int NONE = -1;

    private final PageAllocator allocator;
    private final MemorySegment slab;
    private final int blockSize;
    private final Operation[] operations;
    private final int[] next;
    /** {@code counter << 32 | (index + 1)}; index + 1 == 0 means empty. */
    private final AtomicLong head = new AtomicLong();
    private final AtomicInteger inUse = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param allocator where the slab comes from (the backend's {@link Backend#memory()})
     * @param blockSize bytes per block, a positive multiple of 16 (OVERLAPPED and sockaddr alignment)
     * @param capacity  most operations in flight at once
     * @throws IllegalArgumentException naming a bad size
     * @throws IOException              when the allocator refuses the slab
     */
    public OperationTable(PageAllocator allocator, int blockSize, int capacity) throws IOException {
        if (blockSize <= 0 || blockSize % 16 != 0) {
            throw new IllegalArgumentException("blockSize " + blockSize + " is not a positive multiple of 16");
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity " + capacity + " is not positive");
        }
        long page = allocator.pageSize();
        long bytes = ((long) blockSize * capacity + page - 1) / page * page;
        this.allocator = allocator;
        this.slab = allocator.allocate(bytes).reinterpret(bytes, Arena.global(), null);
        this.blockSize = blockSize;
        this.operations = new Operation[capacity];
        this.next = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            operations[i] = new Operation(this, i, slab.asSlice((long) i * blockSize, blockSize));
            next[i] = i + 1 < capacity ? i + 1 : NONE;
        }
        head.set(1); // index 0 on top, counter 0
    }

    /** Bytes per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Most operations in flight at once. */
    public int capacity() {
        return operations.length;
    }

    /** Operations acquired and not yet released. */
    public int inUse() {
        return inUse.get();
    }

    /**
     * The operations still in use, one {@link Operation#describe()} a line, at most {@code max} of them
     * (then how many more): what a shutdown that waited in vain reports. A racy read, for diagnostics.
     */
    public String describeInUse(int max) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        int more = 0;
        for (Operation op : operations) {
            if (op.kind() == null) {
                continue;
            }
            if (shown++ < max) {
                sb.append("\n  ").append(op.describe());
            } else {
                more++;
            }
        }
        if (more > 0) {
            sb.append("\n  ... and ").append(more).append(" more");
        }
        return sb.toString();
    }

    /** The slab's base address. */
    public long base() {
        return slab.address();
    }

    /**
     * A free operation set to {@code kind} and {@code attachment} with a zeroed block, or {@code null} when
     * all {@link #capacity()} are in flight.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Operation acquire(OpKind kind, Object attachment) {
        if (closed) {
            throw new IllegalStateException("operation table is closed");
        }
        for (;;) {
            long h = head.get();
            int index = (int) h - 1;
            if (index == NONE) {
                return null;
            }
            long newHead = ((h >>> 32) + 1) << 32 | (next[index] + 1L);
            if (head.compareAndSet(h, newHead)) {
                Operation op = operations[index];
                op.generation = op.generation == Integer.MAX_VALUE ? 1 : op.generation + 1;
                op.reset(kind, attachment);
                inUse.incrementAndGet();
                return op;
            }
        }
    }

    /**
     * Returns {@code op} to the free list. Call only after its final completion has been delivered.
     *
     * @throws IllegalArgumentException if {@code op} belongs to another table
     * @throws IllegalStateException    if it is not in use
     */
    public void release(Operation op) {
        if (op.table() != this) {
            throw new IllegalArgumentException(op + " belongs to another table");
        }
        if (op.kind() == null) {
            throw new IllegalStateException(op + " released twice");
        }
        op.clear();
        inUse.decrementAndGet();
        for (;;) {
            long h = head.get();
            next[op.index()] = (int) h - 1;
            long newHead = ((h >>> 32) + 1) << 32 | (op.index() + 1L);
            if (head.compareAndSet(h, newHead)) {
                return;
            }
        }
    }

    /**
     * The operation whose block starts at {@code address} (an OVERLAPPED* from a completion).
     *
     * @throws IllegalArgumentException if the address is not a block start of this table
     */
    public Operation byAddress(long address) {
        long offset = address - slab.address();
        if (offset < 0 || offset % blockSize != 0 || offset / blockSize >= operations.length) {
            throw new IllegalArgumentException("address 0x" + Long.toHexString(address)
                    + " is not an operation block of this table");
        }
        return operations[(int) (offset / blockSize)];
    }

    /** The operation named by an io_uring {@code user_data}, or {@code null} if it is of an earlier life. */
    public Operation byUserData(long userData) {
        int index = (int) userData;
        if (index < 0 || index >= operations.length) {
            throw new IllegalArgumentException("user_data 0x" + Long.toHexString(userData)
                    + " names no operation of this table");
        }
        Operation op = operations[index];
        return op.generation == (int) (userData >>> 32) && op.kind() != null ? op : null;
    }

    /**
     * Frees the slab. Every operation must have been released: the kernel may still write into the block
     * of one that has not.
     *
     * @throws IllegalStateException if operations are still in use (the slab is then kept, leaked on
     *                               purpose rather than freed under the kernel)
     * @throws IOException           if the allocator refuses to free it
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        int busy = inUse.get();
        if (busy != 0) {
            throw new IllegalStateException(busy + " operations are still in flight; their blocks are kept");
        }
        allocator.free(slab);
    }
}
