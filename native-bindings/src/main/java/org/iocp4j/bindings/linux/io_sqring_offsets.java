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
 * struct io_sqring_offsets {
 *     __u32 head;
 *     __u32 tail;
 *     __u32 ring_mask;
 *     __u32 ring_entries;
 *     __u32 flags;
 *     __u32 dropped;
 *     __u32 array;
 *     __u32 resv1;
 *     __u64 resv2;
 * };
 * }
 * <p>Byte offsets, filled in by {@code io_uring_setup}, of the submission ring fields inside the mapping at
 * {@code IORING_OFF_SQ_RING}. From {@code <linux/io_uring.h>}.
 * Size 40, alignment 8 on x86_64.
 */
public final class io_sqring_offsets {
    private io_sqring_offsets() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"),
            JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("dropped"),
            JAVA_INT.withName("array"),
            JAVA_INT.withName("resv1"),
            JAVA_LONG.withName("resv2")
        ).withName("io_sqring_offsets");

    /** The layout of {@code struct io_sqring_offsets}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_sqring_offsets)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_sqring_offsets} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_sqring_offsets} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_sqring_offsets} starting at {@code array}. */
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

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = 16;

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

    private static final OfInt dropped$LAYOUT = (OfInt) $LAYOUT.select(groupElement("dropped"));
    private static final long dropped$OFFSET = 20;

    /** Layout of {@code dropped}. */
    public static OfInt dropped$layout() {
        return dropped$LAYOUT;
    }

    /** Offset of {@code dropped}. */
    public static long dropped$offset() {
        return dropped$OFFSET;
    }

    /** Getter for {@code __u32 dropped} */
    public static int dropped(MemorySegment struct) {
        return struct.get(dropped$LAYOUT, dropped$OFFSET);
    }

    /** Setter for {@code __u32 dropped} */
    public static void dropped(MemorySegment struct, int fieldValue) {
        struct.set(dropped$LAYOUT, dropped$OFFSET, fieldValue);
    }

    private static final OfInt array$LAYOUT = (OfInt) $LAYOUT.select(groupElement("array"));
    private static final long array$OFFSET = 24;

    /** Layout of {@code array}. */
    public static OfInt array$layout() {
        return array$LAYOUT;
    }

    /** Offset of {@code array}. */
    public static long array$offset() {
        return array$OFFSET;
    }

    /** Getter for {@code __u32 array} */
    public static int array(MemorySegment struct) {
        return struct.get(array$LAYOUT, array$OFFSET);
    }

    /** Setter for {@code __u32 array} */
    public static void array(MemorySegment struct, int fieldValue) {
        struct.set(array$LAYOUT, array$OFFSET, fieldValue);
    }
}
