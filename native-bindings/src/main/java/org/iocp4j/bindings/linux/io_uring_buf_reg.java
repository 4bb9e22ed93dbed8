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
 * struct io_uring_buf_reg {
 *     __u64   ring_addr;
 *     __u32   ring_entries;
 *     __u16   bgid;
 *     __u16   pad;
 *     __u64   resv[3];
 * };
 * }
 * <p>Argument of {@code IORING_REGISTER_PBUF_RING} / {@code IORING_UNREGISTER_PBUF_RING}.
 * Size 40, alignment 8 on x86_64.
 */
public final class io_uring_buf_reg {
    private io_uring_buf_reg() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("ring_addr"),
            JAVA_INT.withName("ring_entries"),
            JAVA_SHORT.withName("bgid"),
            JAVA_SHORT.withName("pad"),
            MemoryLayout.sequenceLayout(3, JAVA_LONG).withName("resv")
        ).withName("io_uring_buf_reg");

    /** The layout of {@code struct io_uring_buf_reg}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_buf_reg)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_buf_reg} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_buf_reg} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_buf_reg} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 40L, 40L);
    }

    private static final OfLong ring_addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ring_addr"));
    private static final long ring_addr$OFFSET = 0;

    /** Layout of {@code ring_addr}. */
    public static OfLong ring_addr$layout() {
        return ring_addr$LAYOUT;
    }

    /** Offset of {@code ring_addr}. */
    public static long ring_addr$offset() {
        return ring_addr$OFFSET;
    }

    /** Getter for {@code __u64 ring_addr} */
    public static long ring_addr(MemorySegment struct) {
        return struct.get(ring_addr$LAYOUT, ring_addr$OFFSET);
    }

    /** Setter for {@code __u64 ring_addr} */
    public static void ring_addr(MemorySegment struct, long fieldValue) {
        struct.set(ring_addr$LAYOUT, ring_addr$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_entries"));
    private static final long ring_entries$OFFSET = 8;

    /** Layout of {@code ring_entries}. */
    public static OfInt ring_entries$layout() {
        return ring_entries$LAYOUT;
    }

    /** Offset of {@code ring_entries}. */
    public static long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /** Getter for {@code __u32 ring_entries} */
    public static int ring_entries(MemorySegment struct) {
        return struct.get(ring_entries$LAYOUT, ring_entries$OFFSET);
    }

    /** Setter for {@code __u32 ring_entries} */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }

    private static final OfShort bgid$LAYOUT = (OfShort) $LAYOUT.select(groupElement("bgid"));
    private static final long bgid$OFFSET = 12;

    /** Layout of {@code bgid}. */
    public static OfShort bgid$layout() {
        return bgid$LAYOUT;
    }

    /** Offset of {@code bgid}. */
    public static long bgid$offset() {
        return bgid$OFFSET;
    }

    /** Getter for {@code __u16 bgid} */
    public static short bgid(MemorySegment struct) {
        return struct.get(bgid$LAYOUT, bgid$OFFSET);
    }

    /** Setter for {@code __u16 bgid} */
    public static void bgid(MemorySegment struct, short fieldValue) {
        struct.set(bgid$LAYOUT, bgid$OFFSET, fieldValue);
    }
}
