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
 * typedef struct _TRANSMIT_FILE_BUFFERS {
 *     LPVOID Head;
 *     DWORD HeadLength;
 *     LPVOID Tail;
 *     DWORD TailLength;
 * } TRANSMIT_FILE_BUFFERS;
 * }
 */
public final class TRANSMIT_FILE_BUFFERS {
    private TRANSMIT_FILE_BUFFERS() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("Head"),
            JAVA_INT.withName("HeadLength"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("Tail"),
            JAVA_INT.withName("TailLength"),
            MemoryLayout.paddingLayout(4)).withName("_TRANSMIT_FILE_BUFFERS");

    /** The layout of {@code TRANSMIT_FILE_BUFFERS}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(TRANSMIT_FILE_BUFFERS)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code TRANSMIT_FILE_BUFFERS} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code TRANSMIT_FILE_BUFFERS} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code TRANSMIT_FILE_BUFFERS}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final AddressLayout Head$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("Head"));
    private static final long Head$OFFSET = $LAYOUT.byteOffset(groupElement("Head"));

    /** Layout of {@code Head}. */
    public static AddressLayout Head$layout() {
        return Head$LAYOUT;
    }

    /** Offset of {@code Head} in bytes. */
    public static long Head$offset() {
        return Head$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPVOID Head
     * }
     */
    public static MemorySegment Head(MemorySegment struct) {
        return struct.get(Head$LAYOUT, Head$OFFSET);
    }

    /** Sets {@code Head}. */
    public static void Head(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Head$LAYOUT, Head$OFFSET, fieldValue);
    }

    private static final OfInt HeadLength$LAYOUT = (OfInt) $LAYOUT.select(groupElement("HeadLength"));
    private static final long HeadLength$OFFSET = $LAYOUT.byteOffset(groupElement("HeadLength"));

    /** Layout of {@code HeadLength}. */
    public static OfInt HeadLength$layout() {
        return HeadLength$LAYOUT;
    }

    /** Offset of {@code HeadLength} in bytes. */
    public static long HeadLength$offset() {
        return HeadLength$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD HeadLength
     * }
     */
    public static int HeadLength(MemorySegment struct) {
        return struct.get(HeadLength$LAYOUT, HeadLength$OFFSET);
    }

    /** Sets {@code HeadLength}. */
    public static void HeadLength(MemorySegment struct, int fieldValue) {
        struct.set(HeadLength$LAYOUT, HeadLength$OFFSET, fieldValue);
    }

    private static final AddressLayout Tail$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("Tail"));
    private static final long Tail$OFFSET = $LAYOUT.byteOffset(groupElement("Tail"));

    /** Layout of {@code Tail}. */
    public static AddressLayout Tail$layout() {
        return Tail$LAYOUT;
    }

    /** Offset of {@code Tail} in bytes. */
    public static long Tail$offset() {
        return Tail$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPVOID Tail
     * }
     */
    public static MemorySegment Tail(MemorySegment struct) {
        return struct.get(Tail$LAYOUT, Tail$OFFSET);
    }

    /** Sets {@code Tail}. */
    public static void Tail(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Tail$LAYOUT, Tail$OFFSET, fieldValue);
    }

    private static final OfInt TailLength$LAYOUT = (OfInt) $LAYOUT.select(groupElement("TailLength"));
    private static final long TailLength$OFFSET = $LAYOUT.byteOffset(groupElement("TailLength"));

    /** Layout of {@code TailLength}. */
    public static OfInt TailLength$layout() {
        return TailLength$LAYOUT;
    }

    /** Offset of {@code TailLength} in bytes. */
    public static long TailLength$offset() {
        return TailLength$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD TailLength
     * }
     */
    public static int TailLength(MemorySegment struct) {
        return struct.get(TailLength$LAYOUT, TailLength$OFFSET);
    }

    /** Sets {@code TailLength}. */
    public static void TailLength(MemorySegment struct, int fieldValue) {
        struct.set(TailLength$LAYOUT, TailLength$OFFSET, fieldValue);
    }
}
