package org.iocp4j.core;

import java.lang.foreign.MemorySegment;

/**
 * A reference-counted handle to an off-heap I/O buffer from a {@link BufferPool}, or to a slice of one.
 *
 * <p>The readable bytes are {@code [readerIndex, writerIndex)} and the writable space is
 * {@code [writerIndex, capacity)}: a receive fills the writable space and advances the writer index, a
 * send takes the readable bytes and advances the reader index.
 *
 * <p><b>Ownership.</b> An acquired buffer holds one reference. {@link #retain()} adds one (to hand the
 * buffer to another thread or connection), {@link #release()} drops one, and the last release returns the
 * memory to the pool. Every handle remembers the acquisition it belongs to: using it after the last
 * release, or releasing it once too often, throws {@link IllegalStateException}, also after the memory has
 * been handed to someone else, within the bound below. (A {@link MemorySegment} obtained earlier from
 * {@link #segment()} is not re-checked: do not keep it past the release.)
 *
 * <p><b>Recycled handles and the detection bound.</b> So that acquisition allocates nothing, each pooled
 * buffer owns a ring of four handle objects and hands them out in turn: the handle of an
 * acquisition is issued again, with fresh indices, for the fourth acquisition of the same
 * buffer after it. A stale handle is therefore always detected while the buffer is free and during the
 * next three acquisitions of that buffer; after that it is still detected
 * except while the same object has been issued to the current acquisition (one acquisition in
 * four), when the stale holder and the new owner hold one object and cannot be told
 * apart. That recycling happens only in a pool built with
 * {@link BufferPool.Builder#strictHandles(boolean) strictHandles(false)}; by default (and always with
 * {@link BufferPool.Builder#leakDetection(boolean) leakDetection}) a pool issues a new handle for every
 * acquisition (one small allocation each), and then every stale use is detected. Slices are
 * always new objects and always checked strictly.
 *
 * <p><b>Threads.</b> Reference counting is thread-safe. The indices are plain fields for the thread that
 * currently works on the buffer; hand the buffer over through something that orders memory (a queue, a
 * completion port, the {@link Sequencer}).
 */
public final class Buffer {
    private final Slot slot;
    /**
     * The acquisition this handle belongs to. Rewritten only when the pool issues a recycled handle again,
     * by the thread that acquired the buffer, before the handle can reach anyone else.
     */
    private int generation;
    private final MemorySegment segment;
    private final long slabOffset;
    private int readerIndex;
    private int writerIndex;

    /** A handle for the whole buffer of {@code slot}, not yet issued: see {@link #issue}. */
    Buffer(Slot slot) {
        this(slot, 0, slot.segment, slot.slabOffset, 0);
    }

    private Buffer(Slot slot, int generation, MemorySegment segment, long slabOffset, int writerIndex) {
        this.slot = slot;
        this.generation = generation;
        this.segment = segment;
        this.slabOffset = slabOffset;
        this.writerIndex = writerIndex;
    }

    /** Makes this whole-buffer handle the one of acquisition {@code generation}: empty, indices 0. */
    Buffer issue(int generation) {
        this.generation = generation;
        readerIndex = 0;
        writerIndex = 0;
        return this;
    }

    /** The whole buffer, {@code capacity()} bytes, page-aligned in native memory. */
    public MemorySegment segment() {
        slot.checkAccessible(generation);
        return segment;
    }

    /** The readable bytes {@code [readerIndex, writerIndex)}. */
    public MemorySegment readableSegment() {
        return segment().asSlice(readerIndex, writerIndex - readerIndex);
    }

    /** The writable space {@code [writerIndex, capacity)}. */
    public MemorySegment writableSegment() {
        return segment().asSlice(writerIndex, capacity() - writerIndex);
    }

    /** The native address of the first byte. */
    public long address() {
        return segment().address();
    }

    /** The size in bytes. */
    public int capacity() {
        return (int) segment.byteSize();
    }

    /** Offset of the next byte to read. */
    public int readerIndex() {
        return readerIndex;
    }

    /** Offset of the next byte to write. */
    public int writerIndex() {
        return writerIndex;
    }

    /** {@code writerIndex - readerIndex}. */
    public int readableBytes() {
        return writerIndex - readerIndex;
    }

    /** {@code capacity - writerIndex}. */
    public int writableBytes() {
        return capacity() - writerIndex;
    }

    /**
     * Moves the reader index.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index <= writerIndex}
     */
    public Buffer readerIndex(int index) {
        if (index < 0 || index > writerIndex) {
            throw new IndexOutOfBoundsException("readerIndex " + index + " outside [0, writerIndex "
                    + writerIndex + "]");
        }
        readerIndex = index;
        return this;
    }

    /**
     * Moves the writer index.
     *
     * @throws IndexOutOfBoundsException unless {@code readerIndex <= index <= capacity}
     */
    public Buffer writerIndex(int index) {
        if (index < readerIndex || index > capacity()) {
            throw new IndexOutOfBoundsException("writerIndex " + index + " outside [readerIndex "
                    + readerIndex + ", capacity " + capacity() + "]");
        }
        writerIndex = index;
        return this;
    }

    /** Sets both indices to 0, making the whole buffer writable again. */
    public Buffer clear() {
        readerIndex = 0;
        writerIndex = 0;
        return this;
    }

    /**
     * A view of {@code length} bytes from {@code offset}, sharing this buffer's memory and reference
     * count (releasing either releases the same count; retain first to keep both). The slice's readable
     * bytes are all {@code length} bytes.
     *
     * @throws IndexOutOfBoundsException if the range is not inside this buffer
     */
    public Buffer slice(int offset, int length) {
        if (offset < 0 || length < 0 || offset > capacity() - length) {
            throw new IndexOutOfBoundsException("slice [" + offset + ", " + offset + " + " + length
                    + ") outside a buffer of " + capacity() + " bytes");
        }
        return new Buffer(slot, generation, segment().asSlice(offset, length), slabOffset + offset, length);
    }

    /**
     * Adds a reference.
     *
     * @throws IllegalStateException after the last release
     */
    public Buffer retain() {
        slot.retain(generation);
        return this;
    }

    /**
     * Drops a reference; the last one returns the memory to the pool.
     *
     * @return true if this was the last reference
     * @throws IllegalStateException if there was no reference left to drop
     */
    public boolean release() {
        if (slot.release(generation)) {
            slot.recycle();
            return true;
        }
        return false;
    }

    /** References held now; 0 once the last is released. */
    public int refCount() {
        return slot.refCount(generation);
    }

    /** The pool-wide number of the slab holding this buffer (for RIO / io_uring registration). */
    public int slabId() {
        return slot.slab.id();
    }

    /** Offset of this buffer's (or slice's) first byte inside its slab. */
    public long slabOffset() {
        return slabOffset;
    }

    @Override
    public String toString() {
        return "Buffer[slab " + slabId() + " offset " + slabOffset + ", capacity " + capacity() + ", reader "
                + readerIndex + ", writer " + writerIndex + ", refCount " + refCount() + "]";
    }
}
