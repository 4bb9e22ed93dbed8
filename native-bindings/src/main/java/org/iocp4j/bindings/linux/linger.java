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
 * struct linger {
 *     int l_onoff;
 *     int l_linger;
 * };
 * }
 * <p>The value of {@code SO_LINGER}. From {@code <bits/socket.h>}.
 * Size 8, alignment 4 on x86_64.
 */
public final class linger {
    private linger() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("l_onoff"),
            JAVA_INT.withName("l_linger")
        ).withName("linger");

    /** The layout of {@code struct linger}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct linger)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct linger} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct linger} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct linger} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 8L, 8L);
    }

    private static final OfInt l_onoff$LAYOUT = (OfInt) $LAYOUT.select(groupElement("l_onoff"));
    private static final long l_onoff$OFFSET = 0;

    /** Layout of {@code l_onoff}. */
    public static OfInt l_onoff$layout() {
        return l_onoff$LAYOUT;
    }

    /** Offset of {@code l_onoff}. */
    public static long l_onoff$offset() {
        return l_onoff$OFFSET;
    }

    /** Getter for {@code int l_onoff} */
    public static int l_onoff(MemorySegment struct) {
        return struct.get(l_onoff$LAYOUT, l_onoff$OFFSET);
    }

    /** Setter for {@code int l_onoff} */
    public static void l_onoff(MemorySegment struct, int fieldValue) {
        struct.set(l_onoff$LAYOUT, l_onoff$OFFSET, fieldValue);
    }

    private static final OfInt l_linger$LAYOUT = (OfInt) $LAYOUT.select(groupElement("l_linger"));
    private static final long l_linger$OFFSET = 4;

    /** Layout of {@code l_linger}. */
    public static OfInt l_linger$layout() {
        return l_linger$LAYOUT;
    }

    /** Offset of {@code l_linger}. */
    public static long l_linger$offset() {
        return l_linger$OFFSET;
    }

    /** Getter for {@code int l_linger} */
    public static int l_linger(MemorySegment struct) {
        return struct.get(l_linger$LAYOUT, l_linger$OFFSET);
    }

    /** Setter for {@code int l_linger} */
    public static void l_linger(MemorySegment struct, int fieldValue) {
        struct.set(l_linger$LAYOUT, l_linger$OFFSET, fieldValue);
    }
}
