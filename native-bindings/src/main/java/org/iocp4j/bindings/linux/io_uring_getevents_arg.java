package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * struct io_uring_getevents_arg {
 *     __u64   sigmask;
 *     __u32   sigmask_sz;
 *     __u32   pad;
 *     __u64   ts;
 * };
 * }
 * <p>Argument of {@code io_uring_enter} with {@code IORING_ENTER_EXT_ARG}: a signal mask and a
 * {@link __kernel_timespec} timeout (addresses as {@code __u64}).
 * Size 24, alignment 8 on x86_64.
 */
public final class io_uring_getevents_arg {
    private io_uring_getevents_arg() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("sigmask"),
            JAVA_INT.withName("sigmask_sz"),
            JAVA_INT.withName("pad"),
            JAVA_LONG.withName("ts")
        ).withName("io_uring_getevents_arg");

    /** The layout of {@code struct io_uring_getevents_arg}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_getevents_arg)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_getevents_arg} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_getevents_arg} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_getevents_arg} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 24L, 24L);
    }

    private static final OfLong sigmask$LAYOUT = (OfLong) $LAYOUT.select(groupElement("sigmask"));
    private static final long sigmask$OFFSET = 0;

    /** Layout of {@code sigmask}. */
    public static OfLong sigmask$layout() {
        return sigmask$LAYOUT;
    }

    /** Offset of {@code sigmask}. */
    public static long sigmask$offset() {
        return sigmask$OFFSET;
    }

    /** Getter for {@code __u64 sigmask} */
    public static long sigmask(MemorySegment struct) {
        return struct.get(sigmask$LAYOUT, sigmask$OFFSET);
    }

    /** Setter for {@code __u64 sigmask} */
    public static void sigmask(MemorySegment struct, long fieldValue) {
        struct.set(sigmask$LAYOUT, sigmask$OFFSET, fieldValue);
    }

    private static final OfInt sigmask_sz$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sigmask_sz"));
    private static final long sigmask_sz$OFFSET = 8;

    /** Layout of {@code sigmask_sz}. */
    public static OfInt sigmask_sz$layout() {
        return sigmask_sz$LAYOUT;
    }

    /** Offset of {@code sigmask_sz}. */
    public static long sigmask_sz$offset() {
        return sigmask_sz$OFFSET;
    }

    /** Getter for {@code __u32 sigmask_sz} */
    public static int sigmask_sz(MemorySegment struct) {
        return struct.get(sigmask_sz$LAYOUT, sigmask_sz$OFFSET);
    }

    /** Setter for {@code __u32 sigmask_sz} */
    public static void sigmask_sz(MemorySegment struct, int fieldValue) {
        struct.set(sigmask_sz$LAYOUT, sigmask_sz$OFFSET, fieldValue);
    }

    private static final OfLong ts$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ts"));
    private static final long ts$OFFSET = 16;

    /** Layout of {@code ts}. */
    public static OfLong ts$layout() {
        return ts$LAYOUT;
    }

    /** Offset of {@code ts}. */
    public static long ts$offset() {
        return ts$OFFSET;
    }

    /** Getter for {@code __u64 ts} */
    public static long ts(MemorySegment struct) {
        return struct.get(ts$LAYOUT, ts$OFFSET);
    }

    /** Setter for {@code __u64 ts} */
    public static void ts(MemorySegment struct, long fieldValue) {
        struct.set(ts$LAYOUT, ts$OFFSET, fieldValue);
    }
}
