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
 * struct io_uring_cqe {
 *     __u64   user_data;  // sqe->user_data passed back
 *     __s32   res;        // result, -errno on failure
 *     __u32   flags;      // IORING_CQE_F_*
 *     __u64   big_cqe[];  // 16 more bytes with IORING_SETUP_CQE32
 * };
 * }
 * <p>A completion queue entry. {@link #sizeof()} is 16, the stride of the CQ array in a ring set up
 * without {@code IORING_SETUP_CQE32}. In big CQE mode ({@code IORING_SETUP_CQE32}) every entry is 32
 * bytes: the flexible {@code big_cqe} array holds two more {@code __u64} after {@code flags}; use
 * {@link #sizeof(int)} for the stride and {@link #big_cqe(MemorySegment, int)} to read them.
 * Size 16, alignment 8 on x86_64.
 */
public final class io_uring_cqe {
    private io_uring_cqe() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("user_data"),
            JAVA_INT.withName("res"),
            JAVA_INT.withName("flags"),
            MemoryLayout.sequenceLayout(0, JAVA_LONG).withName("big_cqe")
        ).withName("io_uring_cqe");

    /** The layout of {@code struct io_uring_cqe}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_cqe)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_cqe} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_cqe} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_cqe} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfLong user_data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("user_data"));
    private static final long user_data$OFFSET = 0;

    /** Layout of {@code user_data}. */
    public static OfLong user_data$layout() {
        return user_data$LAYOUT;
    }

    /** Offset of {@code user_data}. */
    public static long user_data$offset() {
        return user_data$OFFSET;
    }

    /** Getter for {@code __u64 user_data} */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /** Setter for {@code __u64 user_data} */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfInt res$LAYOUT = (OfInt) $LAYOUT.select(groupElement("res"));
    private static final long res$OFFSET = 8;

    /** Layout of {@code res}. */
    public static OfInt res$layout() {
        return res$LAYOUT;
    }

    /** Offset of {@code res}. */
    public static long res$offset() {
        return res$OFFSET;
    }

    /** Getter for {@code __s32 res} */
    public static int res(MemorySegment struct) {
        return struct.get(res$LAYOUT, res$OFFSET);
    }

    /** Setter for {@code __s32 res} */
    public static void res(MemorySegment struct, int fieldValue) {
        struct.set(res$LAYOUT, res$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = 12;

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

    /**
     * Size of one CQE in a ring set up with {@code setupFlags}: 32 bytes with {@code IORING_SETUP_CQE32},
     * otherwise 16.
     */
    public static long sizeof(int setupFlags) {
        return (setupFlags & IoUringConstants.IORING_SETUP_CQE32) != 0 ? 32 : 16;
    }

    /**
     * {@code big_cqe[index]} of a 32-byte CQE ({@code IORING_SETUP_CQE32}); {@code index} is 0 or 1.
     * {@code cqe} must be the 32-byte slice.
     */
    public static long big_cqe(MemorySegment cqe, int index) {
        return cqe.get(JAVA_LONG, 16L + 8L * index);
    }
}
