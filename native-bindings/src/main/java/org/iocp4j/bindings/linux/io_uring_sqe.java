package org.iocp4j.bindings.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * struct io_uring_sqe {
 *     __u8    opcode;
 *     __u8    flags;          // IOSQE_*
 *     __u16   ioprio;
 *     __s32   fd;
 *     union { __u64 off; __u64 addr2; struct { __u32 cmd_op; __u32 __pad1; }; };
 *     union { __u64 addr; __u64 splice_off_in; };
 *     __u32   len;
 *     union {
 *         __u32 rw_flags; __u32 fsync_flags; __u16 poll_events; __u32 poll32_events;
 *         __u32 sync_range_flags; __u32 msg_flags; __u32 timeout_flags; __u32 accept_flags;
 *         __u32 cancel_flags; __u32 open_flags; __u32 statx_flags; __u32 fadvise_advice;
 *         __u32 splice_flags; __u32 rename_flags; __u32 unlink_flags; __u32 hardlink_flags;
 *         __u32 xattr_flags; __u32 msg_ring_flags; __u32 uring_cmd_flags;
 *     };
 *     __u64   user_data;
 *     union { __u16 buf_index; __u16 buf_group; } __attribute__((packed));
 *     __u16   personality;
 *     union { __s32 splice_fd_in; __u32 file_index; struct { __u16 addr_len; __u16 __pad3[1]; }; };
 *     union { struct { __u64 addr3; __u64 __pad2[1]; }; __u8 cmd[0]; };
 * };
 * }
 * <p>A submission queue entry, 64 bytes (128 with {@code IORING_SETUP_SQE128}, where {@code cmd} continues
 * into the second half). As in {@code <linux/io_uring.h>} of Linux 6.1.
 * Anonymous unions and structs are layouts named {@code $anon$N}; their members have accessors here as
 * C11 addresses them, without the anonymous level.
 * Size 64, alignment 8 on x86_64.
 */
public final class io_uring_sqe {
    private io_uring_sqe() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_BYTE.withName("opcode"),
            JAVA_BYTE.withName("flags"),
            JAVA_SHORT.withName("ioprio"),
            JAVA_INT.withName("fd"),
            MemoryLayout.unionLayout(
                JAVA_LONG.withName("off"),
                JAVA_LONG.withName("addr2"),
                MemoryLayout.structLayout(
                    JAVA_INT.withName("cmd_op"),
                    JAVA_INT.withName("__pad1")
                ).withName("$anon$1")
            ).withName("$anon$0"),
            MemoryLayout.unionLayout(
                JAVA_LONG.withName("addr"),
                JAVA_LONG.withName("splice_off_in")
            ).withName("$anon$2"),
            JAVA_INT.withName("len"),
            MemoryLayout.unionLayout(
                JAVA_INT.withName("rw_flags"),
                JAVA_INT.withName("fsync_flags"),
                JAVA_SHORT.withName("poll_events"),
                JAVA_INT.withName("poll32_events"),
                JAVA_INT.withName("sync_range_flags"),
                JAVA_INT.withName("msg_flags"),
                JAVA_INT.withName("timeout_flags"),
                JAVA_INT.withName("accept_flags"),
                JAVA_INT.withName("cancel_flags"),
                JAVA_INT.withName("open_flags"),
                JAVA_INT.withName("statx_flags"),
                JAVA_INT.withName("fadvise_advice"),
                JAVA_INT.withName("splice_flags"),
                JAVA_INT.withName("rename_flags"),
                JAVA_INT.withName("unlink_flags"),
                JAVA_INT.withName("hardlink_flags"),
                JAVA_INT.withName("xattr_flags"),
                JAVA_INT.withName("msg_ring_flags"),
                JAVA_INT.withName("uring_cmd_flags")
            ).withName("$anon$3"),
            JAVA_LONG.withName("user_data"),
            MemoryLayout.unionLayout(
                JAVA_SHORT.withName("buf_index"),
                JAVA_SHORT.withName("buf_group")
            ).withName("$anon$4"),
            JAVA_SHORT.withName("personality"),
            MemoryLayout.unionLayout(
                JAVA_INT.withName("splice_fd_in"),
                JAVA_INT.withName("file_index"),
                MemoryLayout.structLayout(
                    JAVA_SHORT.withName("addr_len"),
                    MemoryLayout.sequenceLayout(1, JAVA_SHORT).withName("__pad3")
                ).withName("$anon$6")
            ).withName("$anon$5"),
            MemoryLayout.unionLayout(
                MemoryLayout.structLayout(
                    JAVA_LONG.withName("addr3"),
                    MemoryLayout.sequenceLayout(1, JAVA_LONG).withName("__pad2")
                ).withName("$anon$8"),
                MemoryLayout.sequenceLayout(0, JAVA_BYTE).withName("cmd")
            ).withName("$anon$7")
        ).withName("io_uring_sqe");

    /** The layout of {@code struct io_uring_sqe}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(struct io_uring_sqe)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code struct io_uring_sqe} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code struct io_uring_sqe} from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code struct io_uring_sqe} starting at {@code array}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * 64L, 64L);
    }

    private static final OfByte opcode$LAYOUT = (OfByte) $LAYOUT.select(groupElement("opcode"));
    private static final long opcode$OFFSET = 0;

    /** Layout of {@code opcode}. */
    public static OfByte opcode$layout() {
        return opcode$LAYOUT;
    }

    /** Offset of {@code opcode}. */
    public static long opcode$offset() {
        return opcode$OFFSET;
    }

    /** Getter for {@code __u8 opcode} */
    public static byte opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /** Setter for {@code __u8 opcode} */
    public static void opcode(MemorySegment struct, byte fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final OfByte flags$LAYOUT = (OfByte) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = 1;

    /** Layout of {@code flags}. */
    public static OfByte flags$layout() {
        return flags$LAYOUT;
    }

    /** Offset of {@code flags}. */
    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for {@code __u8 flags} */
    public static byte flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for {@code __u8 flags} */
    public static void flags(MemorySegment struct, byte fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfShort ioprio$LAYOUT = (OfShort) $LAYOUT.select(groupElement("ioprio"));
    private static final long ioprio$OFFSET = 2;

    /** Layout of {@code ioprio}. */
    public static OfShort ioprio$layout() {
        return ioprio$LAYOUT;
    }

    /** Offset of {@code ioprio}. */
    public static long ioprio$offset() {
        return ioprio$OFFSET;
    }

    /** Getter for {@code __u16 ioprio} */
    public static short ioprio(MemorySegment struct) {
        return struct.get(ioprio$LAYOUT, ioprio$OFFSET);
    }

    /** Setter for {@code __u16 ioprio} */
    public static void ioprio(MemorySegment struct, short fieldValue) {
        struct.set(ioprio$LAYOUT, ioprio$OFFSET, fieldValue);
    }

    private static final OfInt fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("fd"));
    private static final long fd$OFFSET = 4;

    /** Layout of {@code fd}. */
    public static OfInt fd$layout() {
        return fd$LAYOUT;
    }

    /** Offset of {@code fd}. */
    public static long fd$offset() {
        return fd$OFFSET;
    }

    /** Getter for {@code __s32 fd} */
    public static int fd(MemorySegment struct) {
        return struct.get(fd$LAYOUT, fd$OFFSET);
    }

    /** Setter for {@code __s32 fd} */
    public static void fd(MemorySegment struct, int fieldValue) {
        struct.set(fd$LAYOUT, fd$OFFSET, fieldValue);
    }

    private static final OfLong off$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$0"), groupElement("off"));
    private static final long off$OFFSET = 8;

    /** Layout of {@code off}. */
    public static OfLong off$layout() {
        return off$LAYOUT;
    }

    /** Offset of {@code off}. */
    public static long off$offset() {
        return off$OFFSET;
    }

    /** Getter for {@code __u64 off} */
    public static long off(MemorySegment struct) {
        return struct.get(off$LAYOUT, off$OFFSET);
    }

    /** Setter for {@code __u64 off} */
    public static void off(MemorySegment struct, long fieldValue) {
        struct.set(off$LAYOUT, off$OFFSET, fieldValue);
    }

    private static final OfLong addr2$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$0"), groupElement("addr2"));
    private static final long addr2$OFFSET = 8;

    /** Layout of {@code addr2}. */
    public static OfLong addr2$layout() {
        return addr2$LAYOUT;
    }

    /** Offset of {@code addr2}. */
    public static long addr2$offset() {
        return addr2$OFFSET;
    }

    /** Getter for {@code __u64 addr2} */
    public static long addr2(MemorySegment struct) {
        return struct.get(addr2$LAYOUT, addr2$OFFSET);
    }

    /** Setter for {@code __u64 addr2} */
    public static void addr2(MemorySegment struct, long fieldValue) {
        struct.set(addr2$LAYOUT, addr2$OFFSET, fieldValue);
    }

    private static final OfInt cmd_op$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$0"), groupElement("$anon$1"), groupElement("cmd_op"));
    private static final long cmd_op$OFFSET = 8;

    /** Layout of {@code cmd_op}. */
    public static OfInt cmd_op$layout() {
        return cmd_op$LAYOUT;
    }

    /** Offset of {@code cmd_op}. */
    public static long cmd_op$offset() {
        return cmd_op$OFFSET;
    }

    /** Getter for {@code __u32 cmd_op} */
    public static int cmd_op(MemorySegment struct) {
        return struct.get(cmd_op$LAYOUT, cmd_op$OFFSET);
    }

    /** Setter for {@code __u32 cmd_op} */
    public static void cmd_op(MemorySegment struct, int fieldValue) {
        struct.set(cmd_op$LAYOUT, cmd_op$OFFSET, fieldValue);
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$2"), groupElement("addr"));
    private static final long addr$OFFSET = 16;

    /** Layout of {@code addr}. */
    public static OfLong addr$layout() {
        return addr$LAYOUT;
    }

    /** Offset of {@code addr}. */
    public static long addr$offset() {
        return addr$OFFSET;
    }

    /** Getter for {@code __u64 addr} */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /** Setter for {@code __u64 addr} */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfLong splice_off_in$LAYOUT = (OfLong) $LAYOUT.select(
            groupElement("$anon$2"), groupElement("splice_off_in"));
    private static final long splice_off_in$OFFSET = 16;

    /** Layout of {@code splice_off_in}. */
    public static OfLong splice_off_in$layout() {
        return splice_off_in$LAYOUT;
    }

    /** Offset of {@code splice_off_in}. */
    public static long splice_off_in$offset() {
        return splice_off_in$OFFSET;
    }

    /** Getter for {@code __u64 splice_off_in} */
    public static long splice_off_in(MemorySegment struct) {
        return struct.get(splice_off_in$LAYOUT, splice_off_in$OFFSET);
    }

    /** Setter for {@code __u64 splice_off_in} */
    public static void splice_off_in(MemorySegment struct, long fieldValue) {
        struct.set(splice_off_in$LAYOUT, splice_off_in$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(groupElement("len"));
    private static final long len$OFFSET = 24;

    /** Layout of {@code len}. */
    public static OfInt len$layout() {
        return len$LAYOUT;
    }

    /** Offset of {@code len}. */
    public static long len$offset() {
        return len$OFFSET;
    }

    /** Getter for {@code __u32 len} */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /** Setter for {@code __u32 len} */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfInt rw_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("rw_flags"));
    private static final long rw_flags$OFFSET = 28;

    /** Layout of {@code rw_flags}. */
    public static OfInt rw_flags$layout() {
        return rw_flags$LAYOUT;
    }

    /** Offset of {@code rw_flags}. */
    public static long rw_flags$offset() {
        return rw_flags$OFFSET;
    }

    /** Getter for {@code __u32 rw_flags} */
    public static int rw_flags(MemorySegment struct) {
        return struct.get(rw_flags$LAYOUT, rw_flags$OFFSET);
    }

    /** Setter for {@code __u32 rw_flags} */
    public static void rw_flags(MemorySegment struct, int fieldValue) {
        struct.set(rw_flags$LAYOUT, rw_flags$OFFSET, fieldValue);
    }

    private static final OfInt fsync_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("fsync_flags"));
    private static final long fsync_flags$OFFSET = 28;

    /** Layout of {@code fsync_flags}. */
    public static OfInt fsync_flags$layout() {
        return fsync_flags$LAYOUT;
    }

    /** Offset of {@code fsync_flags}. */
    public static long fsync_flags$offset() {
        return fsync_flags$OFFSET;
    }

    /** Getter for {@code __u32 fsync_flags} */
    public static int fsync_flags(MemorySegment struct) {
        return struct.get(fsync_flags$LAYOUT, fsync_flags$OFFSET);
    }

    /** Setter for {@code __u32 fsync_flags} */
    public static void fsync_flags(MemorySegment struct, int fieldValue) {
        struct.set(fsync_flags$LAYOUT, fsync_flags$OFFSET, fieldValue);
    }

    private static final OfShort poll_events$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("poll_events"));
    private static final long poll_events$OFFSET = 28;

    /** Layout of {@code poll_events}. */
    public static OfShort poll_events$layout() {
        return poll_events$LAYOUT;
    }

    /** Offset of {@code poll_events}. */
    public static long poll_events$offset() {
        return poll_events$OFFSET;
    }

    /** Getter for {@code __u16 poll_events} */
    public static short poll_events(MemorySegment struct) {
        return struct.get(poll_events$LAYOUT, poll_events$OFFSET);
    }

    /** Setter for {@code __u16 poll_events} */
    public static void poll_events(MemorySegment struct, short fieldValue) {
        struct.set(poll_events$LAYOUT, poll_events$OFFSET, fieldValue);
    }

    private static final OfInt poll32_events$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("poll32_events"));
    private static final long poll32_events$OFFSET = 28;

    /** Layout of {@code poll32_events}. */
    public static OfInt poll32_events$layout() {
        return poll32_events$LAYOUT;
    }

    /** Offset of {@code poll32_events}. */
    public static long poll32_events$offset() {
        return poll32_events$OFFSET;
    }

    /** Getter for {@code __u32 poll32_events} */
    public static int poll32_events(MemorySegment struct) {
        return struct.get(poll32_events$LAYOUT, poll32_events$OFFSET);
    }

    /** Setter for {@code __u32 poll32_events} */
    public static void poll32_events(MemorySegment struct, int fieldValue) {
        struct.set(poll32_events$LAYOUT, poll32_events$OFFSET, fieldValue);
    }

    private static final OfInt sync_range_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("sync_range_flags"));
    private static final long sync_range_flags$OFFSET = 28;

    /** Layout of {@code sync_range_flags}. */
    public static OfInt sync_range_flags$layout() {
        return sync_range_flags$LAYOUT;
    }

    /** Offset of {@code sync_range_flags}. */
    public static long sync_range_flags$offset() {
        return sync_range_flags$OFFSET;
    }

    /** Getter for {@code __u32 sync_range_flags} */
    public static int sync_range_flags(MemorySegment struct) {
        return struct.get(sync_range_flags$LAYOUT, sync_range_flags$OFFSET);
    }

    /** Setter for {@code __u32 sync_range_flags} */
    public static void sync_range_flags(MemorySegment struct, int fieldValue) {
        struct.set(sync_range_flags$LAYOUT, sync_range_flags$OFFSET, fieldValue);
    }

    private static final OfInt msg_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("msg_flags"));
    private static final long msg_flags$OFFSET = 28;

    /** Layout of {@code msg_flags}. */
    public static OfInt msg_flags$layout() {
        return msg_flags$LAYOUT;
    }

    /** Offset of {@code msg_flags}. */
    public static long msg_flags$offset() {
        return msg_flags$OFFSET;
    }

    /** Getter for {@code __u32 msg_flags} */
    public static int msg_flags(MemorySegment struct) {
        return struct.get(msg_flags$LAYOUT, msg_flags$OFFSET);
    }

    /** Setter for {@code __u32 msg_flags} */
    public static void msg_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_flags$LAYOUT, msg_flags$OFFSET, fieldValue);
    }

    private static final OfInt timeout_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("timeout_flags"));
    private static final long timeout_flags$OFFSET = 28;

    /** Layout of {@code timeout_flags}. */
    public static OfInt timeout_flags$layout() {
        return timeout_flags$LAYOUT;
    }

    /** Offset of {@code timeout_flags}. */
    public static long timeout_flags$offset() {
        return timeout_flags$OFFSET;
    }

    /** Getter for {@code __u32 timeout_flags} */
    public static int timeout_flags(MemorySegment struct) {
        return struct.get(timeout_flags$LAYOUT, timeout_flags$OFFSET);
    }

    /** Setter for {@code __u32 timeout_flags} */
    public static void timeout_flags(MemorySegment struct, int fieldValue) {
        struct.set(timeout_flags$LAYOUT, timeout_flags$OFFSET, fieldValue);
    }

    private static final OfInt accept_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("accept_flags"));
    private static final long accept_flags$OFFSET = 28;

    /** Layout of {@code accept_flags}. */
    public static OfInt accept_flags$layout() {
        return accept_flags$LAYOUT;
    }

    /** Offset of {@code accept_flags}. */
    public static long accept_flags$offset() {
        return accept_flags$OFFSET;
    }

    /** Getter for {@code __u32 accept_flags} */
    public static int accept_flags(MemorySegment struct) {
        return struct.get(accept_flags$LAYOUT, accept_flags$OFFSET);
    }

    /** Setter for {@code __u32 accept_flags} */
    public static void accept_flags(MemorySegment struct, int fieldValue) {
        struct.set(accept_flags$LAYOUT, accept_flags$OFFSET, fieldValue);
    }

    private static final OfInt cancel_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("cancel_flags"));
    private static final long cancel_flags$OFFSET = 28;

    /** Layout of {@code cancel_flags}. */
    public static OfInt cancel_flags$layout() {
        return cancel_flags$LAYOUT;
    }

    /** Offset of {@code cancel_flags}. */
    public static long cancel_flags$offset() {
        return cancel_flags$OFFSET;
    }

    /** Getter for {@code __u32 cancel_flags} */
    public static int cancel_flags(MemorySegment struct) {
        return struct.get(cancel_flags$LAYOUT, cancel_flags$OFFSET);
    }

    /** Setter for {@code __u32 cancel_flags} */
    public static void cancel_flags(MemorySegment struct, int fieldValue) {
        struct.set(cancel_flags$LAYOUT, cancel_flags$OFFSET, fieldValue);
    }

    private static final OfInt open_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("open_flags"));
    private static final long open_flags$OFFSET = 28;

    /** Layout of {@code open_flags}. */
    public static OfInt open_flags$layout() {
        return open_flags$LAYOUT;
    }

    /** Offset of {@code open_flags}. */
    public static long open_flags$offset() {
        return open_flags$OFFSET;
    }

    /** Getter for {@code __u32 open_flags} */
    public static int open_flags(MemorySegment struct) {
        return struct.get(open_flags$LAYOUT, open_flags$OFFSET);
    }

    /** Setter for {@code __u32 open_flags} */
    public static void open_flags(MemorySegment struct, int fieldValue) {
        struct.set(open_flags$LAYOUT, open_flags$OFFSET, fieldValue);
    }

    private static final OfInt statx_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("statx_flags"));
    private static final long statx_flags$OFFSET = 28;

    /** Layout of {@code statx_flags}. */
    public static OfInt statx_flags$layout() {
        return statx_flags$LAYOUT;
    }

    /** Offset of {@code statx_flags}. */
    public static long statx_flags$offset() {
        return statx_flags$OFFSET;
    }

    /** Getter for {@code __u32 statx_flags} */
    public static int statx_flags(MemorySegment struct) {
        return struct.get(statx_flags$LAYOUT, statx_flags$OFFSET);
    }

    /** Setter for {@code __u32 statx_flags} */
    public static void statx_flags(MemorySegment struct, int fieldValue) {
        struct.set(statx_flags$LAYOUT, statx_flags$OFFSET, fieldValue);
    }

    private static final OfInt fadvise_advice$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("fadvise_advice"));
    private static final long fadvise_advice$OFFSET = 28;

    /** Layout of {@code fadvise_advice}. */
    public static OfInt fadvise_advice$layout() {
        return fadvise_advice$LAYOUT;
    }

    /** Offset of {@code fadvise_advice}. */
    public static long fadvise_advice$offset() {
        return fadvise_advice$OFFSET;
    }

    /** Getter for {@code __u32 fadvise_advice} */
    public static int fadvise_advice(MemorySegment struct) {
        return struct.get(fadvise_advice$LAYOUT, fadvise_advice$OFFSET);
    }

    /** Setter for {@code __u32 fadvise_advice} */
    public static void fadvise_advice(MemorySegment struct, int fieldValue) {
        struct.set(fadvise_advice$LAYOUT, fadvise_advice$OFFSET, fieldValue);
    }

    private static final OfInt splice_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("splice_flags"));
    private static final long splice_flags$OFFSET = 28;

    /** Layout of {@code splice_flags}. */
    public static OfInt splice_flags$layout() {
        return splice_flags$LAYOUT;
    }

    /** Offset of {@code splice_flags}. */
    public static long splice_flags$offset() {
        return splice_flags$OFFSET;
    }

    /** Getter for {@code __u32 splice_flags} */
    public static int splice_flags(MemorySegment struct) {
        return struct.get(splice_flags$LAYOUT, splice_flags$OFFSET);
    }

    /** Setter for {@code __u32 splice_flags} */
    public static void splice_flags(MemorySegment struct, int fieldValue) {
        struct.set(splice_flags$LAYOUT, splice_flags$OFFSET, fieldValue);
    }

    private static final OfInt rename_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("rename_flags"));
    private static final long rename_flags$OFFSET = 28;

    /** Layout of {@code rename_flags}. */
    public static OfInt rename_flags$layout() {
        return rename_flags$LAYOUT;
    }

    /** Offset of {@code rename_flags}. */
    public static long rename_flags$offset() {
        return rename_flags$OFFSET;
    }

    /** Getter for {@code __u32 rename_flags} */
    public static int rename_flags(MemorySegment struct) {
        return struct.get(rename_flags$LAYOUT, rename_flags$OFFSET);
    }

    /** Setter for {@code __u32 rename_flags} */
    public static void rename_flags(MemorySegment struct, int fieldValue) {
        struct.set(rename_flags$LAYOUT, rename_flags$OFFSET, fieldValue);
    }

    private static final OfInt unlink_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("unlink_flags"));
    private static final long unlink_flags$OFFSET = 28;

    /** Layout of {@code unlink_flags}. */
    public static OfInt unlink_flags$layout() {
        return unlink_flags$LAYOUT;
    }

    /** Offset of {@code unlink_flags}. */
    public static long unlink_flags$offset() {
        return unlink_flags$OFFSET;
    }

    /** Getter for {@code __u32 unlink_flags} */
    public static int unlink_flags(MemorySegment struct) {
        return struct.get(unlink_flags$LAYOUT, unlink_flags$OFFSET);
    }

    /** Setter for {@code __u32 unlink_flags} */
    public static void unlink_flags(MemorySegment struct, int fieldValue) {
        struct.set(unlink_flags$LAYOUT, unlink_flags$OFFSET, fieldValue);
    }

    private static final OfInt hardlink_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("hardlink_flags"));
    private static final long hardlink_flags$OFFSET = 28;

    /** Layout of {@code hardlink_flags}. */
    public static OfInt hardlink_flags$layout() {
        return hardlink_flags$LAYOUT;
    }

    /** Offset of {@code hardlink_flags}. */
    public static long hardlink_flags$offset() {
        return hardlink_flags$OFFSET;
    }

    /** Getter for {@code __u32 hardlink_flags} */
    public static int hardlink_flags(MemorySegment struct) {
        return struct.get(hardlink_flags$LAYOUT, hardlink_flags$OFFSET);
    }

    /** Setter for {@code __u32 hardlink_flags} */
    public static void hardlink_flags(MemorySegment struct, int fieldValue) {
        struct.set(hardlink_flags$LAYOUT, hardlink_flags$OFFSET, fieldValue);
    }

    private static final OfInt xattr_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("xattr_flags"));
    private static final long xattr_flags$OFFSET = 28;

    /** Layout of {@code xattr_flags}. */
    public static OfInt xattr_flags$layout() {
        return xattr_flags$LAYOUT;
    }

    /** Offset of {@code xattr_flags}. */
    public static long xattr_flags$offset() {
        return xattr_flags$OFFSET;
    }

    /** Getter for {@code __u32 xattr_flags} */
    public static int xattr_flags(MemorySegment struct) {
        return struct.get(xattr_flags$LAYOUT, xattr_flags$OFFSET);
    }

    /** Setter for {@code __u32 xattr_flags} */
    public static void xattr_flags(MemorySegment struct, int fieldValue) {
        struct.set(xattr_flags$LAYOUT, xattr_flags$OFFSET, fieldValue);
    }

    private static final OfInt msg_ring_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("msg_ring_flags"));
    private static final long msg_ring_flags$OFFSET = 28;

    /** Layout of {@code msg_ring_flags}. */
    public static OfInt msg_ring_flags$layout() {
        return msg_ring_flags$LAYOUT;
    }

    /** Offset of {@code msg_ring_flags}. */
    public static long msg_ring_flags$offset() {
        return msg_ring_flags$OFFSET;
    }

    /** Getter for {@code __u32 msg_ring_flags} */
    public static int msg_ring_flags(MemorySegment struct) {
        return struct.get(msg_ring_flags$LAYOUT, msg_ring_flags$OFFSET);
    }

    /** Setter for {@code __u32 msg_ring_flags} */
    public static void msg_ring_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_ring_flags$LAYOUT, msg_ring_flags$OFFSET, fieldValue);
    }

    private static final OfInt uring_cmd_flags$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$3"), groupElement("uring_cmd_flags"));
    private static final long uring_cmd_flags$OFFSET = 28;

    /** Layout of {@code uring_cmd_flags}. */
    public static OfInt uring_cmd_flags$layout() {
        return uring_cmd_flags$LAYOUT;
    }

    /** Offset of {@code uring_cmd_flags}. */
    public static long uring_cmd_flags$offset() {
        return uring_cmd_flags$OFFSET;
    }

    /** Getter for {@code __u32 uring_cmd_flags} */
    public static int uring_cmd_flags(MemorySegment struct) {
        return struct.get(uring_cmd_flags$LAYOUT, uring_cmd_flags$OFFSET);
    }

    /** Setter for {@code __u32 uring_cmd_flags} */
    public static void uring_cmd_flags(MemorySegment struct, int fieldValue) {
        struct.set(uring_cmd_flags$LAYOUT, uring_cmd_flags$OFFSET, fieldValue);
    }

    private static final OfLong user_data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("user_data"));
    private static final long user_data$OFFSET = 32;

    /** Layout of {@code user_data}. */
    public static OfLong user_data$layout() {
        return user_data$LAYOUT;
    }

    /** Offset of {@code user_data}. */
    public static long user_data$offset() {
        return user_data$OFFSET;
    }

    /** Getter for {@code __u64 user_data} */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /** Setter for {@code __u64 user_data} */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfShort buf_index$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$4"), groupElement("buf_index"));
    private static final long buf_index$OFFSET = 40;

    /** Layout of {@code buf_index}. */
    public static OfShort buf_index$layout() {
        return buf_index$LAYOUT;
    }

    /** Offset of {@code buf_index}. */
    public static long buf_index$offset() {
        return buf_index$OFFSET;
    }

    /** Getter for {@code __u16 buf_index} */
    public static short buf_index(MemorySegment struct) {
        return struct.get(buf_index$LAYOUT, buf_index$OFFSET);
    }

    /** Setter for {@code __u16 buf_index} */
    public static void buf_index(MemorySegment struct, short fieldValue) {
        struct.set(buf_index$LAYOUT, buf_index$OFFSET, fieldValue);
    }

    private static final OfShort buf_group$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$4"), groupElement("buf_group"));
    private static final long buf_group$OFFSET = 40;

    /** Layout of {@code buf_group}. */
    public static OfShort buf_group$layout() {
        return buf_group$LAYOUT;
    }

    /** Offset of {@code buf_group}. */
    public static long buf_group$offset() {
        return buf_group$OFFSET;
    }

    /** Getter for {@code __u16 buf_group} */
    public static short buf_group(MemorySegment struct) {
        return struct.get(buf_group$LAYOUT, buf_group$OFFSET);
    }

    /** Setter for {@code __u16 buf_group} */
    public static void buf_group(MemorySegment struct, short fieldValue) {
        struct.set(buf_group$LAYOUT, buf_group$OFFSET, fieldValue);
    }

    private static final OfShort personality$LAYOUT = (OfShort) $LAYOUT.select(groupElement("personality"));
    private static final long personality$OFFSET = 42;

    /** Layout of {@code personality}. */
    public static OfShort personality$layout() {
        return personality$LAYOUT;
    }

    /** Offset of {@code personality}. */
    public static long personality$offset() {
        return personality$OFFSET;
    }

    /** Getter for {@code __u16 personality} */
    public static short personality(MemorySegment struct) {
        return struct.get(personality$LAYOUT, personality$OFFSET);
    }

    /** Setter for {@code __u16 personality} */
    public static void personality(MemorySegment struct, short fieldValue) {
        struct.set(personality$LAYOUT, personality$OFFSET, fieldValue);
    }

    private static final OfInt splice_fd_in$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$5"), groupElement("splice_fd_in"));
    private static final long splice_fd_in$OFFSET = 44;

    /** Layout of {@code splice_fd_in}. */
    public static OfInt splice_fd_in$layout() {
        return splice_fd_in$LAYOUT;
    }

    /** Offset of {@code splice_fd_in}. */
    public static long splice_fd_in$offset() {
        return splice_fd_in$OFFSET;
    }

    /** Getter for {@code __s32 splice_fd_in} */
    public static int splice_fd_in(MemorySegment struct) {
        return struct.get(splice_fd_in$LAYOUT, splice_fd_in$OFFSET);
    }

    /** Setter for {@code __s32 splice_fd_in} */
    public static void splice_fd_in(MemorySegment struct, int fieldValue) {
        struct.set(splice_fd_in$LAYOUT, splice_fd_in$OFFSET, fieldValue);
    }

    private static final OfInt file_index$LAYOUT = (OfInt) $LAYOUT.select(
            groupElement("$anon$5"), groupElement("file_index"));
    private static final long file_index$OFFSET = 44;

    /** Layout of {@code file_index}. */
    public static OfInt file_index$layout() {
        return file_index$LAYOUT;
    }

    /** Offset of {@code file_index}. */
    public static long file_index$offset() {
        return file_index$OFFSET;
    }

    /** Getter for {@code __u32 file_index} */
    public static int file_index(MemorySegment struct) {
        return struct.get(file_index$LAYOUT, file_index$OFFSET);
    }

    /** Setter for {@code __u32 file_index} */
    public static void file_index(MemorySegment struct, int fieldValue) {
        struct.set(file_index$LAYOUT, file_index$OFFSET, fieldValue);
    }

    private static final OfShort addr_len$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$5"), groupElement("$anon$6"), groupElement("addr_len"));
    private static final long addr_len$OFFSET = 44;

    /** Layout of {@code addr_len}. */
    public static OfShort addr_len$layout() {
        return addr_len$LAYOUT;
    }

    /** Offset of {@code addr_len}. */
    public static long addr_len$offset() {
        return addr_len$OFFSET;
    }

    /** Getter for {@code __u16 addr_len} */
    public static short addr_len(MemorySegment struct) {
        return struct.get(addr_len$LAYOUT, addr_len$OFFSET);
    }

    /** Setter for {@code __u16 addr_len} */
    public static void addr_len(MemorySegment struct, short fieldValue) {
        struct.set(addr_len$LAYOUT, addr_len$OFFSET, fieldValue);
    }

    private static final OfLong addr3$LAYOUT = (OfLong) $LAYOUT.select(
            groupElement("$anon$7"), groupElement("$anon$8"), groupElement("addr3"));
    private static final long addr3$OFFSET = 48;

    /** Layout of {@code addr3}. */
    public static OfLong addr3$layout() {
        return addr3$LAYOUT;
    }

    /** Offset of {@code addr3}. */
    public static long addr3$offset() {
        return addr3$OFFSET;
    }

    /** Getter for {@code __u64 addr3} */
    public static long addr3(MemorySegment struct) {
        return struct.get(addr3$LAYOUT, addr3$OFFSET);
    }

    /** Setter for {@code __u64 addr3} */
    public static void addr3(MemorySegment struct, long fieldValue) {
        struct.set(addr3$LAYOUT, addr3$OFFSET, fieldValue);
    }
}
