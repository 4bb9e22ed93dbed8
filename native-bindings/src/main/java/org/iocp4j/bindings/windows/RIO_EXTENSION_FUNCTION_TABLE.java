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
 * typedef struct _RIO_EXTENSION_FUNCTION_TABLE {
 *     DWORD cbSize;
 *     LPFN_RIORECEIVE RIOReceive;
 *     LPFN_RIORECEIVEEX RIOReceiveEx;
 *     LPFN_RIOSEND RIOSend;
 *     LPFN_RIOSENDEX RIOSendEx;
 *     LPFN_RIOCLOSECOMPLETIONQUEUE RIOCloseCompletionQueue;
 *     LPFN_RIOCREATECOMPLETIONQUEUE RIOCreateCompletionQueue;
 *     LPFN_RIOCREATEREQUESTQUEUE RIOCreateRequestQueue;
 *     LPFN_RIODEQUEUECOMPLETION RIODequeueCompletion;
 *     LPFN_RIODEREGISTERBUFFER RIODeregisterBuffer;
 *     LPFN_RIONOTIFY RIONotify;
 *     LPFN_RIOREGISTERBUFFER RIORegisterBuffer;
 *     LPFN_RIORESIZECOMPLETIONQUEUE RIOResizeCompletionQueue;
 *     LPFN_RIORESIZEREQUESTQUEUE RIOResizeRequestQueue;
 * } RIO_EXTENSION_FUNCTION_TABLE, *PRIO_EXTENSION_FUNCTION_TABLE;
 * }
 * Filled by {@code WSAIoctl(SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER, WSAID_MULTIPLE_RIO)}; {@link Rio}
 * binds its entries. From {@code mswsock.h} of the Windows SDK (mingw-w64 10 lacks it); see
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/ns-mswsock-rio_extension_function_table">RIO_EXTENSION_FUNCTION_TABLE</a>.
 */
public final class RIO_EXTENSION_FUNCTION_TABLE {
    private RIO_EXTENSION_FUNCTION_TABLE() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("cbSize"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("RIOReceive"),
            ADDRESS.withName("RIOReceiveEx"),
            ADDRESS.withName("RIOSend"),
            ADDRESS.withName("RIOSendEx"),
            ADDRESS.withName("RIOCloseCompletionQueue"),
            ADDRESS.withName("RIOCreateCompletionQueue"),
            ADDRESS.withName("RIOCreateRequestQueue"),
            ADDRESS.withName("RIODequeueCompletion"),
            ADDRESS.withName("RIODeregisterBuffer"),
            ADDRESS.withName("RIONotify"),
            ADDRESS.withName("RIORegisterBuffer"),
            ADDRESS.withName("RIOResizeCompletionQueue"),
            ADDRESS.withName("RIOResizeRequestQueue")).withName("_RIO_EXTENSION_FUNCTION_TABLE");

    /** The layout of {@code RIO_EXTENSION_FUNCTION_TABLE}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(RIO_EXTENSION_FUNCTION_TABLE)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code RIO_EXTENSION_FUNCTION_TABLE} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code RIO_EXTENSION_FUNCTION_TABLE} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code RIO_EXTENSION_FUNCTION_TABLE}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt cbSize$LAYOUT = (OfInt) $LAYOUT.select(groupElement("cbSize"));
    private static final long cbSize$OFFSET = $LAYOUT.byteOffset(groupElement("cbSize"));

    /** Layout of {@code cbSize}. */
    public static OfInt cbSize$layout() {
        return cbSize$LAYOUT;
    }

    /** Offset of {@code cbSize} in bytes. */
    public static long cbSize$offset() {
        return cbSize$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD cbSize
     * }
     */
    public static int cbSize(MemorySegment struct) {
        return struct.get(cbSize$LAYOUT, cbSize$OFFSET);
    }

    /** Sets {@code cbSize}. */
    public static void cbSize(MemorySegment struct, int fieldValue) {
        struct.set(cbSize$LAYOUT, cbSize$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOReceive$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOReceive"));
    private static final long RIOReceive$OFFSET = $LAYOUT.byteOffset(groupElement("RIOReceive"));

    /** Layout of {@code RIOReceive}. */
    public static AddressLayout RIOReceive$layout() {
        return RIOReceive$LAYOUT;
    }

    /** Offset of {@code RIOReceive} in bytes. */
    public static long RIOReceive$offset() {
        return RIOReceive$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIORECEIVE RIOReceive
     * }
     */
    public static MemorySegment RIOReceive(MemorySegment struct) {
        return struct.get(RIOReceive$LAYOUT, RIOReceive$OFFSET);
    }

    /** Sets {@code RIOReceive}. */
    public static void RIOReceive(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOReceive$LAYOUT, RIOReceive$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOReceiveEx$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOReceiveEx"));
    private static final long RIOReceiveEx$OFFSET = $LAYOUT.byteOffset(groupElement("RIOReceiveEx"));

    /** Layout of {@code RIOReceiveEx}. */
    public static AddressLayout RIOReceiveEx$layout() {
        return RIOReceiveEx$LAYOUT;
    }

    /** Offset of {@code RIOReceiveEx} in bytes. */
    public static long RIOReceiveEx$offset() {
        return RIOReceiveEx$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIORECEIVEEX RIOReceiveEx
     * }
     */
    public static MemorySegment RIOReceiveEx(MemorySegment struct) {
        return struct.get(RIOReceiveEx$LAYOUT, RIOReceiveEx$OFFSET);
    }

    /** Sets {@code RIOReceiveEx}. */
    public static void RIOReceiveEx(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOReceiveEx$LAYOUT, RIOReceiveEx$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOSend$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOSend"));
    private static final long RIOSend$OFFSET = $LAYOUT.byteOffset(groupElement("RIOSend"));

    /** Layout of {@code RIOSend}. */
    public static AddressLayout RIOSend$layout() {
        return RIOSend$LAYOUT;
    }

    /** Offset of {@code RIOSend} in bytes. */
    public static long RIOSend$offset() {
        return RIOSend$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOSEND RIOSend
     * }
     */
    public static MemorySegment RIOSend(MemorySegment struct) {
        return struct.get(RIOSend$LAYOUT, RIOSend$OFFSET);
    }

    /** Sets {@code RIOSend}. */
    public static void RIOSend(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOSend$LAYOUT, RIOSend$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOSendEx$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOSendEx"));
    private static final long RIOSendEx$OFFSET = $LAYOUT.byteOffset(groupElement("RIOSendEx"));

    /** Layout of {@code RIOSendEx}. */
    public static AddressLayout RIOSendEx$layout() {
        return RIOSendEx$LAYOUT;
    }

    /** Offset of {@code RIOSendEx} in bytes. */
    public static long RIOSendEx$offset() {
        return RIOSendEx$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOSENDEX RIOSendEx
     * }
     */
    public static MemorySegment RIOSendEx(MemorySegment struct) {
        return struct.get(RIOSendEx$LAYOUT, RIOSendEx$OFFSET);
    }

    /** Sets {@code RIOSendEx}. */
    public static void RIOSendEx(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOSendEx$LAYOUT, RIOSendEx$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOCloseCompletionQueue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOCloseCompletionQueue"));
    private static final long RIOCloseCompletionQueue$OFFSET = $LAYOUT.byteOffset(groupElement("RIOCloseCompletionQueue"));

    /** Layout of {@code RIOCloseCompletionQueue}. */
    public static AddressLayout RIOCloseCompletionQueue$layout() {
        return RIOCloseCompletionQueue$LAYOUT;
    }

    /** Offset of {@code RIOCloseCompletionQueue} in bytes. */
    public static long RIOCloseCompletionQueue$offset() {
        return RIOCloseCompletionQueue$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOCLOSECOMPLETIONQUEUE RIOCloseCompletionQueue
     * }
     */
    public static MemorySegment RIOCloseCompletionQueue(MemorySegment struct) {
        return struct.get(RIOCloseCompletionQueue$LAYOUT, RIOCloseCompletionQueue$OFFSET);
    }

    /** Sets {@code RIOCloseCompletionQueue}. */
    public static void RIOCloseCompletionQueue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOCloseCompletionQueue$LAYOUT, RIOCloseCompletionQueue$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOCreateCompletionQueue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOCreateCompletionQueue"));
    private static final long RIOCreateCompletionQueue$OFFSET = $LAYOUT.byteOffset(groupElement("RIOCreateCompletionQueue"));

    /** Layout of {@code RIOCreateCompletionQueue}. */
    public static AddressLayout RIOCreateCompletionQueue$layout() {
        return RIOCreateCompletionQueue$LAYOUT;
    }

    /** Offset of {@code RIOCreateCompletionQueue} in bytes. */
    public static long RIOCreateCompletionQueue$offset() {
        return RIOCreateCompletionQueue$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOCREATECOMPLETIONQUEUE RIOCreateCompletionQueue
     * }
     */
    public static MemorySegment RIOCreateCompletionQueue(MemorySegment struct) {
        return struct.get(RIOCreateCompletionQueue$LAYOUT, RIOCreateCompletionQueue$OFFSET);
    }

    /** Sets {@code RIOCreateCompletionQueue}. */
    public static void RIOCreateCompletionQueue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOCreateCompletionQueue$LAYOUT, RIOCreateCompletionQueue$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOCreateRequestQueue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOCreateRequestQueue"));
    private static final long RIOCreateRequestQueue$OFFSET = $LAYOUT.byteOffset(groupElement("RIOCreateRequestQueue"));

    /** Layout of {@code RIOCreateRequestQueue}. */
    public static AddressLayout RIOCreateRequestQueue$layout() {
        return RIOCreateRequestQueue$LAYOUT;
    }

    /** Offset of {@code RIOCreateRequestQueue} in bytes. */
    public static long RIOCreateRequestQueue$offset() {
        return RIOCreateRequestQueue$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOCREATEREQUESTQUEUE RIOCreateRequestQueue
     * }
     */
    public static MemorySegment RIOCreateRequestQueue(MemorySegment struct) {
        return struct.get(RIOCreateRequestQueue$LAYOUT, RIOCreateRequestQueue$OFFSET);
    }

    /** Sets {@code RIOCreateRequestQueue}. */
    public static void RIOCreateRequestQueue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOCreateRequestQueue$LAYOUT, RIOCreateRequestQueue$OFFSET, fieldValue);
    }

    private static final AddressLayout RIODequeueCompletion$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIODequeueCompletion"));
    private static final long RIODequeueCompletion$OFFSET = $LAYOUT.byteOffset(groupElement("RIODequeueCompletion"));

    /** Layout of {@code RIODequeueCompletion}. */
    public static AddressLayout RIODequeueCompletion$layout() {
        return RIODequeueCompletion$LAYOUT;
    }

    /** Offset of {@code RIODequeueCompletion} in bytes. */
    public static long RIODequeueCompletion$offset() {
        return RIODequeueCompletion$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIODEQUEUECOMPLETION RIODequeueCompletion
     * }
     */
    public static MemorySegment RIODequeueCompletion(MemorySegment struct) {
        return struct.get(RIODequeueCompletion$LAYOUT, RIODequeueCompletion$OFFSET);
    }

    /** Sets {@code RIODequeueCompletion}. */
    public static void RIODequeueCompletion(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIODequeueCompletion$LAYOUT, RIODequeueCompletion$OFFSET, fieldValue);
    }

    private static final AddressLayout RIODeregisterBuffer$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIODeregisterBuffer"));
    private static final long RIODeregisterBuffer$OFFSET = $LAYOUT.byteOffset(groupElement("RIODeregisterBuffer"));

    /** Layout of {@code RIODeregisterBuffer}. */
    public static AddressLayout RIODeregisterBuffer$layout() {
        return RIODeregisterBuffer$LAYOUT;
    }

    /** Offset of {@code RIODeregisterBuffer} in bytes. */
    public static long RIODeregisterBuffer$offset() {
        return RIODeregisterBuffer$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIODEREGISTERBUFFER RIODeregisterBuffer
     * }
     */
    public static MemorySegment RIODeregisterBuffer(MemorySegment struct) {
        return struct.get(RIODeregisterBuffer$LAYOUT, RIODeregisterBuffer$OFFSET);
    }

    /** Sets {@code RIODeregisterBuffer}. */
    public static void RIODeregisterBuffer(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIODeregisterBuffer$LAYOUT, RIODeregisterBuffer$OFFSET, fieldValue);
    }

    private static final AddressLayout RIONotify$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIONotify"));
    private static final long RIONotify$OFFSET = $LAYOUT.byteOffset(groupElement("RIONotify"));

    /** Layout of {@code RIONotify}. */
    public static AddressLayout RIONotify$layout() {
        return RIONotify$LAYOUT;
    }

    /** Offset of {@code RIONotify} in bytes. */
    public static long RIONotify$offset() {
        return RIONotify$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIONOTIFY RIONotify
     * }
     */
    public static MemorySegment RIONotify(MemorySegment struct) {
        return struct.get(RIONotify$LAYOUT, RIONotify$OFFSET);
    }

    /** Sets {@code RIONotify}. */
    public static void RIONotify(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIONotify$LAYOUT, RIONotify$OFFSET, fieldValue);
    }

    private static final AddressLayout RIORegisterBuffer$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIORegisterBuffer"));
    private static final long RIORegisterBuffer$OFFSET = $LAYOUT.byteOffset(groupElement("RIORegisterBuffer"));

    /** Layout of {@code RIORegisterBuffer}. */
    public static AddressLayout RIORegisterBuffer$layout() {
        return RIORegisterBuffer$LAYOUT;
    }

    /** Offset of {@code RIORegisterBuffer} in bytes. */
    public static long RIORegisterBuffer$offset() {
        return RIORegisterBuffer$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIOREGISTERBUFFER RIORegisterBuffer
     * }
     */
    public static MemorySegment RIORegisterBuffer(MemorySegment struct) {
        return struct.get(RIORegisterBuffer$LAYOUT, RIORegisterBuffer$OFFSET);
    }

    /** Sets {@code RIORegisterBuffer}. */
    public static void RIORegisterBuffer(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIORegisterBuffer$LAYOUT, RIORegisterBuffer$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOResizeCompletionQueue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOResizeCompletionQueue"));
    private static final long RIOResizeCompletionQueue$OFFSET = $LAYOUT.byteOffset(groupElement("RIOResizeCompletionQueue"));

    /** Layout of {@code RIOResizeCompletionQueue}. */
    public static AddressLayout RIOResizeCompletionQueue$layout() {
        return RIOResizeCompletionQueue$LAYOUT;
    }

    /** Offset of {@code RIOResizeCompletionQueue} in bytes. */
    public static long RIOResizeCompletionQueue$offset() {
        return RIOResizeCompletionQueue$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIORESIZECOMPLETIONQUEUE RIOResizeCompletionQueue
     * }
     */
    public static MemorySegment RIOResizeCompletionQueue(MemorySegment struct) {
        return struct.get(RIOResizeCompletionQueue$LAYOUT, RIOResizeCompletionQueue$OFFSET);
    }

    /** Sets {@code RIOResizeCompletionQueue}. */
    public static void RIOResizeCompletionQueue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOResizeCompletionQueue$LAYOUT, RIOResizeCompletionQueue$OFFSET, fieldValue);
    }

    private static final AddressLayout RIOResizeRequestQueue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("RIOResizeRequestQueue"));
    private static final long RIOResizeRequestQueue$OFFSET = $LAYOUT.byteOffset(groupElement("RIOResizeRequestQueue"));

    /** Layout of {@code RIOResizeRequestQueue}. */
    public static AddressLayout RIOResizeRequestQueue$layout() {
        return RIOResizeRequestQueue$LAYOUT;
    }

    /** Offset of {@code RIOResizeRequestQueue} in bytes. */
    public static long RIOResizeRequestQueue$offset() {
        return RIOResizeRequestQueue$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPFN_RIORESIZEREQUESTQUEUE RIOResizeRequestQueue
     * }
     */
    public static MemorySegment RIOResizeRequestQueue(MemorySegment struct) {
        return struct.get(RIOResizeRequestQueue$LAYOUT, RIOResizeRequestQueue$OFFSET);
    }

    /** Sets {@code RIOResizeRequestQueue}. */
    public static void RIOResizeRequestQueue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(RIOResizeRequestQueue$LAYOUT, RIOResizeRequestQueue$OFFSET, fieldValue);
    }
}
