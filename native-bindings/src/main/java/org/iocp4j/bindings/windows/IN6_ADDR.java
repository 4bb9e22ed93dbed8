package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * {@snippet lang=c :
 * typedef struct in6_addr {
 *     union {
 *         UCHAR Byte[16];
 *         USHORT Word[8];
 *     } u;
 * } IN6_ADDR;
 * }
 * The 16 address bytes are in network byte order.
 */
public final class IN6_ADDR {
    private IN6_ADDR() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.unionLayout(
                    MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("Byte"),
                    MemoryLayout.sequenceLayout(8, JAVA_SHORT).withName("Word")).withName("u")).withName("in6_addr");

    /** The layout of {@code IN6_ADDR}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(IN6_ADDR)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code IN6_ADDR} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code IN6_ADDR} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code IN6_ADDR}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final MemoryLayout u_Byte$LAYOUT = $LAYOUT.select(groupElement("u"), groupElement("Byte"));
    private static final long u_Byte$OFFSET = $LAYOUT.byteOffset(groupElement("u"), groupElement("Byte"));

    /** Layout of {@code u.Byte}. */
    public static MemoryLayout u_Byte$layout() {
        return u_Byte$LAYOUT;
    }

    /** Offset of {@code u.Byte} in bytes. */
    public static long u_Byte$offset() {
        return u_Byte$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * UCHAR u.Byte[16]
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment u_Byte(MemorySegment struct) {
        return struct.asSlice(u_Byte$OFFSET, u_Byte$LAYOUT.byteSize());
    }
}
