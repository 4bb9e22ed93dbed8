package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * struct __kernel_timespec {
 *     __kernel_time64_t tv_sec;
 *     long long         tv_nsec;
 * };
 * }
 * <p>The time value of {@code IORING_OP_TIMEOUT}, {@code IORING_OP_LINK_TIMEOUT} and
 * {@link io_uring_getevents_arg}. From {@code <linux/time_types.h>}.
 * Size 16, alignment 8 on x86_64.
 */
public final class __kernel_timespec {
    private __kernel_timespec() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_nsec")
        ).withName("__kernel_timespec");

    /** The layout of {@code struct __kernel_timespec}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct __kernel_timespec)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct __kernel_timespec} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct __kernel_timespec} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct __kernel_timespec} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfLong tv_sec$LAYOUT = (OfLong) $LAYOUT.select(groupElement("tv_sec"));
    private static final long tv_sec$OFFSET = 0;

    /** Layout of {@code tv_sec}. */
    public static OfLong tv_sec$layout() {
        return tv_sec$LAYOUT;
    }

    /** Offset of {@code tv_sec}. */
    public static long tv_sec$offset() {
        return tv_sec$OFFSET;
    }

    /** Getter for {@code __kernel_time64_t tv_sec} */
    public static long tv_sec(MemorySegment struct) {
        return struct.get(tv_sec$LAYOUT, tv_sec$OFFSET);
    }

    /** Setter for {@code __kernel_time64_t tv_sec} */
    public static void tv_sec(MemorySegment struct, long fieldValue) {
        struct.set(tv_sec$LAYOUT, tv_sec$OFFSET, fieldValue);
    }

    private static final OfLong tv_nsec$LAYOUT = (OfLong) $LAYOUT.select(groupElement("tv_nsec"));
    private static final long tv_nsec$OFFSET = 8;

    /** Layout of {@code tv_nsec}. */
    public static OfLong tv_nsec$layout() {
        return tv_nsec$LAYOUT;
    }

    /** Offset of {@code tv_nsec}. */
    public static long tv_nsec$offset() {
        return tv_nsec$OFFSET;
    }

    /** Getter for {@code long long tv_nsec} */
    public static long tv_nsec(MemorySegment struct) {
        return struct.get(tv_nsec$LAYOUT, tv_nsec$OFFSET);
    }

    /** Setter for {@code long long tv_nsec} */
    public static void tv_nsec(MemorySegment struct, long fieldValue) {
        struct.set(tv_nsec$LAYOUT, tv_nsec$OFFSET, fieldValue);
    }
}
