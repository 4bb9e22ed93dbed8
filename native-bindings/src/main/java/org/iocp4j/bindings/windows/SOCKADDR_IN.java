package org.iocp4j.bindings.windows;

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
 * typedef struct sockaddr_in {
 *     ADDRESS_FAMILY sin_family;
 *     USHORT sin_port;
 *     IN_ADDR sin_addr;
 *     CHAR sin_zero[8];
 * } SOCKADDR_IN;
 * }
 * {@code sin_port} and {@code sin_addr} are in network byte order; {@link Sockaddrs} converts.
 */
public final class SOCKADDR_IN {
    private SOCKADDR_IN() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"),
            IN_ADDR.layout().withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero")).withName("sockaddr_in");

    /** The layout of {@code SOCKADDR_IN}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(SOCKADDR_IN)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code SOCKADDR_IN} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code SOCKADDR_IN} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code SOCKADDR_IN}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfShort sin_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin_family"));
    private static final long sin_family$OFFSET = $LAYOUT.byteOffset(groupElement("sin_family"));

    /** Layout of {@code sin_family}. */
    public static OfShort sin_family$layout() {
        return sin_family$LAYOUT;
    }

    /** Offset of {@code sin_family} in bytes. */
    public static long sin_family$offset() {
        return sin_family$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ADDRESS_FAMILY sin_family
     * }
     */
    public static short sin_family(MemorySegment struct) {
        return struct.get(sin_family$LAYOUT, sin_family$OFFSET);
    }

    /** Sets {@code sin_family}. */
    public static void sin_family(MemorySegment struct, short fieldValue) {
        struct.set(sin_family$LAYOUT, sin_family$OFFSET, fieldValue);
    }

    private static final OfShort sin_port$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin_port"));
    private static final long sin_port$OFFSET = $LAYOUT.byteOffset(groupElement("sin_port"));

    /** Layout of {@code sin_port}. */
    public static OfShort sin_port$layout() {
        return sin_port$LAYOUT;
    }

    /** Offset of {@code sin_port} in bytes. */
    public static long sin_port$offset() {
        return sin_port$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * USHORT sin_port
     * }
     */
    public static short sin_port(MemorySegment struct) {
        return struct.get(sin_port$LAYOUT, sin_port$OFFSET);
    }

    /** Sets {@code sin_port}. */
    public static void sin_port(MemorySegment struct, short fieldValue) {
        struct.set(sin_port$LAYOUT, sin_port$OFFSET, fieldValue);
    }

    private static final MemoryLayout sin_addr$LAYOUT = $LAYOUT.select(groupElement("sin_addr"));
    private static final long sin_addr$OFFSET = $LAYOUT.byteOffset(groupElement("sin_addr"));

    /** Layout of {@code sin_addr}. */
    public static MemoryLayout sin_addr$layout() {
        return sin_addr$LAYOUT;
    }

    /** Offset of {@code sin_addr} in bytes. */
    public static long sin_addr$offset() {
        return sin_addr$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * IN_ADDR sin_addr
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment sin_addr(MemorySegment struct) {
        return struct.asSlice(sin_addr$OFFSET, sin_addr$LAYOUT.byteSize());
    }

    private static final MemoryLayout sin_zero$LAYOUT = $LAYOUT.select(groupElement("sin_zero"));
    private static final long sin_zero$OFFSET = $LAYOUT.byteOffset(groupElement("sin_zero"));

    /** Layout of {@code sin_zero}. */
    public static MemoryLayout sin_zero$layout() {
        return sin_zero$LAYOUT;
    }

    /** Offset of {@code sin_zero} in bytes. */
    public static long sin_zero$offset() {
        return sin_zero$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * CHAR sin_zero[8]
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment sin_zero(MemorySegment struct) {
        return struct.asSlice(sin_zero$OFFSET, sin_zero$LAYOUT.byteSize());
    }
}
