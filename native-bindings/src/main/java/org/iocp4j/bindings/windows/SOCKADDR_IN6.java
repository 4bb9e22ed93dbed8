package org.iocp4j.bindings.windows;

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
 * typedef struct sockaddr_in6 {
 *     ADDRESS_FAMILY sin6_family;
 *     USHORT sin6_port;
 *     ULONG sin6_flowinfo;
 *     IN6_ADDR sin6_addr;
 *     union {
 *         ULONG sin6_scope_id;
 *         SCOPE_ID sin6_scope_struct;
 *     };
 * } SOCKADDR_IN6;
 * }
 * {@code sin6_port}, {@code sin6_flowinfo} and {@code sin6_addr} are in network byte order.
 * {@code sin6_scope_struct} (a {@code SCOPE_ID} of bit-fields, which a memory layout cannot express)
 * shares its four bytes with {@code sin6_scope_id} and is left out of the union's layout.
 */
public final class SOCKADDR_IN6 {
    private SOCKADDR_IN6() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withName("sin6_port"),
            JAVA_INT.withName("sin6_flowinfo"),
            IN6_ADDR.layout().withName("sin6_addr"),
            MemoryLayout.unionLayout(
                    JAVA_INT.withName("sin6_scope_id")).withName("$anon$0")).withName("sockaddr_in6");

    /** The layout of {@code SOCKADDR_IN6}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(SOCKADDR_IN6)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code SOCKADDR_IN6} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code SOCKADDR_IN6} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code SOCKADDR_IN6}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfShort sin6_family$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin6_family"));
    private static final long sin6_family$OFFSET = $LAYOUT.byteOffset(groupElement("sin6_family"));

    /** Layout of {@code sin6_family}. */
    public static OfShort sin6_family$layout() {
        return sin6_family$LAYOUT;
    }

    /** Offset of {@code sin6_family} in bytes. */
    public static long sin6_family$offset() {
        return sin6_family$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ADDRESS_FAMILY sin6_family
     * }
     */
    public static short sin6_family(MemorySegment struct) {
        return struct.get(sin6_family$LAYOUT, sin6_family$OFFSET);
    }

    /** Sets {@code sin6_family}. */
    public static void sin6_family(MemorySegment struct, short fieldValue) {
        struct.set(sin6_family$LAYOUT, sin6_family$OFFSET, fieldValue);
    }

    private static final OfShort sin6_port$LAYOUT = (OfShort) $LAYOUT.select(groupElement("sin6_port"));
    private static final long sin6_port$OFFSET = $LAYOUT.byteOffset(groupElement("sin6_port"));

    /** Layout of {@code sin6_port}. */
    public static OfShort sin6_port$layout() {
        return sin6_port$LAYOUT;
    }

    /** Offset of {@code sin6_port} in bytes. */
    public static long sin6_port$offset() {
        return sin6_port$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * USHORT sin6_port
     * }
     */
    public static short sin6_port(MemorySegment struct) {
        return struct.get(sin6_port$LAYOUT, sin6_port$OFFSET);
    }

    /** Sets {@code sin6_port}. */
    public static void sin6_port(MemorySegment struct, short fieldValue) {
        struct.set(sin6_port$LAYOUT, sin6_port$OFFSET, fieldValue);
    }

    private static final OfInt sin6_flowinfo$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sin6_flowinfo"));
    private static final long sin6_flowinfo$OFFSET = $LAYOUT.byteOffset(groupElement("sin6_flowinfo"));

    /** Layout of {@code sin6_flowinfo}. */
    public static OfInt sin6_flowinfo$layout() {
        return sin6_flowinfo$LAYOUT;
    }

    /** Offset of {@code sin6_flowinfo} in bytes. */
    public static long sin6_flowinfo$offset() {
        return sin6_flowinfo$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG sin6_flowinfo
     * }
     */
    public static int sin6_flowinfo(MemorySegment struct) {
        return struct.get(sin6_flowinfo$LAYOUT, sin6_flowinfo$OFFSET);
    }

    /** Sets {@code sin6_flowinfo}. */
    public static void sin6_flowinfo(MemorySegment struct, int fieldValue) {
        struct.set(sin6_flowinfo$LAYOUT, sin6_flowinfo$OFFSET, fieldValue);
    }

    private static final MemoryLayout sin6_addr$LAYOUT = $LAYOUT.select(groupElement("sin6_addr"));
    private static final long sin6_addr$OFFSET = $LAYOUT.byteOffset(groupElement("sin6_addr"));

    /** Layout of {@code sin6_addr}. */
    public static MemoryLayout sin6_addr$layout() {
        return sin6_addr$LAYOUT;
    }

    /** Offset of {@code sin6_addr} in bytes. */
    public static long sin6_addr$offset() {
        return sin6_addr$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * IN6_ADDR sin6_addr
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment sin6_addr(MemorySegment struct) {
        return struct.asSlice(sin6_addr$OFFSET, sin6_addr$LAYOUT.byteSize());
    }

    private static final OfInt sin6_scope_id$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$0"), groupElement("sin6_scope_id"));
    private static final long sin6_scope_id$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("sin6_scope_id"));

    /** Layout of {@code sin6_scope_id}. */
    public static OfInt sin6_scope_id$layout() {
        return sin6_scope_id$LAYOUT;
    }

    /** Offset of {@code sin6_scope_id} in bytes. */
    public static long sin6_scope_id$offset() {
        return sin6_scope_id$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG sin6_scope_id
     * }
     */
    public static int sin6_scope_id(MemorySegment struct) {
        return struct.get(sin6_scope_id$LAYOUT, sin6_scope_id$OFFSET);
    }

    /** Sets {@code sin6_scope_id}. */
    public static void sin6_scope_id(MemorySegment struct, int fieldValue) {
        struct.set(sin6_scope_id$LAYOUT, sin6_scope_id$OFFSET, fieldValue);
    }
}
