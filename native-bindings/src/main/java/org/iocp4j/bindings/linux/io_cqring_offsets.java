package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * {@snippet lang=c :
 * struct io_cqring_offsets {
 *     __u32 head;
 *     __u32 tail;
 *     __u32 ring_mask;
 *     __u32 ring_entries;
 *     __u32 overflow;
 *     __u32 cqes;
 *     __u32 flags;
 *     __u32 resv1;
 *     __u64 resv2;
 * };
 * }
 * <p>Byte offsets, filled in by {@code io_uring_setup}, of the completion ring fields inside the mapping at
 * {@code IORING_OFF_CQ_RING} (the same mapping as the SQ ring with {@code IORING_FEAT_SINGLE_MMAP}).
 * Size 40, alignment 8 on x86_64.
 */
public final class io_cqring_offsets {
    private io_cqring_offsets() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"),
            JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("overflow"),
            JAVA_INT.withName("cqes"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("resv1"),
            JAVA_LONG.withName("resv2")
        ).withName("io_cqring_offsets");

    /** The layout of {@code struct io_cqring_offsets}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_cqring_offsets)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_cqring_offsets} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_cqring_offsets} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_cqring_offsets} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 40L, 40L);
    }

    private static final OfInt head$LAYOUT = (OfInt) $LAYOUT.select(groupElement("head"));
    private static final long head$OFFSET = 0;

    /** Layout of {@code head}. */
    public static OfInt head$layout() {
        return head$LAYOUT;
    }

    /** Offset of {@code head}. */
    public static long head$offset() {
        return head$OFFSET;
    }

    /** Getter for {@code __u32 head} */
    public static int head(MemorySegment struct) {
        return struct.get(head$LAYOUT, head$OFFSET);
    }

    /** Setter for {@code __u32 head} */
    public static void head(MemorySegment struct, int fieldValue) {
        struct.set(head$LAYOUT, head$OFFSET, fieldValue);
    }

    private static final OfInt tail$LAYOUT = (OfInt) $LAYOUT.select(groupElement("tail"));
    private static final long tail$OFFSET = 4;

    /** Layout of {@code tail}. */
    public static OfInt tail$layout() {
        return tail$LAYOUT;
    }

    /** Offset of {@code tail}. */
    public static long tail$offset() {
        return tail$OFFSET;
    }

    /** Getter for {@code __u32 tail} */
    public static int tail(MemorySegment struct) {
        return struct.get(tail$LAYOUT, tail$OFFSET);
    }

    /** Setter for {@code __u32 tail} */
    public static void tail(MemorySegment struct, int fieldValue) {
        struct.set(tail$LAYOUT, tail$OFFSET, fieldValue);
    }

    private static final OfInt ring_mask$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_mask"));
    private static final long ring_mask$OFFSET = 8;

    /** Layout of {@code ring_mask}. */
    public static OfInt ring_mask$layout() {
        return ring_mask$LAYOUT;
    }

    /** Offset of {@code ring_mask}. */
    public static long ring_mask$offset() {
        return ring_mask$OFFSET;
    }

    /** Getter for {@code __u32 ring_mask} */
    public static int ring_mask(MemorySegment struct) {
        return struct.get(ring_mask$LAYOUT, ring_mask$OFFSET);
    }

    /** Setter for {@code __u32 ring_mask} */
    public static void ring_mask(MemorySegment struct, int fieldValue) {
        struct.set(ring_mask$LAYOUT, ring_mask$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_entries"));
    private static final long ring_entries$OFFSET = 12;

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

    private static final OfInt overflow$LAYOUT = (OfInt) $LAYOUT.select(groupElement("overflow"));
    private static final long overflow$OFFSET = 16;

    /** Layout of {@code overflow}. */
    public static OfInt overflow$layout() {
        return overflow$LAYOUT;
    }

    /** Offset of {@code overflow}. */
    public static long overflow$offset() {
        return overflow$OFFSET;
    }

    /** Getter for {@code __u32 overflow} */
    public static int overflow(MemorySegment struct) {
        return struct.get(overflow$LAYOUT, overflow$OFFSET);
    }

    /** Setter for {@code __u32 overflow} */
    public static void overflow(MemorySegment struct, int fieldValue) {
        struct.set(overflow$LAYOUT, overflow$OFFSET, fieldValue);
    }

    private static final OfInt cqes$LAYOUT = (OfInt) $LAYOUT.select(groupElement("cqes"));
    private static final long cqes$OFFSET = 20;

    /** Layout of {@code cqes}. */
    public static OfInt cqes$layout() {
        return cqes$LAYOUT;
    }

    /** Offset of {@code cqes}. */
    public static long cqes$offset() {
        return cqes$OFFSET;
    }

    /** Getter for {@code __u32 cqes} */
    public static int cqes(MemorySegment struct) {
        return struct.get(cqes$LAYOUT, cqes$OFFSET);
    }

    /** Setter for {@code __u32 cqes} */
    public static void cqes(MemorySegment struct, int fieldValue) {
        struct.set(cqes$LAYOUT, cqes$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = 24;

    /** Layout of {@code flags}. */
    public static OfInt flags$layout() {
        return flags$LAYOUT;
    }

    /** Offset of {@code flags}. */
    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for {@code __u32 flags} */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for {@code __u32 flags} */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }
}
