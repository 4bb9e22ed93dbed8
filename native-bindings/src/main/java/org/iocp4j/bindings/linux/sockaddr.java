package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * struct sockaddr {
 *     sa_family_t sa_family;
 *     char        sa_data[14];
 * };
 * }
 * <p>The generic socket address the socket calls take a pointer to. From {@code <sys/socket.h>}.
 * Size 16, alignment 2 on x86_64.
 */
public final class sockaddr {
    private sockaddr() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sa_family"),
            MemoryLayout.sequenceLayout(14, JAVA_BYTE).withName("sa_data")
        ).withName("sockaddr");

    /** The layout of {@code struct sockaddr}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct sockaddr)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct sockaddr} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct sockaddr} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct sockaddr} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfShort sa_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sa_family"));
    private static final long sa_family$OFFSET = 0;

    /** Layout of {@code sa_family}. */
    public static OfShort sa_family$layout() {
        return sa_family$LAYOUT;
    }

    /** Offset of {@code sa_family}. */
    public static long sa_family$offset() {
        return sa_family$OFFSET;
    }

    /** Getter for {@code sa_family_t sa_family} */
    public static short sa_family(MemorySegment struct) {
        return struct.get(sa_family$LAYOUT, sa_family$OFFSET);
    }

    /** Setter for {@code sa_family_t sa_family} */
    public static void sa_family(MemorySegment struct, short fieldValue) {
        struct.set(sa_family$LAYOUT, sa_family$OFFSET, fieldValue);
    }

    private static final MemoryLayout sa_data$LAYOUT = $LAYOUT.select(groupElement("sa_data"));
    private static final long sa_data$OFFSET = 2;

    /** Layout of {@code sa_data}. */
    public static MemoryLayout sa_data$layout() {
        return sa_data$LAYOUT;
    }

    /** Offset of {@code sa_data}. */
    public static long sa_data$offset() {
        return sa_data$OFFSET;
    }

    /** The {@code char sa_data[14]} member, as a slice of {@code struct}. */
    public static MemorySegment sa_data(MemorySegment struct) {
        return struct.asSlice(sa_data$OFFSET, sa_data$LAYOUT.byteSize());
    }
}
