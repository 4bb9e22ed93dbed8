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
 * typedef struct _RIO_NOTIFICATION_COMPLETION {
 *     RIO_NOTIFICATION_COMPLETION_TYPE Type;
 *     union {
 *         struct {
 *             HANDLE EventHandle;
 *             BOOL NotifyReset;
 *         } Event;
 *         struct {
 *             HANDLE IocpHandle;
 *             PVOID CompletionKey;
 *             PVOID Overlapped;
 *         } Iocp;
 *     };
 * } RIO_NOTIFICATION_COMPLETION, *PRIO_NOTIFICATION_COMPLETION;
 * }
 * {@code Type} is {@link WinsockConstants#RIO_EVENT_COMPLETION} or
 * {@link WinsockConstants#RIO_IOCP_COMPLETION}; members of the named structs are accessed as
 * {@code Event_EventHandle} etc. From {@code mswsockdef.h}, which mingw-w64 10 lacks; see
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/ns-mswsock-rio_notification_completion">RIO_NOTIFICATION_COMPLETION</a>.
 */
public final class RIO_NOTIFICATION_COMPLETION {
    private RIO_NOTIFICATION_COMPLETION() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("Type"),
            MemoryLayout.paddingLayout(4),
            MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(
                            ADDRESS.withName("EventHandle"),
                            JAVA_INT.withName("NotifyReset"),
                            MemoryLayout.paddingLayout(4)).withName("Event"),
                    MemoryLayout.structLayout(
                            ADDRESS.withName("IocpHandle"),
                            ADDRESS.withName("CompletionKey"),
                            ADDRESS.withName("Overlapped")).withName("Iocp")).withName("$anon$0"))
            .withName("_RIO_NOTIFICATION_COMPLETION");

    /** The layout of {@code RIO_NOTIFICATION_COMPLETION}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(RIO_NOTIFICATION_COMPLETION)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code RIO_NOTIFICATION_COMPLETION} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code RIO_NOTIFICATION_COMPLETION} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code RIO_NOTIFICATION_COMPLETION}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt Type$LAYOUT = (OfInt) $LAYOUT.select(groupElement("Type"));
    private static final long Type$OFFSET = $LAYOUT.byteOffset(groupElement("Type"));

    /** Layout of {@code Type}. */
    public static OfInt Type$layout() {
        return Type$LAYOUT;
    }

    /** Offset of {@code Type} in bytes. */
    public static long Type$offset() {
        return Type$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * RIO_NOTIFICATION_COMPLETION_TYPE Type
     * }
     */
    public static int Type(MemorySegment struct) {
        return struct.get(Type$LAYOUT, Type$OFFSET);
    }

    /** Sets {@code Type}. */
    public static void Type(MemorySegment struct, int fieldValue) {
        struct.set(Type$LAYOUT, Type$OFFSET, fieldValue);
    }

    private static final MemoryLayout Event$LAYOUT = $LAYOUT.select(groupElement("$anon$0"), groupElement("Event"));
    private static final long Event$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Event"));

    /** Layout of {@code Event}. */
    public static MemoryLayout Event$layout() {
        return Event$LAYOUT;
    }

    /** Offset of {@code Event} in bytes. */
    public static long Event$offset() {
        return Event$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * struct { HANDLE EventHandle; BOOL NotifyReset; } Event
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment Event(MemorySegment struct) {
        return struct.asSlice(Event$OFFSET, Event$LAYOUT.byteSize());
    }

    private static final AddressLayout Event_EventHandle$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("$anon$0"), groupElement("Event"), groupElement("EventHandle"));
    private static final long Event_EventHandle$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Event"), groupElement("EventHandle"));

    /** Layout of {@code Event.EventHandle}. */
    public static AddressLayout Event_EventHandle$layout() {
        return Event_EventHandle$LAYOUT;
    }

    /** Offset of {@code Event.EventHandle} in bytes. */
    public static long Event_EventHandle$offset() {
        return Event_EventHandle$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * HANDLE Event.EventHandle
     * }
     */
    public static MemorySegment Event_EventHandle(MemorySegment struct) {
        return struct.get(Event_EventHandle$LAYOUT, Event_EventHandle$OFFSET);
    }

    /** Sets {@code Event.EventHandle}. */
    public static void Event_EventHandle(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Event_EventHandle$LAYOUT, Event_EventHandle$OFFSET, fieldValue);
    }

    private static final OfInt Event_NotifyReset$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$0"), groupElement("Event"), groupElement("NotifyReset"));
    private static final long Event_NotifyReset$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Event"), groupElement("NotifyReset"));

    /** Layout of {@code Event.NotifyReset}. */
    public static OfInt Event_NotifyReset$layout() {
        return Event_NotifyReset$LAYOUT;
    }

    /** Offset of {@code Event.NotifyReset} in bytes. */
    public static long Event_NotifyReset$offset() {
        return Event_NotifyReset$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * BOOL Event.NotifyReset
     * }
     */
    public static int Event_NotifyReset(MemorySegment struct) {
        return struct.get(Event_NotifyReset$LAYOUT, Event_NotifyReset$OFFSET);
    }

    /** Sets {@code Event.NotifyReset}. */
    public static void Event_NotifyReset(MemorySegment struct, int fieldValue) {
        struct.set(Event_NotifyReset$LAYOUT, Event_NotifyReset$OFFSET, fieldValue);
    }

    private static final MemoryLayout Iocp$LAYOUT = $LAYOUT.select(groupElement("$anon$0"), groupElement("Iocp"));
    private static final long Iocp$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Iocp"));

    /** Layout of {@code Iocp}. */
    public static MemoryLayout Iocp$layout() {
        return Iocp$LAYOUT;
    }

    /** Offset of {@code Iocp} in bytes. */
    public static long Iocp$offset() {
        return Iocp$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * struct { HANDLE IocpHandle; PVOID CompletionKey; PVOID Overlapped; } Iocp
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment Iocp(MemorySegment struct) {
        return struct.asSlice(Iocp$OFFSET, Iocp$LAYOUT.byteSize());
    }

    private static final AddressLayout Iocp_IocpHandle$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("$anon$0"), groupElement("Iocp"), groupElement("IocpHandle"));
    private static final long Iocp_IocpHandle$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Iocp"), groupElement("IocpHandle"));

    /** Layout of {@code Iocp.IocpHandle}. */
    public static AddressLayout Iocp_IocpHandle$layout() {
        return Iocp_IocpHandle$LAYOUT;
    }

    /** Offset of {@code Iocp.IocpHandle} in bytes. */
    public static long Iocp_IocpHandle$offset() {
        return Iocp_IocpHandle$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * HANDLE Iocp.IocpHandle
     * }
     */
    public static MemorySegment Iocp_IocpHandle(MemorySegment struct) {
        return struct.get(Iocp_IocpHandle$LAYOUT, Iocp_IocpHandle$OFFSET);
    }

    /** Sets {@code Iocp.IocpHandle}. */
    public static void Iocp_IocpHandle(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Iocp_IocpHandle$LAYOUT, Iocp_IocpHandle$OFFSET, fieldValue);
    }

    private static final AddressLayout Iocp_CompletionKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("$anon$0"), groupElement("Iocp"), groupElement("CompletionKey"));
    private static final long Iocp_CompletionKey$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Iocp"), groupElement("CompletionKey"));

    /** Layout of {@code Iocp.CompletionKey}. */
    public static AddressLayout Iocp_CompletionKey$layout() {
        return Iocp_CompletionKey$LAYOUT;
    }

    /** Offset of {@code Iocp.CompletionKey} in bytes. */
    public static long Iocp_CompletionKey$offset() {
        return Iocp_CompletionKey$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * PVOID Iocp.CompletionKey
     * }
     */
    public static MemorySegment Iocp_CompletionKey(MemorySegment struct) {
        return struct.get(Iocp_CompletionKey$LAYOUT, Iocp_CompletionKey$OFFSET);
    }

    /** Sets {@code Iocp.CompletionKey}. */
    public static void Iocp_CompletionKey(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Iocp_CompletionKey$LAYOUT, Iocp_CompletionKey$OFFSET, fieldValue);
    }

    private static final AddressLayout Iocp_Overlapped$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("$anon$0"), groupElement("Iocp"), groupElement("Overlapped"));
    private static final long Iocp_Overlapped$OFFSET = $LAYOUT.byteOffset(groupElement("$anon$0"), groupElement("Iocp"), groupElement("Overlapped"));

    /** Layout of {@code Iocp.Overlapped}. */
    public static AddressLayout Iocp_Overlapped$layout() {
        return Iocp_Overlapped$LAYOUT;
    }

    /** Offset of {@code Iocp.Overlapped} in bytes. */
    public static long Iocp_Overlapped$offset() {
        return Iocp_Overlapped$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * PVOID Iocp.Overlapped
     * }
     */
    public static MemorySegment Iocp_Overlapped(MemorySegment struct) {
        return struct.get(Iocp_Overlapped$LAYOUT, Iocp_Overlapped$OFFSET);
    }

    /** Sets {@code Iocp.Overlapped}. */
    public static void Iocp_Overlapped(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Iocp_Overlapped$LAYOUT, Iocp_Overlapped$OFFSET, fieldValue);
    }
}
