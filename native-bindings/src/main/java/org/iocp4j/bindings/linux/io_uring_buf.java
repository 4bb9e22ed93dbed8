package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * struct io_uring_buf {
 *     __u64   addr;
 *     __u32   len;
 *     __u16   bid;
 *     __u16   resv;
 * };
 * }
 * <p>One entry of a provided-buffer ring ({@link io_uring_buf_ring}).
 * Size 16, alignment 8 on x86_64.
 */
public final class io_uring_buf {
    private io_uring_buf() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("addr"),
            JAVA_INT.withName("len"),
            JAVA_SHORT.withName("bid"),
            JAVA_SHORT.withName("resv")
        ).withName("io_uring_buf");

    /** The layout of {@code struct io_uring_buf}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_buf)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_buf} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_buf} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_buf} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("addr"));
    private static final long addr$OFFSET = 0;

    /** Layout of {@code addr}. */
    public static OfLong addr$layout() {
        return addr$LAYOUT;
    }

    /** Offset of {@code addr}. */
    public static long addr$offset() {
        return addr$OFFSET;
    }

    /** Getter for {@code __u64 addr} */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /** Setter for {@code __u64 addr} */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(groupElement("len"));
    private static final long len$OFFSET = 8;

    /** Layout of {@code len}. */
    public static OfInt len$layout() {
        return len$LAYOUT;
    }

    /** Offset of {@code len}. */
    public static long len$offset() {
        return len$OFFSET;
    }

    /** Getter for {@code __u32 len} */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /** Setter for {@code __u32 len} */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfShort bid$LAYOUT = (OfShort) $LAYOUT.select(groupElement("bid"));
    private static final long bid$OFFSET = 12;

    /** Layout of {@code bid}. */
    public static OfShort bid$layout() {
        return bid$LAYOUT;
    }

    /** Offset of {@code bid}. */
    public static long bid$offset() {
        return bid$OFFSET;
    }

    /** Getter for {@code __u16 bid} */
    public static short bid(MemorySegment struct) {
        return struct.get(bid$LAYOUT, bid$OFFSET);
    }

    /** Setter for {@code __u16 bid} */
    public static void bid(MemorySegment struct, short fieldValue) {
        struct.set(bid$LAYOUT, bid$OFFSET, fieldValue);
    }
}
