package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * {@snippet lang=c :
 * typedef struct _RIO_BUF {
 *     RIO_BUFFERID BufferId;
 *     ULONG Offset;
 *     ULONG Length;
 * } RIO_BUF, *PRIO_BUF;
 * }
 * From {@code mswsockdef.h}, which mingw-w64 10 lacks; see
 * <a href="https://learn.microsoft.com/en-us/windows/win32/winsock/riobuf">RIO_BUF</a>.
 */
public final class RIO_BUF {
    private RIO_BUF() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("BufferId"),
            JAVA_INT.withName("Offset"),
            JAVA_INT.withName("Length")).withName("_RIO_BUF");

    /** The layout of {@code RIO_BUF}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(RIO_BUF)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code RIO_BUF} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code RIO_BUF} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code RIO_BUF}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final AddressLayout BufferId$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("BufferId"));
    private static final long BufferId$OFFSET = $LAYOUT.byteOffset(groupElement("BufferId"));

    /** Layout of {@code BufferId}. */
    public static AddressLayout BufferId$layout() {
        return BufferId$LAYOUT;
    }

    /** Offset of {@code BufferId} in bytes. */
    public static long BufferId$offset() {
        return BufferId$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * RIO_BUFFERID BufferId
     * }
     */
    public static MemorySegment BufferId(MemorySegment struct) {
        return struct.get(BufferId$LAYOUT, BufferId$OFFSET);
    }

    /** Sets {@code BufferId}. */
    public static void BufferId(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(BufferId$LAYOUT, BufferId$OFFSET, fieldValue);
    }

    private static final OfInt Offset$LAYOUT = (OfInt) $LAYOUT.select(groupElement("Offset"));
    private static final long Offset$OFFSET = $LAYOUT.byteOffset(groupElement("Offset"));

    /** Layout of {@code Offset}. */
    public static OfInt Offset$layout() {
        return Offset$LAYOUT;
    }

    /** Offset of {@code Offset} in bytes. */
    public static long Offset$offset() {
        return Offset$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG Offset
     * }
     */
    public static int Offset(MemorySegment struct) {
        return struct.get(Offset$LAYOUT, Offset$OFFSET);
    }

    /** Sets {@code Offset}. */
    public static void Offset(MemorySegment struct, int fieldValue) {
        struct.set(Offset$LAYOUT, Offset$OFFSET, fieldValue);
    }

    private static final OfInt Length$LAYOUT = (OfInt) $LAYOUT.select(groupElement("Length"));
    private static final long Length$OFFSET = $LAYOUT.byteOffset(groupElement("Length"));

    /** Layout of {@code Length}. */
    public static OfInt Length$layout() {
        return Length$LAYOUT;
    }

    /** Offset of {@code Length} in bytes. */
    public static long Length$offset() {
        return Length$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG Length
     * }
     */
    public static int Length(MemorySegment struct) {
        return struct.get(Length$LAYOUT, Length$OFFSET);
    }

    /** Sets {@code Length}. */
    public static void Length(MemorySegment struct, int fieldValue) {
        struct.set(Length$LAYOUT, Length$OFFSET, fieldValue);
    }
}
