package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * struct iovec {
 *     void  *iov_base;
 *     size_t iov_len;
 * };
 * }
 * <p>One buffer of a scatter/gather vector ({@code IORING_OP_READV}, {@code WRITEV}, {@link msghdr}).
 * From {@code <sys/uio.h>}.
 * Size 16, alignment 8 on x86_64.
 */
public final class iovec {
    private iovec() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len")
        ).withName("iovec");

    /** The layout of {@code struct iovec}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct iovec)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct iovec} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct iovec} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct iovec} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final AddressLayout iov_base$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("iov_base"));
    private static final long iov_base$OFFSET = 0;

    /** Layout of {@code iov_base}. */
    public static AddressLayout iov_base$layout() {
        return iov_base$LAYOUT;
    }

    /** Offset of {@code iov_base}. */
    public static long iov_base$offset() {
        return iov_base$OFFSET;
    }

    /** Getter for {@code void * iov_base} */
    public static MemorySegment iov_base(MemorySegment struct) {
        return struct.get(iov_base$LAYOUT, iov_base$OFFSET);
    }

    /** Setter for {@code void * iov_base} */
    public static void iov_base(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(iov_base$LAYOUT, iov_base$OFFSET, fieldValue);
    }

    private static final OfLong iov_len$LAYOUT = (OfLong) $LAYOUT.select(groupElement("iov_len"));
    private static final long iov_len$OFFSET = 8;

    /** Layout of {@code iov_len}. */
    public static OfLong iov_len$layout() {
        return iov_len$LAYOUT;
    }

    /** Offset of {@code iov_len}. */
    public static long iov_len$offset() {
        return iov_len$OFFSET;
    }

    /** Getter for {@code size_t iov_len} */
    public static long iov_len(MemorySegment struct) {
        return struct.get(iov_len$LAYOUT, iov_len$OFFSET);
    }

    /** Setter for {@code size_t iov_len} */
    public static void iov_len(MemorySegment struct, long fieldValue) {
        struct.set(iov_len$LAYOUT, iov_len$OFFSET, fieldValue);
    }
}
