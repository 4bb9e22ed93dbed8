package org.iocp4j.core;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ordered list of {@link Buffer}s for scatter/gather I/O: one {@code WSASend} / {@code writev} sends
 * the readable bytes of all of them, one {@code WSARecv} / {@code readv} fills their writable space.
 * {@link #writeReadable} and {@link #writeWritable} describe the buffers in a native {@code WSABUF[]} or
 * {@code iovec[]} (see {@link IoVectorFormat}) pointing at the buffers' own memory: no data is copied.
 * After the I/O completes with {@code n} bytes, {@link #advanceReaderIndex} / {@link #advanceWriterIndex}
 * spread {@code n} over the buffers in order, which is how a partial send or receive is resumed.
 *
 * <p>The chain owns one reference of each buffer added; {@link #release()} drops them all. Not
 * thread-safe: one thread builds and uses a chain at a time.
 */
public final class BufferChain {
    private Buffer[] buffers;
    private int size;

    /** An empty chain. */
    public BufferChain() {
        buffers = new Buffer[4];
    }

    /** Appends {@code buffer}, taking over one of its references. */
    public BufferChain add(Buffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (size == buffers.length) {
            buffers = Arrays.copyOf(buffers, size * 2);
        }
        buffers[size++] = buffer;
        return this;
    }

    /** Number of buffers. */
    public int size() {
        return size;
    }

    /** Buffer {@code index}, in order of addition. */
    public Buffer get(int index) {
        Objects.checkIndex(index, size);
        return buffers[index];
    }

    /** Readable bytes over all buffers. */
    public long readableBytes() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += buffers[i].readableBytes();
        }
        return total;
    }

    /** Writable bytes over all buffers. */
    public long writableBytes() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += buffers[i].writableBytes();
        }
        return total;
    }

    /**
     * Describes each buffer's readable bytes (for a send) as one element of {@code vectors}, skipping
     * buffers with none.
     *
     * @return the number of elements written (the count to pass to the system call)
     * @throws IllegalArgumentException  if {@code vectors} has too few elements
     * @throws IllegalStateException if a buffer was already released
     */
    public int writeReadable(MemorySegment vectors, IoVectorFormat format) {
        return write(vectors, format, true);
    }

    /**
     * Describes each buffer's writable space (for a receive) as one element of {@code vectors}, skipping
     * full buffers.
     *
     * @return the number of elements written
     * @throws IllegalArgumentException  if {@code vectors} has too few elements
     * @throws IllegalStateException if a buffer was already released
     */
    public int writeWritable(MemorySegment vectors, IoVectorFormat format) {
        return write(vectors, format, false);
    }

    private int write(MemorySegment vectors, IoVectorFormat format, boolean readable) {
        int room = format.capacityOf(vectors);
        int n = 0;
        for (int i = 0; i < size; i++) {
            Buffer b = buffers[i];
            int length = readable ? b.readableBytes() : b.writableBytes();
            if (length == 0) {
                continue;
            }
            if (n == room) {
                throw new IllegalArgumentException(format + " array of " + room
                        + " elements is too small for a chain of " + size + " buffers");
            }
            format.write(vectors, n++, b.address() + (readable ? b.readerIndex() : b.writerIndex()), length);
        }
        return n;
    }

    /**
     * Marks {@code bytes} as consumed (sent), front to back.
     *
     * @throws IllegalArgumentException if the chain has fewer readable bytes
     */
    public void advanceReaderIndex(long bytes) {
        check(bytes, readableBytes(), "readable");
        for (int i = 0; i < size && bytes > 0; i++) {
            Buffer b = buffers[i];
            int step = (int) Math.min(bytes, b.readableBytes());
            b.readerIndex(b.readerIndex() + step);
            bytes -= step;
        }
    }

    /**
     * Marks {@code bytes} as filled (received), front to back.
     *
     * @throws IllegalArgumentException if the chain has less writable space
     */
    public void advanceWriterIndex(long bytes) {
        check(bytes, writableBytes(), "writable");
        for (int i = 0; i < size && bytes > 0; i++) {
            Buffer b = buffers[i];
            int step = (int) Math.min(bytes, b.writableBytes());
            b.writerIndex(b.writerIndex() + step);
            bytes -= step;
        }
    }

    private static void check(long bytes, long available, String what) {
        if (bytes < 0 || bytes > available) {
            throw new IllegalArgumentException("cannot advance by " + bytes + " bytes: the chain has "
                    + available + " " + what + " bytes");
        }
    }

    /** Releases the chain's reference of every buffer and empties the chain. */
    public void release() {
        IllegalStateException first = null;
        for (int i = 0; i < size; i++) {
            try {
                buffers[i].release();
            } catch (IllegalStateException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
            buffers[i] = null;
        }
        size = 0;
        if (first != null) {
            throw first;
        }
    }
}
