package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * {@snippet lang=c :
 * struct io_uring_params {
 *     __u32 sq_entries;
 *     __u32 cq_entries;
 *     __u32 flags;
 *     __u32 sq_thread_cpu;
 *     __u32 sq_thread_idle;
 *     __u32 features;
 *     __u32 wq_fd;
 *     __u32 resv[3];
 *     struct io_sqring_offsets sq_off;
 *     struct io_cqring_offsets cq_off;
 * };
 * }
 * <p>Passed to {@code io_uring_setup} and copied back with the ring sizes, features and offsets.
 * The nested {@code sq_off} / {@code cq_off} slices are read with {@link io_sqring_offsets} and
 * {@link io_cqring_offsets}.
 * Size 120, alignment 8 on x86_64.
 */
public final class io_uring_params {
    private io_uring_params() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("sq_entries"),
            JAVA_INT.withName("cq_entries"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("sq_thread_cpu"),
            JAVA_INT.withName("sq_thread_idle"),
            JAVA_INT.withName("features"),
            JAVA_INT.withName("wq_fd"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv"),
            io_sqring_offsets.layout().withName("sq_off"),
            io_cqring_offsets.layout().withName("cq_off")
        ).withName("io_uring_params");

    /** The layout of {@code struct io_uring_params}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_params)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_params} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_params} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_params} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 120L, 120L);
    }

    private static final OfInt sq_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_entries"));
    private static final long sq_entries$OFFSET = 0;

    /** Layout of {@code sq_entries}. */
    public static OfInt sq_entries$layout() {
        return sq_entries$LAYOUT;
    }

    /** Offset of {@code sq_entries}. */
    public static long sq_entries$offset() {
        return sq_entries$OFFSET;
    }

    /** Getter for {@code __u32 sq_entries} */
    public static int sq_entries(MemorySegment struct) {
        return struct.get(sq_entries$LAYOUT, sq_entries$OFFSET);
    }

    /** Setter for {@code __u32 sq_entries} */
    public static void sq_entries(MemorySegment struct, int fieldValue) {
        struct.set(sq_entries$LAYOUT, sq_entries$OFFSET, fieldValue);
    }

    private static final OfInt cq_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("cq_entries"));
    private static final long cq_entries$OFFSET = 4;

    /** Layout of {@code cq_entries}. */
    public static OfInt cq_entries$layout() {
        return cq_entries$LAYOUT;
    }

    /** Offset of {@code cq_entries}. */
    public static long cq_entries$offset() {
        return cq_entries$OFFSET;
    }

    /** Getter for {@code __u32 cq_entries} */
    public static int cq_entries(MemorySegment struct) {
        return struct.get(cq_entries$LAYOUT, cq_entries$OFFSET);
    }

    /** Setter for {@code __u32 cq_entries} */
    public static void cq_entries(MemorySegment struct, int fieldValue) {
        struct.set(cq_entries$LAYOUT, cq_entries$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = 8;

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

    private static final OfInt sq_thread_cpu$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_thread_cpu"));
    private static final long sq_thread_cpu$OFFSET = 12;

    /** Layout of {@code sq_thread_cpu}. */
    public static OfInt sq_thread_cpu$layout() {
        return sq_thread_cpu$LAYOUT;
    }

    /** Offset of {@code sq_thread_cpu}. */
    public static long sq_thread_cpu$offset() {
        return sq_thread_cpu$OFFSET;
    }

    /** Getter for {@code __u32 sq_thread_cpu} */
    public static int sq_thread_cpu(MemorySegment struct) {
        return struct.get(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET);
    }

    /** Setter for {@code __u32 sq_thread_cpu} */
    public static void sq_thread_cpu(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET, fieldValue);
    }

    private static final OfInt sq_thread_idle$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_thread_idle"));
    private static final long sq_thread_idle$OFFSET = 16;

    /** Layout of {@code sq_thread_idle}. */
    public static OfInt sq_thread_idle$layout() {
        return sq_thread_idle$LAYOUT;
    }

    /** Offset of {@code sq_thread_idle}. */
    public static long sq_thread_idle$offset() {
        return sq_thread_idle$OFFSET;
    }

    /** Getter for {@code __u32 sq_thread_idle} */
    public static int sq_thread_idle(MemorySegment struct) {
        return struct.get(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET);
    }

    /** Setter for {@code __u32 sq_thread_idle} */
    public static void sq_thread_idle(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET, fieldValue);
    }

    private static final OfInt features$LAYOUT = (OfInt) $LAYOUT.select(groupElement("features"));
    private static final long features$OFFSET = 20;

    /** Layout of {@code features}. */
    public static OfInt features$layout() {
        return features$LAYOUT;
    }

    /** Offset of {@code features}. */
    public static long features$offset() {
        return features$OFFSET;
    }

    /** Getter for {@code __u32 features} */
    public static int features(MemorySegment struct) {
        return struct.get(features$LAYOUT, features$OFFSET);
    }

    /** Setter for {@code __u32 features} */
    public static void features(MemorySegment struct, int fieldValue) {
        struct.set(features$LAYOUT, features$OFFSET, fieldValue);
    }

    private static final OfInt wq_fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("wq_fd"));
    private static final long wq_fd$OFFSET = 24;

    /** Layout of {@code wq_fd}. */
    public static OfInt wq_fd$layout() {
        return wq_fd$LAYOUT;
    }

    /** Offset of {@code wq_fd}. */
    public static long wq_fd$offset() {
        return wq_fd$OFFSET;
    }

    /** Getter for {@code __u32 wq_fd} */
    public static int wq_fd(MemorySegment struct) {
        return struct.get(wq_fd$LAYOUT, wq_fd$OFFSET);
    }

    /** Setter for {@code __u32 wq_fd} */
    public static void wq_fd(MemorySegment struct, int fieldValue) {
        struct.set(wq_fd$LAYOUT, wq_fd$OFFSET, fieldValue);
    }

    private static final MemoryLayout sq_off$LAYOUT = $LAYOUT.select(groupElement("sq_off"));
    private static final long sq_off$OFFSET = 40;

    /** Layout of {@code sq_off}. */
    public static MemoryLayout sq_off$layout() {
        return sq_off$LAYOUT;
    }

    /** Offset of {@code sq_off}. */
    public static long sq_off$offset() {
        return sq_off$OFFSET;
    }

    /** The {@code struct io_sqring_offsets sq_off} member, as a slice of {@code struct}. */
    public static MemorySegment sq_off(MemorySegment struct) {
        return struct.asSlice(sq_off$OFFSET, sq_off$LAYOUT.byteSize());
    }

    private static final MemoryLayout cq_off$LAYOUT = $LAYOUT.select(groupElement("cq_off"));
    private static final long cq_off$OFFSET = 80;

    /** Layout of {@code cq_off}. */
    public static MemoryLayout cq_off$layout() {
        return cq_off$LAYOUT;
    }

    /** Offset of {@code cq_off}. */
    public static long cq_off$offset() {
        return cq_off$OFFSET;
    }

    /** The {@code struct io_cqring_offsets cq_off} member, as a slice of {@code struct}. */
    public static MemorySegment cq_off(MemorySegment struct) {
        return struct.asSlice(cq_off$OFFSET, cq_off$LAYOUT.byteSize());
    }
}
