package org.iocp4j.core;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * The shape of one element of a native scatter/gather array: where the pointer and the length sit and
 * how wide the length is. {@link BufferChain} writes its buffers into such an array without copying data.
 *
 * <p>Only the two formats the operating systems define exist, for x86_64:
 * <ul>
 *   <li>{@link #WSABUF}: {@code typedef struct _WSABUF { ULONG len; CHAR *buf; } WSABUF;} (ws2def.h) —
 *       {@code len} 4 bytes at 0, 4 bytes padding, {@code buf} at 8, 16 bytes in all.</li>
 *   <li>{@link #IOVEC}: {@code struct iovec { void *iov_base; size_t iov_len; };} (sys/uio.h) —
 *       {@code iov_base} at 0, {@code iov_len} 8 bytes at 8, 16 bytes in all.</li>
 * </ul>
 */
public final class IoVectorFormat {
    /** Winsock's {@code WSABUF}, for {@code WSASend} / {@code WSARecv}. */
    public static final IoVectorFormat WSABUF = new IoVectorFormat("WSABUF", 16, 8, 0, 4);
    /** POSIX {@code struct iovec}, for {@code readv} / {@code writev} / io_uring. */
    public static final IoVectorFormat IOVEC = new IoVectorFormat("iovec", 16, 0, 8, 8);

    private final String name;
    private final long size;
    private final long pointerOffset;
    private final long lengthOffset;
    private final int lengthBytes;

    private IoVectorFormat(String name, long size, long pointerOffset, long lengthOffset, int lengthBytes) {
        this.name = name;
        this.size = size;
        this.pointerOffset = pointerOffset;
        this.lengthOffset = lengthOffset;
        this.lengthBytes = lengthBytes;
    }

    /** Bytes per element. */
    public long elementSize() {
        return size;
    }

    /** A zeroed array of {@code count} elements, 8-byte aligned. */
    public MemorySegment allocateArray(SegmentAllocator allocator, int count) {
        return allocator.allocate(size * count, 8);
    }

    /** Elements {@code vectors} has room for. */
    public int capacityOf(MemorySegment vectors) {
        return (int) Math.min(Integer.MAX_VALUE, vectors.byteSize() / size);
    }

    /**
     * Writes element {@code index}.
     *
     * @throws IllegalArgumentException if the length does not fit the format's length field
     */
    public void write(MemorySegment vectors, int index, long address, long length) {
        long base = index * size;
        if (lengthBytes == 4) {
            if (length < 0 || length > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(name + ".len cannot hold " + length + " bytes");
            }
            vectors.set(JAVA_INT, base + lengthOffset, (int) length);
        } else {
            vectors.set(JAVA_LONG, base + lengthOffset, length);
        }
        vectors.set(JAVA_LONG, base + pointerOffset, address);
    }

    /** The pointer of element {@code index}. */
    public long address(MemorySegment vectors, int index) {
        return vectors.get(JAVA_LONG, index * size + pointerOffset);
    }

    /** The length of element {@code index}. */
    public long length(MemorySegment vectors, int index) {
        long at = index * size + lengthOffset;
        return lengthBytes == 4 ? Integer.toUnsignedLong(vectors.get(JAVA_INT, at)) : vectors.get(JAVA_LONG, at);
    }

    @Override
    public String toString() {
        return name;
    }
}
