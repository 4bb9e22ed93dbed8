package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * {@snippet lang=c :
 * typedef struct in_addr {
 *     union {
 *         struct { UCHAR s_b1, s_b2, s_b3, s_b4; } S_un_b;
 *         struct { USHORT s_w1, s_w2; } S_un_w;
 *         ULONG S_addr;
 *     } S_un;
 * } IN_ADDR;
 * }
 * {@code S_un.S_addr} holds the address in network byte order, as the stack reads it.
 */
public final class IN_ADDR {
    private IN_ADDR() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(
                            JAVA_BYTE.withName("s_b1"),
                            JAVA_BYTE.withName("s_b2"),
                            JAVA_BYTE.withName("s_b3"),
                            JAVA_BYTE.withName("s_b4")).withName("S_un_b"),
                    MemoryLayout.structLayout(
                            JAVA_SHORT.withName("s_w1"),
                            JAVA_SHORT.withName("s_w2")).withName("S_un_w"),
                    JAVA_INT.withName("S_addr")).withName("S_un")).withName("in_addr");

    /** The layout of {@code IN_ADDR}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(IN_ADDR)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code IN_ADDR} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code IN_ADDR} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code IN_ADDR}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt S_un_S_addr$LAYOUT = (OfInt) $LAYOUT.select(groupElement("S_un"), groupElement("S_addr"));
    private static final long S_un_S_addr$OFFSET = $LAYOUT.byteOffset(groupElement("S_un"), groupElement("S_addr"));

    /** Layout of {@code S_un.S_addr}. */
    public static OfInt S_un_S_addr$layout() {
        return S_un_S_addr$LAYOUT;
    }

    /** Offset of {@code S_un.S_addr} in bytes. */
    public static long S_un_S_addr$offset() {
        return S_un_S_addr$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG S_un.S_addr
     * }
     */
    public static int S_un_S_addr(MemorySegment struct) {
        return struct.get(S_un_S_addr$LAYOUT, S_un_S_addr$OFFSET);
    }

    /** Sets {@code S_un.S_addr}. */
    public static void S_un_S_addr(MemorySegment struct, int fieldValue) {
        struct.set(S_un_S_addr$LAYOUT, S_un_S_addr$OFFSET, fieldValue);
    }
}
