package org.iocp4j.bindings.linux;

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
 * struct sockaddr_storage {
 *     sa_family_t   ss_family;
 *     char          __ss_padding[118];
 *     unsigned long __ss_align;
 * };
 * }
 * <p>Room for any socket address (128 bytes), for {@code accept4}, {@code getsockname} and
 * {@code getpeername}. From {@code <bits/socket.h>}.
 * Size 128, alignment 8 on x86_64.
 */
public final class sockaddr_storage {
    private sockaddr_storage() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("ss_family"),
            MemoryLayout.sequenceLayout(118, JAVA_BYTE).withName("__ss_padding"),
            JAVA_LONG.withName("__ss_align")
        ).withName("sockaddr_storage");

    /** The layout of {@code struct sockaddr_storage}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct sockaddr_storage)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct sockaddr_storage} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct sockaddr_storage} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct sockaddr_storage} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 128L, 128L);
    }

    private static final OfShort ss_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("ss_family"));
    private static final long ss_family$OFFSET = 0;

    /** Layout of {@code ss_family}. */
    public static OfShort ss_family$layout() {
        return ss_family$LAYOUT;
    }

    /** Offset of {@code ss_family}. */
    public static long ss_family$offset() {
        return ss_family$OFFSET;
    }

    /** Getter for {@code sa_family_t ss_family} */
    public static short ss_family(MemorySegment struct) {
        return struct.get(ss_family$LAYOUT, ss_family$OFFSET);
    }

    /** Setter for {@code sa_family_t ss_family} */
    public static void ss_family(MemorySegment struct, short fieldValue) {
        struct.set(ss_family$LAYOUT, ss_family$OFFSET, fieldValue);
    }
}
