package org.iocp4j.bindings.linux;

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
 * struct msghdr {
 *     void         *msg_name;
 *     socklen_t     msg_namelen;
 *     struct iovec *msg_iov;
 *     size_t        msg_iovlen;
 *     void         *msg_control;
 *     size_t        msg_controllen;
 *     int           msg_flags;
 * };
 * }
 * <p>The message of {@code IORING_OP_SENDMSG} / {@code IORING_OP_RECVMSG}. From {@code <bits/socket.h>}.
 * Size 56, alignment 8 on x86_64.
 */
public final class msghdr {
    private msghdr() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4)
        ).withName("msghdr");

    /** The layout of {@code struct msghdr}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct msghdr)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct msghdr} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct msghdr} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct msghdr} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 56L, 56L);
    }

    private static final AddressLayout msg_name$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("msg_name"));
    private static final long msg_name$OFFSET = 0;

    /** Layout of {@code msg_name}. */
    public static AddressLayout msg_name$layout() {
        return msg_name$LAYOUT;
    }

    /** Offset of {@code msg_name}. */
    public static long msg_name$offset() {
        return msg_name$OFFSET;
    }

    /** Getter for {@code void * msg_name} */
    public static MemorySegment msg_name(MemorySegment struct) {
        return struct.get(msg_name$LAYOUT, msg_name$OFFSET);
    }

    /** Setter for {@code void * msg_name} */
    public static void msg_name(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(msg_name$LAYOUT, msg_name$OFFSET, fieldValue);
    }

    private static final OfInt msg_namelen$LAYOUT = (OfInt) $LAYOUT.select(groupElement("msg_namelen"));
    private static final long msg_namelen$OFFSET = 8;

    /** Layout of {@code msg_namelen}. */
    public static OfInt msg_namelen$layout() {
        return msg_namelen$LAYOUT;
    }

    /** Offset of {@code msg_namelen}. */
    public static long msg_namelen$offset() {
        return msg_namelen$OFFSET;
    }

    /** Getter for {@code socklen_t msg_namelen} */
    public static int msg_namelen(MemorySegment struct) {
        return struct.get(msg_namelen$LAYOUT, msg_namelen$OFFSET);
    }

    /** Setter for {@code socklen_t msg_namelen} */
    public static void msg_namelen(MemorySegment struct, int fieldValue) {
        struct.set(msg_namelen$LAYOUT, msg_namelen$OFFSET, fieldValue);
    }

    private static final AddressLayout msg_iov$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("msg_iov"));
    private static final long msg_iov$OFFSET = 16;

    /** Layout of {@code msg_iov}. */
    public static AddressLayout msg_iov$layout() {
        return msg_iov$LAYOUT;
    }

    /** Offset of {@code msg_iov}. */
    public static long msg_iov$offset() {
        return msg_iov$OFFSET;
    }

    /** Getter for {@code struct iovec * msg_iov} */
    public static MemorySegment msg_iov(MemorySegment struct) {
        return struct.get(msg_iov$LAYOUT, msg_iov$OFFSET);
    }

    /** Setter for {@code struct iovec * msg_iov} */
    public static void msg_iov(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(msg_iov$LAYOUT, msg_iov$OFFSET, fieldValue);
    }

    private static final OfLong msg_iovlen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("msg_iovlen"));
    private static final long msg_iovlen$OFFSET = 24;

    /** Layout of {@code msg_iovlen}. */
    public static OfLong msg_iovlen$layout() {
        return msg_iovlen$LAYOUT;
    }

    /** Offset of {@code msg_iovlen}. */
    public static long msg_iovlen$offset() {
        return msg_iovlen$OFFSET;
    }

    /** Getter for {@code size_t msg_iovlen} */
    public static long msg_iovlen(MemorySegment struct) {
        return struct.get(msg_iovlen$LAYOUT, msg_iovlen$OFFSET);
    }

    /** Setter for {@code size_t msg_iovlen} */
    public static void msg_iovlen(MemorySegment struct, long fieldValue) {
        struct.set(msg_iovlen$LAYOUT, msg_iovlen$OFFSET, fieldValue);
    }

    private static final AddressLayout msg_control$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("msg_control"));
    private static final long msg_control$OFFSET = 32;

    /** Layout of {@code msg_control}. */
    public static AddressLayout msg_control$layout() {
        return msg_control$LAYOUT;
    }

    /** Offset of {@code msg_control}. */
    public static long msg_control$offset() {
        return msg_control$OFFSET;
    }

    /** Getter for {@code void * msg_control} */
    public static MemorySegment msg_control(MemorySegment struct) {
        return struct.get(msg_control$LAYOUT, msg_control$OFFSET);
    }

    /** Setter for {@code void * msg_control} */
    public static void msg_control(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(msg_control$LAYOUT, msg_control$OFFSET, fieldValue);
    }

    private static final OfLong msg_controllen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("msg_controllen"));
    private static final long msg_controllen$OFFSET = 40;

    /** Layout of {@code msg_controllen}. */
    public static OfLong msg_controllen$layout() {
        return msg_controllen$LAYOUT;
    }

    /** Offset of {@code msg_controllen}. */
    public static long msg_controllen$offset() {
        return msg_controllen$OFFSET;
    }

    /** Getter for {@code size_t msg_controllen} */
    public static long msg_controllen(MemorySegment struct) {
        return struct.get(msg_controllen$LAYOUT, msg_controllen$OFFSET);
    }

    /** Setter for {@code size_t msg_controllen} */
    public static void msg_controllen(MemorySegment struct, long fieldValue) {
        struct.set(msg_controllen$LAYOUT, msg_controllen$OFFSET, fieldValue);
    }

    private static final OfInt msg_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("msg_flags"));
    private static final long msg_flags$OFFSET = 48;

    /** Layout of {@code msg_flags}. */
    public static OfInt msg_flags$layout() {
        return msg_flags$LAYOUT;
    }

    /** Offset of {@code msg_flags}. */
    public static long msg_flags$offset() {
        return msg_flags$OFFSET;
    }

    /** Getter for {@code int msg_flags} */
    public static int msg_flags(MemorySegment struct) {
        return struct.get(msg_flags$LAYOUT, msg_flags$OFFSET);
    }

    /** Setter for {@code int msg_flags} */
    public static void msg_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_flags$LAYOUT, msg_flags$OFFSET, fieldValue);
    }
}
