package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * typedef struct sockaddr_storage {
 *     ADDRESS_FAMILY ss_family;
 *     CHAR __ss_pad1[6];
 *     __int64 __ss_align;
 *     CHAR __ss_pad2[112];
 * } SOCKADDR_STORAGE;
 * }
 * Large and aligned enough for any socket address; {@link Sockaddrs} reads the family it holds.
 */
public final class SOCKADDR_STORAGE {
    private SOCKADDR_STORAGE() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("ss_family"),
            MemoryLayout.sequenceLayout(6, JAVA_BYTE).withName("__ss_pad1"),
            JAVA_LONG.withName("__ss_align"),
            MemoryLayout.sequenceLayout(112, JAVA_BYTE).withName("__ss_pad2")).withName("sockaddr_storage");

    /** The layout of {@code SOCKADDR_STORAGE}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(SOCKADDR_STORAGE)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code SOCKADDR_STORAGE} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code SOCKADDR_STORAGE} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code SOCKADDR_STORAGE}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfShort ss_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("ss_family"));
    private static final long ss_family$OFFSET = $LAYOUT.byteOffset(groupElement("ss_family"));

    /** Layout of {@code ss_family}. */
    public static OfShort ss_family$layout() {
        return ss_family$LAYOUT;
    }

    /** Offset of {@code ss_family} in bytes. */
    public static long ss_family$offset() {
        return ss_family$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ADDRESS_FAMILY ss_family
     * }
     */
    public static short ss_family(MemorySegment struct) {
        return struct.get(ss_family$LAYOUT, ss_family$OFFSET);
    }

    /** Sets {@code ss_family}. */
    public static void ss_family(MemorySegment struct, short fieldValue) {
        struct.set(ss_family$LAYOUT, ss_family$OFFSET, fieldValue);
    }
}
