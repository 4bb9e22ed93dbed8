package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * {@snippet lang=c :
 * typedef struct _WSABUF {
 *     ULONG len;
 *     CHAR *buf;
 * } WSABUF, *LPWSABUF;
 * }
 */
public final class WSABUF {
    private WSABUF() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("len"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("buf")).withName("_WSABUF");

    /** The layout of {@code WSABUF}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(WSABUF)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code WSABUF} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code WSABUF} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code WSABUF}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(groupElement("len"));
    private static final long len$OFFSET = $LAYOUT.byteOffset(groupElement("len"));

    /** Layout of {@code len}. */
    public static OfInt len$layout() {
        return len$LAYOUT;
    }

    /** Offset of {@code len} in bytes. */
    public static long len$offset() {
        return len$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG len
     * }
     */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /** Sets {@code len}. */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final AddressLayout buf$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("buf"));
    private static final long buf$OFFSET = $LAYOUT.byteOffset(groupElement("buf"));

    /** Layout of {@code buf}. */
    public static AddressLayout buf$layout() {
        return buf$LAYOUT;
    }

    /** Offset of {@code buf} in bytes. */
    public static long buf$offset() {
        return buf$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * CHAR *buf
     * }
     */
    public static MemorySegment buf(MemorySegment struct) {
        return struct.get(buf$LAYOUT, buf$OFFSET);
    }

    /** Sets {@code buf}. */
    public static void buf(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(buf$LAYOUT, buf$OFFSET, fieldValue);
    }
}
