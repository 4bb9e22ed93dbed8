package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * {@snippet lang=c :
 * struct in6_addr {
 *     union {
 *         uint8_t  __u6_addr8[16];
 *         uint16_t __u6_addr16[8];
 *         uint32_t __u6_addr32[4];
 *     } __in6_u;
 * };
 * }
 * <p>An IPv6 address, 16 bytes in network order; {@code s6_addr} is {@code __in6_u.__u6_addr8}.
 * From {@code <netinet/in.h>}.
 * Size 16, alignment 4 on x86_64.
 */
public final class in6_addr {
    private in6_addr() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.unionLayout(
                MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("__u6_addr8"),
                MemoryLayout.sequenceLayout(8, JAVA_SHORT).withName("__u6_addr16"),
                MemoryLayout.sequenceLayout(4, JAVA_INT).withName("__u6_addr32")
            ).withName("__in6_u")
        ).withName("in6_addr");

    /** The layout of {@code struct in6_addr}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct in6_addr)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct in6_addr} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct in6_addr} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct in6_addr} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final MemoryLayout __u6_addr8$LAYOUT = $LAYOUT.select(
            groupElement("__in6_u"), groupElement("__u6_addr8"));
    private static final long __u6_addr8$OFFSET = 0;

    /** Layout of {@code __u6_addr8}. */
    public static MemoryLayout __u6_addr8$layout() {
        return __u6_addr8$LAYOUT;
    }

    /** Offset of {@code __u6_addr8}. */
    public static long __u6_addr8$offset() {
        return __u6_addr8$OFFSET;
    }

    /** The {@code uint8_t __u6_addr8[16]} member, as a slice of {@code struct}. */
    public static MemorySegment __u6_addr8(MemorySegment struct) {
        return struct.asSlice(__u6_addr8$OFFSET, __u6_addr8$LAYOUT.byteSize());
    }
}
