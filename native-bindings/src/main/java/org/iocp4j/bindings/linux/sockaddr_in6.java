package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * struct sockaddr_in6 {
 *     sa_family_t     sin6_family;    // AF_INET6
 *     in_port_t       sin6_port;      // network byte order
 *     uint32_t        sin6_flowinfo;
 *     struct in6_addr sin6_addr;
 *     uint32_t        sin6_scope_id;
 * };
 * }
 * <p>An IPv6 socket address. From {@code <netinet/in.h>}.
 * Size 28, alignment 4 on x86_64.
 */
public final class sockaddr_in6 {
    private sockaddr_in6() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withName("sin6_port"),
            JAVA_INT.withName("sin6_flowinfo"),
            in6_addr.layout().withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id")
        ).withName("sockaddr_in6");

    /** The layout of {@code struct sockaddr_in6}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct sockaddr_in6)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct sockaddr_in6} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct sockaddr_in6} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct sockaddr_in6} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 28L, 28L);
    }

    private static final OfShort sin6_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin6_family"));
    private static final long sin6_family$OFFSET = 0;

    /** Layout of {@code sin6_family}. */
    public static OfShort sin6_family$layout() {
        return sin6_family$LAYOUT;
    }

    /** Offset of {@code sin6_family}. */
    public static long sin6_family$offset() {
        return sin6_family$OFFSET;
    }

    /** Getter for {@code sa_family_t sin6_family} */
    public static short sin6_family(MemorySegment struct) {
        return struct.get(sin6_family$LAYOUT, sin6_family$OFFSET);
    }

    /** Setter for {@code sa_family_t sin6_family} */
    public static void sin6_family(MemorySegment struct, short fieldValue) {
        struct.set(sin6_family$LAYOUT, sin6_family$OFFSET, fieldValue);
    }

    private static final OfShort sin6_port$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin6_port"));
    private static final long sin6_port$OFFSET = 2;

    /** Layout of {@code sin6_port}. */
    public static OfShort sin6_port$layout() {
        return sin6_port$LAYOUT;
    }

    /** Offset of {@code sin6_port}. */
    public static long sin6_port$offset() {
        return sin6_port$OFFSET;
    }

    /** Getter for {@code in_port_t sin6_port} */
    public static short sin6_port(MemorySegment struct) {
        return struct.get(sin6_port$LAYOUT, sin6_port$OFFSET);
    }

    /** Setter for {@code in_port_t sin6_port} */
    public static void sin6_port(MemorySegment struct, short fieldValue) {
        struct.set(sin6_port$LAYOUT, sin6_port$OFFSET, fieldValue);
    }

    private static final OfInt sin6_flowinfo$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sin6_flowinfo"));
    private static final long sin6_flowinfo$OFFSET = 4;

    /** Layout of {@code sin6_flowinfo}. */
    public static OfInt sin6_flowinfo$layout() {
        return sin6_flowinfo$LAYOUT;
    }

    /** Offset of {@code sin6_flowinfo}. */
    public static long sin6_flowinfo$offset() {
        return sin6_flowinfo$OFFSET;
    }

    /** Getter for {@code uint32_t sin6_flowinfo} */
    public static int sin6_flowinfo(MemorySegment struct) {
        return struct.get(sin6_flowinfo$LAYOUT, sin6_flowinfo$OFFSET);
    }

    /** Setter for {@code uint32_t sin6_flowinfo} */
    public static void sin6_flowinfo(MemorySegment struct, int fieldValue) {
        struct.set(sin6_flowinfo$LAYOUT, sin6_flowinfo$OFFSET, fieldValue);
    }

    private static final MemoryLayout sin6_addr$LAYOUT = $LAYOUT.select(groupElement("sin6_addr"));
    private static final long sin6_addr$OFFSET = 8;

    /** Layout of {@code sin6_addr}. */
    public static MemoryLayout sin6_addr$layout() {
        return sin6_addr$LAYOUT;
    }

    /** Offset of {@code sin6_addr}. */
    public static long sin6_addr$offset() {
        return sin6_addr$OFFSET;
    }

    /** The {@code struct in6_addr sin6_addr} member, as a slice of {@code struct}. */
    public static MemorySegment sin6_addr(MemorySegment struct) {
        return struct.asSlice(sin6_addr$OFFSET, sin6_addr$LAYOUT.byteSize());
    }

    private static final OfInt sin6_scope_id$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sin6_scope_id"));
    private static final long sin6_scope_id$OFFSET = 24;

    /** Layout of {@code sin6_scope_id}. */
    public static OfInt sin6_scope_id$layout() {
        return sin6_scope_id$LAYOUT;
    }

    /** Offset of {@code sin6_scope_id}. */
    public static long sin6_scope_id$offset() {
        return sin6_scope_id$OFFSET;
    }

    /** Getter for {@code uint32_t sin6_scope_id} */
    public static int sin6_scope_id(MemorySegment struct) {
        return struct.get(sin6_scope_id$LAYOUT, sin6_scope_id$OFFSET);
    }

    /** Setter for {@code uint32_t sin6_scope_id} */
    public static void sin6_scope_id(MemorySegment struct, int fieldValue) {
        struct.set(sin6_scope_id$LAYOUT, sin6_scope_id$OFFSET, fieldValue);
    }
}
