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
 * struct sockaddr_in {
 *     sa_family_t    sin_family;  // AF_INET
 *     in_port_t      sin_port;    // network byte order
 *     struct in_addr sin_addr;
 *     unsigned char  sin_zero[8];
 * };
 * }
 * <p>An IPv4 socket address. {@code sin_port} and {@code sin_addr} are in network byte order.
 * From {@code <netinet/in.h>}.
 * Size 16, alignment 4 on x86_64.
 */
public final class sockaddr_in {
    private sockaddr_in() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"),
            in_addr.layout().withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero")
        ).withName("sockaddr_in");

    /** The layout of {@code struct sockaddr_in}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct sockaddr_in)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct sockaddr_in} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct sockaddr_in} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct sockaddr_in} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 16L, 16L);
    }

    private static final OfShort sin_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin_family"));
    private static final long sin_family$OFFSET = 0;

    /** Layout of {@code sin_family}. */
    public static OfShort sin_family$layout() {
        return sin_family$LAYOUT;
    }

    /** Offset of {@code sin_family}. */
    public static long sin_family$offset() {
        return sin_family$OFFSET;
    }

    /** Getter for {@code sa_family_t sin_family} */
    public static short sin_family(MemorySegment struct) {
        return struct.get(sin_family$LAYOUT, sin_family$OFFSET);
    }

    /** Setter for {@code sa_family_t sin_family} */
    public static void sin_family(MemorySegment struct, short fieldValue) {
        struct.set(sin_family$LAYOUT, sin_family$OFFSET, fieldValue);
    }

    private static final OfShort sin_port$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin_port"));
    private static final long sin_port$OFFSET = 2;

    /** Layout of {@code sin_port}. */
    public static OfShort sin_port$layout() {
        return sin_port$LAYOUT;
    }

    /** Offset of {@code sin_port}. */
    public static long sin_port$offset() {
        return sin_port$OFFSET;
    }

    /** Getter for {@code in_port_t sin_port} */
    public static short sin_port(MemorySegment struct) {
        return struct.get(sin_port$LAYOUT, sin_port$OFFSET);
    }

    /** Setter for {@code in_port_t sin_port} */
    public static void sin_port(MemorySegment struct, short fieldValue) {
        struct.set(sin_port$LAYOUT, sin_port$OFFSET, fieldValue);
    }

    private static final MemoryLayout sin_addr$LAYOUT = $LAYOUT.select(groupElement("sin_addr"));
    private static final long sin_addr$OFFSET = 4;

    /** Layout of {@code sin_addr}. */
    public static MemoryLayout sin_addr$layout() {
        return sin_addr$LAYOUT;
    }

    /** Offset of {@code sin_addr}. */
    public static long sin_addr$offset() {
        return sin_addr$OFFSET;
    }

    /** The {@code struct in_addr sin_addr} member, as a slice of {@code struct}. */
    public static MemorySegment sin_addr(MemorySegment struct) {
        return struct.asSlice(sin_addr$OFFSET, sin_addr$LAYOUT.byteSize());
    }
}
