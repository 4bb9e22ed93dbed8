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
 * struct in_addr {
 *     in_addr_t s_addr;   // network byte order
 * };
 * }
 * <p>An IPv4 address, in network byte order. From {@code <netinet/in.h>}.
 * Size 4, alignment 4 on x86_64.
 */
public final class in_addr {
    private in_addr() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("s_addr")
        ).withName("in_addr");

    /** The layout of {@code struct in_addr}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct in_addr)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct in_addr} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct in_addr} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct in_addr} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 4L, 4L);
    }

    private static final OfInt s_addr$LAYOUT = (OfInt) $LAYOUT.select(groupElement("s_addr"));
    private static final long s_addr$OFFSET = 0;

    /** Layout of {@code s_addr}. */
    public static OfInt s_addr$layout() {
        return s_addr$LAYOUT;
    }

    /** Offset of {@code s_addr}. */
    public static long s_addr$offset() {
        return s_addr$OFFSET;
    }

    /** Getter for {@code in_addr_t s_addr} */
    public static int s_addr(MemorySegment struct) {
        return struct.get(s_addr$LAYOUT, s_addr$OFFSET);
    }

    /** Setter for {@code in_addr_t s_addr} */
    public static void s_addr(MemorySegment struct, int fieldValue) {
        struct.set(s_addr$LAYOUT, s_addr$OFFSET, fieldValue);
    }
}
