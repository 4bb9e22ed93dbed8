package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * typedef struct _RIORESULT {
 *     LONG Status;
 *     ULONG BytesTransferred;
 *     ULONGLONG SocketContext;
 *     ULONGLONG RequestContext;
 * } RIORESULT, *PRIORESULT;
 * }
 * From {@code mswsockdef.h}, which mingw-w64 10 lacks; see
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsockdef/ns-mswsockdef-rioresult">RIORESULT</a>.
 */
public final class RIORESULT {
    private RIORESULT() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("Status"),
            JAVA_INT.withName("BytesTransferred"),
            JAVA_LONG.withName("SocketContext"),
            JAVA_LONG.withName("RequestContext")).withName("_RIORESULT");

    /** The layout of {@code RIORESULT}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(RIORESULT)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code RIORESULT} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code RIORESULT} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code RIORESULT}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt Status$LAYOUT = (OfInt) $LAYOUT.select(groupElement("Status"));
    private static final long Status$OFFSET = $LAYOUT.byteOffset(groupElement("Status"));

    /** Layout of {@code Status}. */
    public static OfInt Status$layout() {
        return Status$LAYOUT;
    }

    /** Offset of {@code Status} in bytes. */
    public static long Status$offset() {
        return Status$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LONG Status
     * }
     */
    public static int Status(MemorySegment struct) {
        return struct.get(Status$LAYOUT, Status$OFFSET);
    }

    /** Sets {@code Status}. */
    public static void Status(MemorySegment struct, int fieldValue) {
        struct.set(Status$LAYOUT, Status$OFFSET, fieldValue);
    }

    private static final OfInt BytesTransferred$LAYOUT = (OfInt) $LAYOUT.select(groupElement("BytesTransferred"));
    private static final long BytesTransferred$OFFSET = $LAYOUT.byteOffset(groupElement("BytesTransferred"));

    /** Layout of {@code BytesTransferred}. */
    public static OfInt BytesTransferred$layout() {
        return BytesTransferred$LAYOUT;
    }

    /** Offset of {@code BytesTransferred} in bytes. */
    public static long BytesTransferred$offset() {
        return BytesTransferred$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONG BytesTransferred
     * }
     */
    public static int BytesTransferred(MemorySegment struct) {
        return struct.get(BytesTransferred$LAYOUT, BytesTransferred$OFFSET);
    }

    /** Sets {@code BytesTransferred}. */
    public static void BytesTransferred(MemorySegment struct, int fieldValue) {
        struct.set(BytesTransferred$LAYOUT, BytesTransferred$OFFSET, fieldValue);
    }

    private static final OfLong SocketContext$LAYOUT = (OfLong) $LAYOUT.select(groupElement("SocketContext"));
    private static final long SocketContext$OFFSET = $LAYOUT.byteOffset(groupElement("SocketContext"));

    /** Layout of {@code SocketContext}. */
    public static OfLong SocketContext$layout() {
        return SocketContext$LAYOUT;
    }

    /** Offset of {@code SocketContext} in bytes. */
    public static long SocketContext$offset() {
        return SocketContext$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONGLONG SocketContext
     * }
     */
    public static long SocketContext(MemorySegment struct) {
        return struct.get(SocketContext$LAYOUT, SocketContext$OFFSET);
    }

    /** Sets {@code SocketContext}. */
    public static void SocketContext(MemorySegment struct, long fieldValue) {
        struct.set(SocketContext$LAYOUT, SocketContext$OFFSET, fieldValue);
    }

    private static final OfLong RequestContext$LAYOUT = (OfLong) $LAYOUT.select(groupElement("RequestContext"));
    private static final long RequestContext$OFFSET = $LAYOUT.byteOffset(groupElement("RequestContext"));

    /** Layout of {@code RequestContext}. */
    public static OfLong RequestContext$layout() {
        return RequestContext$LAYOUT;
    }

    /** Offset of {@code RequestContext} in bytes. */
    public static long RequestContext$offset() {
        return RequestContext$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * ULONGLONG RequestContext
     * }
     */
    public static long RequestContext(MemorySegment struct) {
        return struct.get(RequestContext$LAYOUT, RequestContext$OFFSET);
    }

    /** Sets {@code RequestContext}. */
    public static void RequestContext(MemorySegment struct, long fieldValue) {
        struct.set(RequestContext$LAYOUT, RequestContext$OFFSET, fieldValue);
    }
}
