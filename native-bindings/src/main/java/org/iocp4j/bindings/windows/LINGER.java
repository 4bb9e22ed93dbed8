package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * typedef struct linger {
 *     u_short l_onoff;
 *     u_short l_linger;
 * } LINGER;
 * }
 */
public final class LINGER {
    private LINGER() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("l_onoff"),
            JAVA_SHORT.withName("l_linger")).withName("linger");

    /** The layout of {@code LINGER}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(LINGER)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code LINGER} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code LINGER} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code LINGER}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfShort l_onoff$LAYOUT = (OfShort) $LAYOUT.select(groupElement("l_onoff"));
    private static final long l_onoff$OFFSET = $LAYOUT.byteOffset(groupElement("l_onoff"));

    /** Layout of {@code l_onoff}. */
    public static OfShort l_onoff$layout() {
        return l_onoff$LAYOUT;
    }

    /** Offset of {@code l_onoff} in bytes. */
    public static long l_onoff$offset() {
        return l_onoff$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * u_short l_onoff
     * }
     */
    public static short l_onoff(MemorySegment struct) {
        return struct.get(l_onoff$LAYOUT, l_onoff$OFFSET);
    }

    /** Sets {@code l_onoff}. */
    public static void l_onoff(MemorySegment struct, short fieldValue) {
        struct.set(l_onoff$LAYOUT, l_onoff$OFFSET, fieldValue);
    }

    private static final OfShort l_linger$LAYOUT = (OfShort) $LAYOUT.select(groupElement("l_linger"));
    private static final long l_linger$OFFSET = $LAYOUT.byteOffset(groupElement("l_linger"));

    /** Layout of {@code l_linger}. */
    public static OfShort l_linger$layout() {
        return l_linger$LAYOUT;
    }

    /** Offset of {@code l_linger} in bytes. */
    public static long l_linger$offset() {
        return l_linger$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * u_short l_linger
     * }
     */
    public static short l_linger(MemorySegment struct) {
        return struct.get(l_linger$LAYOUT, l_linger$OFFSET);
    }

    /** Sets {@code l_linger}. */
    public static void l_linger(MemorySegment struct, short fieldValue) {
        struct.set(l_linger$LAYOUT, l_linger$OFFSET, fieldValue);
    }
}
