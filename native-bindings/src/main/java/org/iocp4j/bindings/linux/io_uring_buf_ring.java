package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * struct io_uring_buf_ring {
 *     union {
 *         struct { __u64 resv1; __u32 resv2; __u16 resv3; __u16 tail; };
 *         __DECLARE_FLEX_ARRAY(struct io_uring_buf, bufs);
 *     };
 * };
 * }
 * <p>Header of a provided-buffer ring registered with {@code IORING_REGISTER_PBUF_RING}. The ring is an
 * array of {@link io_uring_buf}; the tail overlays the {@code resv} field of entry 0. Entry {@code i} is
 * {@code io_uring_buf.asSlice(ring, i)}; publish new entries by storing {@code tail} with release
 * semantics.
 * Anonymous unions and structs are layouts named {@code $anon$N}; their members have accessors here as
 * C11 addresses them, without the anonymous level.
 * Size 16, alignment 8 on x86_64.
 */
public final class io_uring_buf_ring {
    private io_uring_buf_ring() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.unionLayout(
                MemoryLayout.structLayout(
                    JAVA_LONG.withName("resv1"),
                    JAVA_INT.withName("resv2"),
                    JAVA_SHORT.withName("resv3"),
                    JAVA_SHORT.withName("tail")
                ).withName("$anon$1"),
                MemoryLayout.sequenceLayout(0, io_uring_buf.layout()).withName("bufs")
            ).withName("$anon$0")
        ).withName("io_uring_buf_ring");

    /** The layout of {@code struct io_uring_buf_ring}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_buf_ring)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_buf_ring} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_buf_ring} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_buf_ring} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfShort tail$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$0"), groupElement("$anon$1"), groupElement("tail"));
    private static final long tail$OFFSET = 14;

    /** Layout of {@code tail}. */
    public static OfShort tail$layout() {
        return tail$LAYOUT;
    }

    /** Offset of {@code tail}. */
    public static long tail$offset() {
        return tail$OFFSET;
    }

    /** Getter for {@code __u16 tail} */
    public static short tail(MemorySegment struct) {
        return struct.get(tail$LAYOUT, tail$OFFSET);
    }

    /** Setter for {@code __u16 tail} */
    public static void tail(MemorySegment struct, short fieldValue) {
        struct.set(tail$LAYOUT, tail$OFFSET, fieldValue);
    }
}
