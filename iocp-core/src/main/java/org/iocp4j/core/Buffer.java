package org.iocp4j.core;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A reference-counted handle to an off-heap I/O buffer from a {@link BufferPool}, or to a slice of one.
 *
 * <p>The readable bytes are {@code [readerIndex, writerIndex)} and the writable space is
 * {@code [writerIndex, capacity)}: a receive fills the writable space and advances the writer index, a
 * send takes the readable bytes and advances the reader index.
 *
 * <p><b>Reading and writing values.</b> The accessors follow Netty's {@code ByteBuf}: <em>relative</em> ones
 * ({@code readInt()}, {@code writeInt(v)}, {@link #readBytes(byte[])}, {@link #writeString}) work at the
 * reader or writer index and advance it; <em>absolute</em> ones ({@code getInt(index)},
 * {@code setInt(index, v)}) work at an index anywhere in {@code [0, capacity)} and move no index. Bytes,
 * shorts, ints and longs are read and written in big-endian (network) order, and the same methods with the
 * suffix {@code LE} ({@link #readIntLE()}, {@link #setLongLE}) in little-endian order. The order is in the
 * method's name rather than a mode of the buffer (as {@link ByteBuffer#order(ByteOrder)} has) because a
 * buffer changes hands — a receive, a handler, a slice, a write queue — and a mode set by one holder would
 * silently change what the next one reads; a name says at the call site which order the bytes have, and
 * each variant is a fixed unaligned layout, so no access branches on an order. The {@code write}/{@code set}
 * methods of bytes and shorts take an {@code int} and store its low 8 or 16 bits, so that literals need no
 * cast. Byte arrays, {@link ByteBuffer}s (heap or direct; their position advances by the bytes copied) and
 * strings in any {@link Charset} are copied in and out whole.
 *
 * <p><b>Checked.</b> Every accessor first checks that this handle is still the current one (see below), then
 * its bounds: a relative read needs its bytes between the reader and the writer index, a relative write
 * its bytes between the writer index and the capacity, an absolute access its bytes inside
 * {@code [0, capacity)}. Otherwise it throws {@link IndexOutOfBoundsException} naming the index, the length
 * and the bounds, and neither the memory nor an index changes. A buffer has the fixed size of its pool's
 * size class: for more bytes than that use several buffers ({@link BufferChain}) or
 * {@link Connection#write(byte[])}, which copies into as many pooled buffers as it takes.
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
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT_LE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

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
     * Moves the reader index past {@code length} readable bytes.
     *
     * @throws IndexOutOfBoundsException if fewer are readable
     */
    public Buffer skipBytes(int length) {
        readerIndex = readable(length) + length;
        return this;
    }

    // ------------------------------------------------------------------ relative reads

    /** The byte at the reader index; advances it by 1. */
    public byte readByte() {
        byte value = segment.get(JAVA_BYTE, readable(Byte.BYTES));
        readerIndex++;
        return value;
    }

    /** The big-endian short at the reader index; advances it by 2. */
    public short readShort() {
        return readShort(SHORT);
    }

    /** The little-endian short at the reader index; advances it by 2. */
    public short readShortLE() {
        return readShort(SHORT_LE);
    }

    /** The big-endian int at the reader index; advances it by 4. */
    public int readInt() {
        return readInt(INT);
    }

    /** The little-endian int at the reader index; advances it by 4. */
    public int readIntLE() {
        return readInt(INT_LE);
    }

    /** The big-endian long at the reader index; advances it by 8. */
    public long readLong() {
        return readLong(LONG);
    }

    /** The little-endian long at the reader index; advances it by 8. */
    public long readLongLE() {
        return readLong(LONG_LE);
    }

    private short readShort(ValueLayout.OfShort layout) {
        short value = segment.get(layout, readable(Short.BYTES));
        readerIndex += Short.BYTES;
        return value;
    }

    private int readInt(ValueLayout.OfInt layout) {
        int value = segment.get(layout, readable(Integer.BYTES));
        readerIndex += Integer.BYTES;
        return value;
    }

    private long readLong(ValueLayout.OfLong layout) {
        long value = segment.get(layout, readable(Long.BYTES));
        readerIndex += Long.BYTES;
        return value;
    }

    /** Copies {@code dst.length} readable bytes into {@code dst}; advances the reader index by as many. */
    public Buffer readBytes(byte[] dst) {
        return readBytes(dst, 0, dst.length);
    }

    /** Copies {@code length} readable bytes into {@code dst[offset, offset + length)}; advances by as many. */
    public Buffer readBytes(byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        MemorySegment.copy(segment, JAVA_BYTE, readable(length), dst, offset, length);
        readerIndex += length;
        return this;
    }

    /**
     * Copies {@code dst.remaining()} readable bytes into {@code dst} at its position, advancing its position
     * and this reader index by as many.
     *
     * @throws ReadOnlyBufferException if {@code dst} is read-only
     */
    public Buffer readBytes(ByteBuffer dst) {
        int length = dst.remaining();
        copyTo(readable(length), checkWritable(dst));
        readerIndex += length;
        return this;
    }

    /** Decodes {@code length} readable bytes in {@code charset}; advances the reader index by as many. */
    public String readString(int length, Charset charset) {
        String value = decode(readable(length), length, charset);
        readerIndex += length;
        return value;
    }

    // ------------------------------------------------------------------ relative writes

    /** Stores the low 8 bits of {@code value} at the writer index; advances it by 1. */
    public Buffer writeByte(int value) {
        segment.set(JAVA_BYTE, writable(Byte.BYTES), (byte) value);
        writerIndex++;
        return this;
    }

    /** Stores the low 16 bits of {@code value} big-endian at the writer index; advances it by 2. */
    public Buffer writeShort(int value) {
        return writeShort(SHORT, value);
    }

    /** Stores the low 16 bits of {@code value} little-endian at the writer index; advances it by 2. */
    public Buffer writeShortLE(int value) {
        return writeShort(SHORT_LE, value);
    }

    /** Stores {@code value} big-endian at the writer index; advances it by 4. */
    public Buffer writeInt(int value) {
        return writeInt(INT, value);
    }

    /** Stores {@code value} little-endian at the writer index; advances it by 4. */
    public Buffer writeIntLE(int value) {
        return writeInt(INT_LE, value);
    }

    /** Stores {@code value} big-endian at the writer index; advances it by 8. */
    public Buffer writeLong(long value) {
        return writeLong(LONG, value);
    }

    /** Stores {@code value} little-endian at the writer index; advances it by 8. */
    public Buffer writeLongLE(long value) {
        return writeLong(LONG_LE, value);
    }

    private Buffer writeShort(ValueLayout.OfShort layout, int value) {
        segment.set(layout, writable(Short.BYTES), (short) value);
        writerIndex += Short.BYTES;
        return this;
    }

    private Buffer writeInt(ValueLayout.OfInt layout, int value) {
        segment.set(layout, writable(Integer.BYTES), value);
        writerIndex += Integer.BYTES;
        return this;
    }

    private Buffer writeLong(ValueLayout.OfLong layout, long value) {
        segment.set(layout, writable(Long.BYTES), value);
        writerIndex += Long.BYTES;
        return this;
    }

    /** Copies all of {@code src} to the writer index; advances it by {@code src.length}. */
    public Buffer writeBytes(byte[] src) {
        return writeBytes(src, 0, src.length);
    }

    /** Copies {@code src[offset, offset + length)} to the writer index; advances it by {@code length}. */
    public Buffer writeBytes(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        MemorySegment.copy(src, offset, segment, JAVA_BYTE, writable(length), length);
        writerIndex += length;
        return this;
    }

    /**
     * Copies {@code src.remaining()} bytes from {@code src}'s position to the writer index, advancing
     * {@code src}'s position and this writer index by as many.
     */
    public Buffer writeBytes(ByteBuffer src) {
        int length = src.remaining();
        copyFrom(writable(length), src);
        writerIndex += length;
        return this;
    }

    /** Copies {@code length} bytes of {@code src} from {@code offset} to the writer index; advances it. */
    void writeBytes(MemorySegment src, long offset, int length) {
        MemorySegment.copy(src, offset, segment, writable(length), length);
        writerIndex += length;
    }

    /**
     * Encodes {@code text} in {@code charset} at the writer index and advances it by the bytes written. In
     * UTF-8, ISO-8859-1 and US-ASCII this encodes in place without allocating; other charsets go through
     * {@link String#getBytes(Charset)}. What the charset cannot encode becomes {@code '?'}, as there.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if the encoded bytes do not fit; nothing is written then
     */
    public int writeString(CharSequence text, Charset charset) {
        int length = encode(true, writerIndex, text, charset);
        writerIndex += length;
        return length;
    }

    // ------------------------------------------------------------------ absolute reads

    /** The byte at {@code index}. */
    public byte getByte(int index) {
        return segment.get(JAVA_BYTE, checkIndex(index, Byte.BYTES));
    }

    /** The big-endian short at {@code index}. */
    public short getShort(int index) {
        return segment.get(SHORT, checkIndex(index, Short.BYTES));
    }

    /** The little-endian short at {@code index}. */
    public short getShortLE(int index) {
        return segment.get(SHORT_LE, checkIndex(index, Short.BYTES));
    }

    /** The big-endian int at {@code index}. */
    public int getInt(int index) {
        return segment.get(INT, checkIndex(index, Integer.BYTES));
    }

    /** The little-endian int at {@code index}. */
    public int getIntLE(int index) {
        return segment.get(INT_LE, checkIndex(index, Integer.BYTES));
    }

    /** The big-endian long at {@code index}. */
    public long getLong(int index) {
        return segment.get(LONG, checkIndex(index, Long.BYTES));
    }

    /** The little-endian long at {@code index}. */
    public long getLongLE(int index) {
        return segment.get(LONG_LE, checkIndex(index, Long.BYTES));
    }

    /** Copies {@code dst.length} bytes from {@code index} into {@code dst}. */
    public Buffer getBytes(int index, byte[] dst) {
        return getBytes(index, dst, 0, dst.length);
    }

    /** Copies {@code length} bytes from {@code index} into {@code dst[offset, offset + length)}. */
    public Buffer getBytes(int index, byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        MemorySegment.copy(segment, JAVA_BYTE, checkIndex(index, length), dst, offset, length);
        return this;
    }

    /**
     * Copies {@code dst.remaining()} bytes from {@code index} into {@code dst} at its position, advancing its
     * position by as many.
     *
     * @throws ReadOnlyBufferException if {@code dst} is read-only
     */
    public Buffer getBytes(int index, ByteBuffer dst) {
        copyTo(checkIndex(index, dst.remaining()), checkWritable(dst));
        return this;
    }

    /** Decodes the {@code length} bytes from {@code index} in {@code charset}. */
    public String getString(int index, int length, Charset charset) {
        return decode(checkIndex(index, length), length, charset);
    }

    // ------------------------------------------------------------------ absolute writes

    /** Stores the low 8 bits of {@code value} at {@code index}. */
    public Buffer setByte(int index, int value) {
        segment.set(JAVA_BYTE, checkIndex(index, Byte.BYTES), (byte) value);
        return this;
    }

    /** Stores the low 16 bits of {@code value} big-endian at {@code index}. */
    public Buffer setShort(int index, int value) {
        segment.set(SHORT, checkIndex(index, Short.BYTES), (short) value);
        return this;
    }

    /** Stores the low 16 bits of {@code value} little-endian at {@code index}. */
    public Buffer setShortLE(int index, int value) {
        segment.set(SHORT_LE, checkIndex(index, Short.BYTES), (short) value);
        return this;
    }

    /** Stores {@code value} big-endian at {@code index}. */
    public Buffer setInt(int index, int value) {
        segment.set(INT, checkIndex(index, Integer.BYTES), value);
        return this;
    }

    /** Stores {@code value} little-endian at {@code index}. */
    public Buffer setIntLE(int index, int value) {
        segment.set(INT_LE, checkIndex(index, Integer.BYTES), value);
        return this;
    }

    /** Stores {@code value} big-endian at {@code index}. */
    public Buffer setLong(int index, long value) {
        segment.set(LONG, checkIndex(index, Long.BYTES), value);
        return this;
    }

    /** Stores {@code value} little-endian at {@code index}. */
    public Buffer setLongLE(int index, long value) {
        segment.set(LONG_LE, checkIndex(index, Long.BYTES), value);
        return this;
    }

    /** Copies all of {@code src} to {@code index}. */
    public Buffer setBytes(int index, byte[] src) {
        return setBytes(index, src, 0, src.length);
    }

    /** Copies {@code src[offset, offset + length)} to {@code index}. */
    public Buffer setBytes(int index, byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        MemorySegment.copy(src, offset, segment, JAVA_BYTE, checkIndex(index, length), length);
        return this;
    }

    /** Copies {@code src.remaining()} bytes from {@code src}'s position to {@code index}, advancing its position. */
    public Buffer setBytes(int index, ByteBuffer src) {
        copyFrom(checkIndex(index, src.remaining()), src);
        return this;
    }

    /**
     * Encodes {@code text} in {@code charset} at {@code index}, as {@link #writeString} does.
     *
     * @return the number of bytes written
     */
    public int setString(int index, CharSequence text, Charset charset) {
        return encode(false, index, text, charset);
    }

    // ------------------------------------------------------------------ checks and copies

    /** Checks this handle and that {@code length} bytes are readable; returns the reader index. */
    private int readable(int length) {
        slot.checkAccessible(generation);
        if (length < 0 || length > writerIndex - readerIndex) {
            throw new IndexOutOfBoundsException("cannot read " + length + " bytes at readerIndex " + readerIndex
                    + ": the readable bytes are [readerIndex " + readerIndex + ", writerIndex " + writerIndex + ")");
        }
        return readerIndex;
    }

    /** Checks this handle and that {@code length} bytes are writable; returns the writer index. */
    private int writable(long length) {
        slot.checkAccessible(generation);
        if (length < 0 || length > capacity() - writerIndex) {
            throw new IndexOutOfBoundsException("cannot write " + length + " bytes at writerIndex " + writerIndex
                    + ": the writable space is [writerIndex " + writerIndex + ", capacity " + capacity() + ")");
        }
        return writerIndex;
    }

    /** Checks this handle and that {@code [index, index + length)} lies in the buffer; returns {@code index}. */
    private int checkIndex(int index, long length) {
        slot.checkAccessible(generation);
        if (index < 0 || length < 0 || length > capacity() - (long) index) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length + " outside [0, capacity "
                    + capacity() + ")");
        }
        return index;
    }

    private static ByteBuffer checkWritable(ByteBuffer dst) {
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        return dst;
    }

    /** Copies {@code dst.remaining()} bytes from {@code index} into {@code dst}; a heap buffer without a view. */
    private void copyTo(int index, ByteBuffer dst) {
        int length = dst.remaining();
        if (dst.hasArray()) {
            MemorySegment.copy(segment, JAVA_BYTE, index, dst.array(), dst.arrayOffset() + dst.position(), length);
        } else {
            MemorySegment.copy(segment, index, MemorySegment.ofBuffer(dst), 0, length);
        }
        dst.position(dst.position() + length);
    }

    /** Copies {@code src.remaining()} bytes from {@code src} to {@code index}; a heap buffer without a view. */
    private void copyFrom(int index, ByteBuffer src) {
        int length = src.remaining();
        if (src.hasArray()) {
            MemorySegment.copy(src.array(), src.arrayOffset() + src.position(), segment, JAVA_BYTE, index, length);
        } else {
            MemorySegment.copy(MemorySegment.ofBuffer(src), 0, segment, index, length);
        }
        src.position(src.position() + length);
    }

    private String decode(int index, int length, Charset charset) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(segment, JAVA_BYTE, index, bytes, 0, length);
        return new String(bytes, charset);
    }

    /**
     * Encodes {@code text} at {@code index} after checking that all of it fits there, in the writable space
     * when {@code relative} (index is then the writer index); returns its length in bytes.
     */
    private int encode(boolean relative, int index, CharSequence text, Charset charset) {
        Objects.requireNonNull(charset, "charset");
        long inPlace = StringEncoding.length(text, charset);
        byte[] other = inPlace < 0 ? text.toString().getBytes(charset) : null;
        long length = other != null ? other.length : inPlace;
        int at = relative ? writable(length) : checkIndex(index, length);
        if (other != null) {
            MemorySegment.copy(other, 0, segment, JAVA_BYTE, at, other.length);
        } else {
            StringEncoding.encode(text, charset, segment, at);
        }
        return (int) length;
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
