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
 * typedef struct _OVERLAPPED_ENTRY {
 *     ULONG_PTR lpCompletionKey;
 *     LPOVERLAPPED lpOverlapped;
 *     ULONG_PTR Internal;
 *     DWORD dwNumberOfBytesTransferred;
 * } OVERLAPPED_ENTRY, *LPOVERLAPPED_ENTRY;
 * }
 * One completion packet as {@link Kernel32#GetQueuedCompletionStatusEx} returns it, in an array the
 * caller provides ({@link #allocateArray}). The trailing 4 bytes are padding to the 8-byte alignment.
 */
public final class OVERLAPPED_ENTRY {
    private OVERLAPPED_ENTRY() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("lpCompletionKey"),
            ADDRESS.withName("lpOverlapped"),
            JAVA_LONG.withName("Internal"),
            JAVA_INT.withName("dwNumberOfBytesTransferred"),
            MemoryLayout.paddingLayout(4)).withName("_OVERLAPPED_ENTRY");

    /** The layout of {@code OVERLAPPED_ENTRY}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(OVERLAPPED_ENTRY)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code OVERLAPPED_ENTRY} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code elementCount} {@code OVERLAPPED_ENTRY} structures from {@code allocator}. */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, $LAYOUT));
    }

    /**
     * Element {@code index} of an array of {@code OVERLAPPED_ENTRY}, exactly {@link #sizeof()} bytes long (unlike
     * jextract's, which runs to the end of the array), so that an accessor cannot stray into the next one.
     */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice($LAYOUT.byteSize() * index, $LAYOUT);
    }

    private static final OfLong lpCompletionKey$LAYOUT = (OfLong) $LAYOUT.select(groupElement("lpCompletionKey"));
    private static final long lpCompletionKey$OFFSET = 0;

    /** Layout of {@code lpCompletionKey}. */
    public static OfLong lpCompletionKey$layout() {
        return lpCompletionKey$LAYOUT;
    }

    /** Offset of {@code lpCompletionKey} in bytes. */
    public static long lpCompletionKey$offset() {
        return lpCompletionKey$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG_PTR lpCompletionKey
     * }
     *
     * <p>The completion key the handle was associated with (or the one a post carried).
     */
    public static long lpCompletionKey(MemorySegment struct) {
        return struct.get(lpCompletionKey$LAYOUT, lpCompletionKey$OFFSET);
    }

    /** Sets {@code lpCompletionKey}; see {@link #lpCompletionKey(MemorySegment)}. */
    public static void lpCompletionKey(MemorySegment struct, long fieldValue) {
        struct.set(lpCompletionKey$LAYOUT, lpCompletionKey$OFFSET, fieldValue);
    }

    private static final AddressLayout lpOverlapped$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("lpOverlapped"));
    private static final long lpOverlapped$OFFSET = 8;

    /** Layout of {@code lpOverlapped}. */
    public static AddressLayout lpOverlapped$layout() {
        return lpOverlapped$LAYOUT;
    }

    /** Offset of {@code lpOverlapped} in bytes. */
    public static long lpOverlapped$offset() {
        return lpOverlapped$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPOVERLAPPED lpOverlapped
     * }
     *
     * <p>The {@link OVERLAPPED} the request was issued with (or the pointer a post carried), as a zero-length
     * segment: reinterpret it to {@link OVERLAPPED#sizeof()} to read it.
     */
    public static MemorySegment lpOverlapped(MemorySegment struct) {
        return struct.get(lpOverlapped$LAYOUT, lpOverlapped$OFFSET);
    }

    /** Sets {@code lpOverlapped}; see {@link #lpOverlapped(MemorySegment)}. */
    public static void lpOverlapped(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(lpOverlapped$LAYOUT, lpOverlapped$OFFSET, fieldValue);
    }

    private static final OfLong Internal$LAYOUT = (OfLong) $LAYOUT.select(groupElement("Internal"));
    private static final long Internal$OFFSET = 16;

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
     * <p>Reserved; in practice the request's NTSTATUS, which is why a failed request does not fail the call
     * that dequeued it.
     */
    public static long Internal(MemorySegment struct) {
        return struct.get(Internal$LAYOUT, Internal$OFFSET);
    }

    /** Sets {@code Internal}; see {@link #Internal(MemorySegment)}. */
    public static void Internal(MemorySegment struct, long fieldValue) {
        struct.set(Internal$LAYOUT, Internal$OFFSET, fieldValue);
    }

    private static final OfInt dwNumberOfBytesTransferred$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("dwNumberOfBytesTransferred"));
    private static final long dwNumberOfBytesTransferred$OFFSET = 24;

    /** Layout of {@code dwNumberOfBytesTransferred}. */
    public static OfInt dwNumberOfBytesTransferred$layout() {
        return dwNumberOfBytesTransferred$LAYOUT;
    }

    /** Offset of {@code dwNumberOfBytesTransferred} in bytes. */
    public static long dwNumberOfBytesTransferred$offset() {
        return dwNumberOfBytesTransferred$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwNumberOfBytesTransferred
     * }
     *
     * <p>The number of bytes the request transferred.
     */
    public static int dwNumberOfBytesTransferred(MemorySegment struct) {
        return struct.get(dwNumberOfBytesTransferred$LAYOUT, dwNumberOfBytesTransferred$OFFSET);
    }

    /** Sets {@code dwNumberOfBytesTransferred}; see {@link #dwNumberOfBytesTransferred(MemorySegment)}. */
    public static void dwNumberOfBytesTransferred(MemorySegment struct, int fieldValue) {
        struct.set(dwNumberOfBytesTransferred$LAYOUT, dwNumberOfBytesTransferred$OFFSET, fieldValue);
    }
}
