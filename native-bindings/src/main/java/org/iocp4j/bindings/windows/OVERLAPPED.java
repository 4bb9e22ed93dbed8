package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * typedef struct _OVERLAPPED {
 *     ULONG_PTR Internal;
 *     ULONG_PTR InternalHigh;
 *     union {
 *         struct {
 *             DWORD Offset;
 *             DWORD OffsetHigh;
 *         };
 *         PVOID Pointer;
 *     };
 *     HANDLE hEvent;
 * } OVERLAPPED, *LPOVERLAPPED;
 * }
 * The per-request block of overlapped I/O: the kernel writes the status and byte count into it when the
 * request completes, and the completion packet carries its address back. It must stay at the same address
 * until the request has completed, so it lives in memory the caller owns for that long. Anonymous unions
 * and structs are layouts named {@code $anon$N}; their members are addressed in C without the anonymous
 * level (C11 anonymous members), which is how the conformance test spells them.
 */
public final class OVERLAPPED {
    private OVERLAPPED() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("Internal"),
            JAVA_LONG.withName("InternalHigh"),
            MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(
                            JAVA_INT.withName("Offset"),
                            JAVA_INT.withName("OffsetHigh")).withName("$anon$1"),
                    ADDRESS.withName("Pointer")).withName("$anon$0"),
            ADDRESS.withName("hEvent")).withName("_OVERLAPPED");

    /** The layout of {@code OVERLAPPED}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(OVERLAPPED)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code OVERLAPPED} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code elementCount} {@code OVERLAPPED} structures from {@code allocator}. */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, $LAYOUT));
    }

    /**
     * Element {@code index} of an array of {@code OVERLAPPED}, exactly {@link #sizeof()} bytes long (unlike
     * jextract's, which runs to the end of the array), so that an accessor cannot stray into the next one.
     */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice($LAYOUT.byteSize() * index, $LAYOUT);
    }

    private static final OfLong Internal$LAYOUT = (OfLong) $LAYOUT.select(groupElement("Internal"));
    private static final long Internal$OFFSET = 0;

    /** Layout of {@code Internal}. */
    public static OfLong Internal$layout() {
        return Internal$LAYOUT;
    }

    /** Offset of {@code Internal} in bytes. */
    public static long Internal$offset() {
        return Internal$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG_PTR Internal
     * }
     *
     * <p>The request's NTSTATUS ({@code STATUS_PENDING} while it is in flight). Not a Win32 error code:
     * {@link Kernel32#GetOverlappedResult} or {@code WSAGetOverlappedResult} translate it.
     */
    public static long Internal(MemorySegment struct) {
        return struct.get(Internal$LAYOUT, Internal$OFFSET);
    }

    /** Sets {@code Internal}; see {@link #Internal(MemorySegment)}. */
    public static void Internal(MemorySegment struct, long fieldValue) {
        struct.set(Internal$LAYOUT, Internal$OFFSET, fieldValue);
    }

    private static final OfLong InternalHigh$LAYOUT = (OfLong) $LAYOUT.select(groupElement("InternalHigh"));
    private static final long InternalHigh$OFFSET = 8;

    /** Layout of {@code InternalHigh}. */
    public static OfLong InternalHigh$layout() {
        return InternalHigh$LAYOUT;
    }

    /** Offset of {@code InternalHigh} in bytes. */
    public static long InternalHigh$offset() {
        return InternalHigh$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG_PTR InternalHigh
     * }
     *
     * <p>The number of bytes transferred, once the request has completed.
     */
    public static long InternalHigh(MemorySegment struct) {
        return struct.get(InternalHigh$LAYOUT, InternalHigh$OFFSET);
    }

    /** Sets {@code InternalHigh}; see {@link #InternalHigh(MemorySegment)}. */
    public static void InternalHigh(MemorySegment struct, long fieldValue) {
        struct.set(InternalHigh$LAYOUT, InternalHigh$OFFSET, fieldValue);
    }

    private static final OfInt Offset$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("$anon$0"), groupElement("$anon$1"), groupElement("Offset"));
    private static final long Offset$OFFSET = 16;

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
     * DWORD Offset
     * }
     *
     * <p>Low 32 bits of the file position a file read or write starts at.
     */
    public static int Offset(MemorySegment struct) {
        return struct.get(Offset$LAYOUT, Offset$OFFSET);
    }

    /** Sets {@code Offset}; see {@link #Offset(MemorySegment)}. */
    public static void Offset(MemorySegment struct, int fieldValue) {
        struct.set(Offset$LAYOUT, Offset$OFFSET, fieldValue);
    }

    private static final OfInt OffsetHigh$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("$anon$0"), groupElement("$anon$1"), groupElement("OffsetHigh"));
    private static final long OffsetHigh$OFFSET = 20;

    /** Layout of {@code OffsetHigh}. */
    public static OfInt OffsetHigh$layout() {
        return OffsetHigh$LAYOUT;
    }

    /** Offset of {@code OffsetHigh} in bytes. */
    public static long OffsetHigh$offset() {
        return OffsetHigh$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD OffsetHigh
     * }
     *
     * <p>High 32 bits of the file position.
     */
    public static int OffsetHigh(MemorySegment struct) {
        return struct.get(OffsetHigh$LAYOUT, OffsetHigh$OFFSET);
    }

    /** Sets {@code OffsetHigh}; see {@link #OffsetHigh(MemorySegment)}. */
    public static void OffsetHigh(MemorySegment struct, int fieldValue) {
        struct.set(OffsetHigh$LAYOUT, OffsetHigh$OFFSET, fieldValue);
    }

    private static final AddressLayout Pointer$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("$anon$0"), groupElement("Pointer"));
    private static final long Pointer$OFFSET = 16;

    /** Layout of {@code Pointer}. */
    public static AddressLayout Pointer$layout() {
        return Pointer$LAYOUT;
    }

    /** Offset of {@code Pointer} in bytes. */
    public static long Pointer$offset() {
        return Pointer$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * PVOID Pointer
     * }
     *
     * <p>Reserved by the system; shares its storage with {@code Offset}/{@code OffsetHigh}.
     */
    public static MemorySegment Pointer(MemorySegment struct) {
        return struct.get(Pointer$LAYOUT, Pointer$OFFSET);
    }

    /** Sets {@code Pointer}; see {@link #Pointer(MemorySegment)}. */
    public static void Pointer(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Pointer$LAYOUT, Pointer$OFFSET, fieldValue);
    }

    private static final AddressLayout hEvent$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("hEvent"));
    private static final long hEvent$OFFSET = 24;

    /** Layout of {@code hEvent}. */
    public static AddressLayout hEvent$layout() {
        return hEvent$LAYOUT;
    }

    /** Offset of {@code hEvent} in bytes. */
    public static long hEvent$offset() {
        return hEvent$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * HANDLE hEvent
     * }
     *
     * <p>Event signalled on completion, or NULL. A request issued with NULL is still reported through the
     * completion port the handle is associated with.
     */
    public static MemorySegment hEvent(MemorySegment struct) {
        return struct.get(hEvent$LAYOUT, hEvent$OFFSET);
    }

    /** Sets {@code hEvent}; see {@link #hEvent(MemorySegment)}. */
    public static void hEvent(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(hEvent$LAYOUT, hEvent$OFFSET, fieldValue);
    }
}
