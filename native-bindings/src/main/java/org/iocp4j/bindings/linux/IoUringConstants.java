package org.iocp4j.bindings.linux;

/**
 * Constants of the io_uring interface, named and valued as in {@code <linux/io_uring.h>} (Linux 6.1 UAPI
 * headers, x86_64) plus the system call numbers from {@code <asm/unistd_64.h>}. Values the 6.1 header does
 * not have say where they come from in their documentation; the Linux conformance test checks every field
 * against the installed header, and those newer ones against their cited value.
 *
 * <p>Unsigned C values are stored in the Java type of the same width ({@code (1U << 31)} is
 * {@code 0x80000000}, negative as a Java {@code int}).
 */
public final class IoUringConstants {
    private IoUringConstants() {
    }

    // System call numbers (x86_64, <asm/unistd_64.h>)
    /** {@code __NR_io_uring_setup}: number of {@code io_uring_setup}. */
    public static final long __NR_io_uring_setup = 425L;
    /** {@code __NR_io_uring_enter}: number of {@code io_uring_enter}. */
    public static final long __NR_io_uring_enter = 426L;
    /** {@code __NR_io_uring_register}: number of {@code io_uring_register}. */
    public static final long __NR_io_uring_register = 427L;

    // io_uring_op: SQE opcodes
    /** {@code IORING_OP_NOP}: does nothing; completes with res 0. */
    public static final int IORING_OP_NOP = 0;
    /** {@code IORING_OP_READV}: vectored read ({@code preadv2}). */
    public static final int IORING_OP_READV = 1;
    /** {@code IORING_OP_WRITEV}: vectored write ({@code pwritev2}). */
    public static final int IORING_OP_WRITEV = 2;
    /** {@code IORING_OP_FSYNC}: {@code fsync}. */
    public static final int IORING_OP_FSYNC = 3;
    /** {@code IORING_OP_READ_FIXED}: read into a registered buffer. */
    public static final int IORING_OP_READ_FIXED = 4;
    /** {@code IORING_OP_WRITE_FIXED}: write from a registered buffer. */
    public static final int IORING_OP_WRITE_FIXED = 5;
    /** {@code IORING_OP_POLL_ADD}: poll a file descriptor for events. */
    public static final int IORING_OP_POLL_ADD = 6;
    /** {@code IORING_OP_POLL_REMOVE}: remove or update a poll request. */
    public static final int IORING_OP_POLL_REMOVE = 7;
    /** {@code IORING_OP_SYNC_FILE_RANGE}: {@code sync_file_range}. */
    public static final int IORING_OP_SYNC_FILE_RANGE = 8;
    /** {@code IORING_OP_SENDMSG}: {@code sendmsg}. */
    public static final int IORING_OP_SENDMSG = 9;
    /** {@code IORING_OP_RECVMSG}: {@code recvmsg}. */
    public static final int IORING_OP_RECVMSG = 10;
    /** {@code IORING_OP_TIMEOUT}: a timeout (or a CQE count) on the completion queue. */
    public static final int IORING_OP_TIMEOUT = 11;
    /** {@code IORING_OP_TIMEOUT_REMOVE}: remove or update a timeout. */
    public static final int IORING_OP_TIMEOUT_REMOVE = 12;
    /** {@code IORING_OP_ACCEPT}: {@code accept4}. */
    public static final int IORING_OP_ACCEPT = 13;
    /** {@code IORING_OP_ASYNC_CANCEL}: cancel an in-flight request. */
    public static final int IORING_OP_ASYNC_CANCEL = 14;
    /** {@code IORING_OP_LINK_TIMEOUT}: a timeout for the linked request before it. */
    public static final int IORING_OP_LINK_TIMEOUT = 15;
    /** {@code IORING_OP_CONNECT}: {@code connect}. */
    public static final int IORING_OP_CONNECT = 16;
    /** {@code IORING_OP_FALLOCATE}: {@code fallocate}. */
    public static final int IORING_OP_FALLOCATE = 17;
    /** {@code IORING_OP_OPENAT}: {@code openat}. */
    public static final int IORING_OP_OPENAT = 18;
    /** {@code IORING_OP_CLOSE}: {@code close}. */
    public static final int IORING_OP_CLOSE = 19;
    /** {@code IORING_OP_FILES_UPDATE}: update registered files. */
    public static final int IORING_OP_FILES_UPDATE = 20;
    /** {@code IORING_OP_STATX}: {@code statx}. */
    public static final int IORING_OP_STATX = 21;
    /** {@code IORING_OP_READ}: {@code pread}. */
    public static final int IORING_OP_READ = 22;
    /** {@code IORING_OP_WRITE}: {@code pwrite}. */
    public static final int IORING_OP_WRITE = 23;
    /** {@code IORING_OP_FADVISE}: {@code posix_fadvise}. */
    public static final int IORING_OP_FADVISE = 24;
    /** {@code IORING_OP_MADVISE}: {@code madvise}. */
    public static final int IORING_OP_MADVISE = 25;
    /** {@code IORING_OP_SEND}: {@code send}. */
    public static final int IORING_OP_SEND = 26;
    /** {@code IORING_OP_RECV}: {@code recv}. */
    public static final int IORING_OP_RECV = 27;
    /** {@code IORING_OP_OPENAT2}: {@code openat2}. */
    public static final int IORING_OP_OPENAT2 = 28;
    /** {@code IORING_OP_EPOLL_CTL}: {@code epoll_ctl}. */
    public static final int IORING_OP_EPOLL_CTL = 29;
    /** {@code IORING_OP_SPLICE}: {@code splice}. */
    public static final int IORING_OP_SPLICE = 30;
    /** {@code IORING_OP_PROVIDE_BUFFERS}: hand buffers to a buffer group. */
    public static final int IORING_OP_PROVIDE_BUFFERS = 31;
    /** {@code IORING_OP_REMOVE_BUFFERS}: take buffers back from a buffer group. */
    public static final int IORING_OP_REMOVE_BUFFERS = 32;
    /** {@code IORING_OP_TEE}: {@code tee}. */
    public static final int IORING_OP_TEE = 33;
    /** {@code IORING_OP_SHUTDOWN}: {@code shutdown}. */
    public static final int IORING_OP_SHUTDOWN = 34;
    /** {@code IORING_OP_RENAMEAT}: {@code renameat2}. */
    public static final int IORING_OP_RENAMEAT = 35;
    /** {@code IORING_OP_UNLINKAT}: {@code unlinkat}. */
    public static final int IORING_OP_UNLINKAT = 36;
    /** {@code IORING_OP_MKDIRAT}: {@code mkdirat}. */
    public static final int IORING_OP_MKDIRAT = 37;
    /** {@code IORING_OP_SYMLINKAT}: {@code symlinkat}. */
    public static final int IORING_OP_SYMLINKAT = 38;
    /** {@code IORING_OP_LINKAT}: {@code linkat}. */
    public static final int IORING_OP_LINKAT = 39;
    /** {@code IORING_OP_MSG_RING}: post a CQE to another ring. */
    public static final int IORING_OP_MSG_RING = 40;
    /** {@code IORING_OP_FSETXATTR}: {@code fsetxattr}. */
    public static final int IORING_OP_FSETXATTR = 41;
    /** {@code IORING_OP_SETXATTR}: {@code setxattr}. */
    public static final int IORING_OP_SETXATTR = 42;
    /** {@code IORING_OP_FGETXATTR}: {@code fgetxattr}. */
    public static final int IORING_OP_FGETXATTR = 43;
    /** {@code IORING_OP_GETXATTR}: {@code getxattr}. */
    public static final int IORING_OP_GETXATTR = 44;
    /** {@code IORING_OP_SOCKET}: {@code socket}. */
    public static final int IORING_OP_SOCKET = 45;
    /** {@code IORING_OP_URING_CMD}: a file-specific command. */
    public static final int IORING_OP_URING_CMD = 46;
    /** {@code IORING_OP_SEND_ZC}: zero-copy send. */
    public static final int IORING_OP_SEND_ZC = 47;
    /** {@code IORING_OP_SENDMSG_ZC}: zero-copy sendmsg. */
    public static final int IORING_OP_SENDMSG_ZC = 48;
    /**
     * {@code IORING_OP_READ_MULTISHOT}: multishot read with provided buffers. Newer than the 6.1 header; value from
     * torvalds/linux tools/include/uapi/linux/io_uring.h @ 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_OP_READ_MULTISHOT = 49;

    // SQE flag bit numbers (enum)
    /** {@code IOSQE_FIXED_FILE_BIT}: bit number of {@code IOSQE_FIXED_FILE}. */
    public static final int IOSQE_FIXED_FILE_BIT = 0;
    /** {@code IOSQE_IO_DRAIN_BIT}: bit number of {@code IOSQE_IO_DRAIN}. */
    public static final int IOSQE_IO_DRAIN_BIT = 1;
    /** {@code IOSQE_IO_LINK_BIT}: bit number of {@code IOSQE_IO_LINK}. */
    public static final int IOSQE_IO_LINK_BIT = 2;
    /** {@code IOSQE_IO_HARDLINK_BIT}: bit number of {@code IOSQE_IO_HARDLINK}. */
    public static final int IOSQE_IO_HARDLINK_BIT = 3;
    /** {@code IOSQE_ASYNC_BIT}: bit number of {@code IOSQE_ASYNC}. */
    public static final int IOSQE_ASYNC_BIT = 4;
    /** {@code IOSQE_BUFFER_SELECT_BIT}: bit number of {@code IOSQE_BUFFER_SELECT}. */
    public static final int IOSQE_BUFFER_SELECT_BIT = 5;
    /** {@code IOSQE_CQE_SKIP_SUCCESS_BIT}: bit number of {@code IOSQE_CQE_SKIP_SUCCESS}. */
    public static final int IOSQE_CQE_SKIP_SUCCESS_BIT = 6;

    // sqe->flags
    /** {@code IOSQE_FIXED_FILE}: {@code fd} is an index into the registered files. */
    public static final int IOSQE_FIXED_FILE = 1;
    /** {@code IOSQE_IO_DRAIN}: issue after all earlier requests completed. */
    public static final int IOSQE_IO_DRAIN = 2;
    /** {@code IOSQE_IO_LINK}: the next SQE starts only after this one completed successfully. */
    public static final int IOSQE_IO_LINK = 4;
    /** {@code IOSQE_IO_HARDLINK}: like IO_LINK, but the chain survives failure. */
    public static final int IOSQE_IO_HARDLINK = 8;
    /** {@code IOSQE_ASYNC}: always issue asynchronously. */
    public static final int IOSQE_ASYNC = 16;
    /** {@code IOSQE_BUFFER_SELECT}: pick a buffer from the group in {@code buf_group}. */
    public static final int IOSQE_BUFFER_SELECT = 32;
    /** {@code IOSQE_CQE_SKIP_SUCCESS}: post no CQE if the request succeeds. */
    public static final int IOSQE_CQE_SKIP_SUCCESS = 64;

    // io_uring_setup flags (io_uring_params.flags)
    /** {@code IORING_SETUP_IOPOLL}: busy-poll for I/O completion. */
    public static final int IORING_SETUP_IOPOLL = 1;
    /** {@code IORING_SETUP_SQPOLL}: a kernel thread polls the submission queue. */
    public static final int IORING_SETUP_SQPOLL = 2;
    /** {@code IORING_SETUP_SQ_AFF}: {@code sq_thread_cpu} is valid. */
    public static final int IORING_SETUP_SQ_AFF = 4;
    /** {@code IORING_SETUP_CQSIZE}: the application sets {@code cq_entries}. */
    public static final int IORING_SETUP_CQSIZE = 8;
    /** {@code IORING_SETUP_CLAMP}: clamp ring sizes to the maximum instead of failing. */
    public static final int IORING_SETUP_CLAMP = 16;
    /** {@code IORING_SETUP_ATTACH_WQ}: share the async worker pool of the ring in {@code wq_fd}. */
    public static final int IORING_SETUP_ATTACH_WQ = 32;
    /** {@code IORING_SETUP_R_DISABLED}: start disabled (enable with IORING_REGISTER_ENABLE_RINGS). */
    public static final int IORING_SETUP_R_DISABLED = 64;
    /** {@code IORING_SETUP_SUBMIT_ALL}: keep submitting after an SQE fails to submit. */
    public static final int IORING_SETUP_SUBMIT_ALL = 128;
    /** {@code IORING_SETUP_COOP_TASKRUN}: run completion task work at the next kernel transition instead of by IPI. */
    public static final int IORING_SETUP_COOP_TASKRUN = 256;
    /** {@code IORING_SETUP_TASKRUN_FLAG}: flag pending task work in the SQ ring flags (IORING_SQ_TASKRUN). */
    public static final int IORING_SETUP_TASKRUN_FLAG = 512;
    /** {@code IORING_SETUP_SQE128}: 128-byte SQEs. */
    public static final int IORING_SETUP_SQE128 = 1024;
    /** {@code IORING_SETUP_CQE32}: 32-byte CQEs. */
    public static final int IORING_SETUP_CQE32 = 2048;
    /** {@code IORING_SETUP_SINGLE_ISSUER}: only one task submits. */
    public static final int IORING_SETUP_SINGLE_ISSUER = 0x1000;
    /** {@code IORING_SETUP_DEFER_TASKRUN}: run task work only when the submitter waits for events. */
    public static final int IORING_SETUP_DEFER_TASKRUN = 0x2000;
    /**
     * {@code IORING_SETUP_NO_MMAP}: the application provides the ring memory. Newer than the 6.1 header; value from
     * torvalds/linux tools/include/uapi/linux/io_uring.h @ 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_SETUP_NO_MMAP = 1 << 14;
    /**
     * {@code IORING_SETUP_REGISTERED_FD_ONLY}: return a registered ring index instead of a file descriptor. Newer
     * than the 6.1 header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_SETUP_REGISTERED_FD_ONLY = 1 << 15;
    /**
     * {@code IORING_SETUP_NO_SQARRAY}: no SQ index array: SQEs are consumed in ring order. Newer than the 6.1
     * header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_SETUP_NO_SQARRAY = 1 << 16;

    // sq_ring flags
    /** {@code IORING_SQ_NEED_WAKEUP}: the SQ poll thread sleeps; enter with IORING_ENTER_SQ_WAKEUP. */
    public static final int IORING_SQ_NEED_WAKEUP = 1;
    /** {@code IORING_SQ_CQ_OVERFLOW}: the CQ ring overflowed. */
    public static final int IORING_SQ_CQ_OVERFLOW = 2;
    /** {@code IORING_SQ_TASKRUN}: task work is pending; enter the kernel. */
    public static final int IORING_SQ_TASKRUN = 4;

    // cq_ring flags
    /** {@code IORING_CQ_EVENTFD_DISABLED}: do not signal the registered eventfd. */
    public static final int IORING_CQ_EVENTFD_DISABLED = 1;

    // io_uring_enter flags
    /** {@code IORING_ENTER_GETEVENTS}: wait for {@code min_complete} completions. */
    public static final int IORING_ENTER_GETEVENTS = 1;
    /** {@code IORING_ENTER_SQ_WAKEUP}: wake the SQ poll thread. */
    public static final int IORING_ENTER_SQ_WAKEUP = 2;
    /** {@code IORING_ENTER_SQ_WAIT}: wait for room in the SQ ring (SQPOLL). */
    public static final int IORING_ENTER_SQ_WAIT = 4;
    /** {@code IORING_ENTER_EXT_ARG}: {@code arg} is a {@code struct io_uring_getevents_arg}. */
    public static final int IORING_ENTER_EXT_ARG = 8;
    /** {@code IORING_ENTER_REGISTERED_RING}: {@code fd} is a registered ring index. */
    public static final int IORING_ENTER_REGISTERED_RING = 16;

    // io_uring_params.features
    /** {@code IORING_FEAT_SINGLE_MMAP}: SQ and CQ rings share one mapping. */
    public static final int IORING_FEAT_SINGLE_MMAP = 1;
    /** {@code IORING_FEAT_NODROP}: completions are not dropped on CQ overflow. */
    public static final int IORING_FEAT_NODROP = 2;
    /** {@code IORING_FEAT_SUBMIT_STABLE}: submitted data need not stay valid after submission. */
    public static final int IORING_FEAT_SUBMIT_STABLE = 4;
    /** {@code IORING_FEAT_RW_CUR_POS}: offset -1 means the current file position. */
    public static final int IORING_FEAT_RW_CUR_POS = 8;
    /** {@code IORING_FEAT_CUR_PERSONALITY}: requests run with the submitter's credentials. */
    public static final int IORING_FEAT_CUR_PERSONALITY = 16;
    /** {@code IORING_FEAT_FAST_POLL}: internal poll for non-blocking sockets instead of a worker thread. */
    public static final int IORING_FEAT_FAST_POLL = 32;
    /** {@code IORING_FEAT_POLL_32BITS}: 32-bit poll event masks. */
    public static final int IORING_FEAT_POLL_32BITS = 64;
    /** {@code IORING_FEAT_SQPOLL_NONFIXED}: SQPOLL works without registered files. */
    public static final int IORING_FEAT_SQPOLL_NONFIXED = 128;
    /** {@code IORING_FEAT_EXT_ARG}: IORING_ENTER_EXT_ARG is supported. */
    public static final int IORING_FEAT_EXT_ARG = 256;
    /** {@code IORING_FEAT_NATIVE_WORKERS}: async workers are threads of the submitting process. */
    public static final int IORING_FEAT_NATIVE_WORKERS = 512;
    /** {@code IORING_FEAT_RSRC_TAGS}: registered resources can be tagged. */
    public static final int IORING_FEAT_RSRC_TAGS = 1024;
    /** {@code IORING_FEAT_CQE_SKIP}: IOSQE_CQE_SKIP_SUCCESS is supported. */
    public static final int IORING_FEAT_CQE_SKIP = 2048;
    /** {@code IORING_FEAT_LINKED_FILE}: files of linked requests are resolved at issue time. */
    public static final int IORING_FEAT_LINKED_FILE = 0x1000;
    /**
     * {@code IORING_FEAT_REG_REG_RING}: io_uring_register works on a registered ring index. Newer than the 6.1
     * header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_FEAT_REG_REG_RING = 1 << 13;

    // sqe->file_index
    /** {@code IORING_FILE_INDEX_ALLOC}: let the kernel pick a free direct descriptor slot. */
    public static final int IORING_FILE_INDEX_ALLOC = -1;

    // sqe->fsync_flags
    /** {@code IORING_FSYNC_DATASYNC}: {@code fdatasync} semantics. */
    public static final int IORING_FSYNC_DATASYNC = 1;

    // sqe->timeout_flags
    /** {@code IORING_TIMEOUT_ABS}: the timespec is absolute. */
    public static final int IORING_TIMEOUT_ABS = 1;
    /** {@code IORING_TIMEOUT_UPDATE}: update an existing timeout. */
    public static final int IORING_TIMEOUT_UPDATE = 2;
    /** {@code IORING_TIMEOUT_BOOTTIME}: measure against CLOCK_BOOTTIME. */
    public static final int IORING_TIMEOUT_BOOTTIME = 4;
    /** {@code IORING_TIMEOUT_REALTIME}: measure against CLOCK_REALTIME. */
    public static final int IORING_TIMEOUT_REALTIME = 8;
    /** {@code IORING_LINK_TIMEOUT_UPDATE}: update an existing linked timeout. */
    public static final int IORING_LINK_TIMEOUT_UPDATE = 16;
    /** {@code IORING_TIMEOUT_ETIME_SUCCESS}: an expired timeout completes with -ETIME as success. */
    public static final int IORING_TIMEOUT_ETIME_SUCCESS = 32;
    /**
     * {@code IORING_TIMEOUT_MULTISHOT}: the timeout repeats. Newer than the 6.1 header; value from torvalds/linux
     * tools/include/uapi/linux/io_uring.h @ 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_TIMEOUT_MULTISHOT = 1 << 6;
    /** {@code IORING_TIMEOUT_CLOCK_MASK}: the clock selection bits. */
    public static final int IORING_TIMEOUT_CLOCK_MASK = 12;
    /** {@code IORING_TIMEOUT_UPDATE_MASK}: the update selection bits. */
    public static final int IORING_TIMEOUT_UPDATE_MASK = 18;

    // sqe->splice_flags
    /** {@code SPLICE_F_FD_IN_FIXED}: {@code splice_fd_in} is a registered file index. */
    public static final int SPLICE_F_FD_IN_FIXED = 0x80000000;

    // POLL_ADD flags (sqe->len)
    /** {@code IORING_POLL_ADD_MULTI}: multishot poll. */
    public static final int IORING_POLL_ADD_MULTI = 1;
    /** {@code IORING_POLL_UPDATE_EVENTS}: update the events of an existing poll. */
    public static final int IORING_POLL_UPDATE_EVENTS = 2;
    /** {@code IORING_POLL_UPDATE_USER_DATA}: update the user_data of an existing poll. */
    public static final int IORING_POLL_UPDATE_USER_DATA = 4;
    /** {@code IORING_POLL_ADD_LEVEL}: level-triggered poll. */
    public static final int IORING_POLL_ADD_LEVEL = 8;

    // sqe->cancel_flags
    /** {@code IORING_ASYNC_CANCEL_ALL}: cancel every request that matches. */
    public static final int IORING_ASYNC_CANCEL_ALL = 1;
    /** {@code IORING_ASYNC_CANCEL_FD}: match on {@code fd} instead of user_data. */
    public static final int IORING_ASYNC_CANCEL_FD = 2;
    /** {@code IORING_ASYNC_CANCEL_ANY}: match any request. */
    public static final int IORING_ASYNC_CANCEL_ANY = 4;
    /** {@code IORING_ASYNC_CANCEL_FD_FIXED}: the {@code fd} is a registered file index. */
    public static final int IORING_ASYNC_CANCEL_FD_FIXED = 8;
    /** {@code IORING_ASYNC_CANCEL_USERDATA}: match on user_data (the default). */
    public static final int IORING_ASYNC_CANCEL_USERDATA = 16;
    /** {@code IORING_ASYNC_CANCEL_OP}: match on opcode. */
    public static final int IORING_ASYNC_CANCEL_OP = 32;

    // send/recv flags (sqe->ioprio)
    /** {@code IORING_RECVSEND_POLL_FIRST}: arm poll first instead of trying the transfer. */
    public static final int IORING_RECVSEND_POLL_FIRST = 1;
    /** {@code IORING_RECV_MULTISHOT}: multishot receive (with provided buffers). */
    public static final int IORING_RECV_MULTISHOT = 2;
    /** {@code IORING_RECVSEND_FIXED_BUF}: use the registered buffer in {@code buf_index}. */
    public static final int IORING_RECVSEND_FIXED_BUF = 4;
    /** {@code IORING_SEND_ZC_REPORT_USAGE}: report in the notification CQE whether data was copied. */
    public static final int IORING_SEND_ZC_REPORT_USAGE = 8;
    /** {@code IORING_NOTIF_USAGE_ZC_COPIED}: notification res bit: the zero-copy send copied. */
    public static final int IORING_NOTIF_USAGE_ZC_COPIED = 0x80000000;

    // accept flags (sqe->ioprio)
    /** {@code IORING_ACCEPT_MULTISHOT}: multishot accept. */
    public static final int IORING_ACCEPT_MULTISHOT = 1;

    // IORING_OP_MSG_RING
    /** {@code IORING_MSG_DATA}: MSG_RING command: post {@code len} and {@code off} as a CQE. */
    public static final int IORING_MSG_DATA = 0;
    /** {@code IORING_MSG_SEND_FD}: MSG_RING command: send a registered file to another ring. */
    public static final int IORING_MSG_SEND_FD = 1;
    /** {@code IORING_MSG_RING_CQE_SKIP}: post no CQE to the target ring. */
    public static final int IORING_MSG_RING_CQE_SKIP = 1;
    /**
     * {@code IORING_MSG_RING_FLAGS_PASS}: pass {@code file_index} through as the target CQE's flags. Newer than the
     * 6.1 header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_MSG_RING_FLAGS_PASS = 1 << 1;

    // cqe->flags
    /** {@code IORING_CQE_F_BUFFER}: the upper 16 bits of flags are the buffer ID. */
    public static final int IORING_CQE_F_BUFFER = 1;
    /** {@code IORING_CQE_F_MORE}: the request will post more CQEs (multishot). */
    public static final int IORING_CQE_F_MORE = 2;
    /** {@code IORING_CQE_F_SOCK_NONEMPTY}: the socket has more data to read. */
    public static final int IORING_CQE_F_SOCK_NONEMPTY = 4;
    /** {@code IORING_CQE_F_NOTIF}: a zero-copy notification CQE. */
    public static final int IORING_CQE_F_NOTIF = 8;
    /** {@code IORING_CQE_BUFFER_SHIFT}: shift of the buffer ID in cqe->flags. */
    public static final int IORING_CQE_BUFFER_SHIFT = 16;

    // mmap offsets
    /** {@code IORING_OFF_SQ_RING}: mmap offset of the SQ ring. */
    public static final long IORING_OFF_SQ_RING = 0L;
    /** {@code IORING_OFF_CQ_RING}: mmap offset of the CQ ring. */
    public static final long IORING_OFF_CQ_RING = 0x8000000L;
    /** {@code IORING_OFF_SQES}: mmap offset of the SQE array. */
    public static final long IORING_OFF_SQES = 0x10000000L;
    /**
     * {@code IORING_OFF_PBUF_RING}: mmap offset of a kernel-allocated buffer ring (or'ed with bgid <<
     * IORING_OFF_PBUF_SHIFT). Newer than the 6.1 header; value from torvalds/linux
     * tools/include/uapi/linux/io_uring.h @ 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final long IORING_OFF_PBUF_RING = 0x80000000L;
    /**
     * {@code IORING_OFF_PBUF_SHIFT}: shift of the buffer group ID in an IORING_OFF_PBUF_RING offset. Newer than the
     * 6.1 header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_OFF_PBUF_SHIFT = 16;
    /** {@code IORING_OFF_MMAP_MASK}: mask of the region bits of an mmap offset. */
    public static final long IORING_OFF_MMAP_MASK = 0xF8000000L;

    // io_uring_register opcodes
    /** {@code IORING_REGISTER_BUFFERS}: register buffers ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_BUFFERS = 0;
    /** {@code IORING_UNREGISTER_BUFFERS}: unregister buffers ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_BUFFERS = 1;
    /** {@code IORING_REGISTER_FILES}: register files ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_FILES = 2;
    /** {@code IORING_UNREGISTER_FILES}: unregister files ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_FILES = 3;
    /** {@code IORING_REGISTER_EVENTFD}: register eventfd ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_EVENTFD = 4;
    /** {@code IORING_UNREGISTER_EVENTFD}: unregister eventfd ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_EVENTFD = 5;
    /** {@code IORING_REGISTER_FILES_UPDATE}: register files update ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_FILES_UPDATE = 6;
    /** {@code IORING_REGISTER_EVENTFD_ASYNC}: register eventfd async ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_EVENTFD_ASYNC = 7;
    /** {@code IORING_REGISTER_PROBE}: register probe ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_PROBE = 8;
    /** {@code IORING_REGISTER_PERSONALITY}: register personality ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_PERSONALITY = 9;
    /** {@code IORING_UNREGISTER_PERSONALITY}: unregister personality ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_PERSONALITY = 10;
    /** {@code IORING_REGISTER_RESTRICTIONS}: register restrictions ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_RESTRICTIONS = 11;
    /** {@code IORING_REGISTER_ENABLE_RINGS}: register enable rings ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_ENABLE_RINGS = 12;
    /** {@code IORING_REGISTER_FILES2}: register files2 ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_FILES2 = 13;
    /** {@code IORING_REGISTER_FILES_UPDATE2}: register files update2 ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_FILES_UPDATE2 = 14;
    /** {@code IORING_REGISTER_BUFFERS2}: register buffers2 ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_BUFFERS2 = 15;
    /** {@code IORING_REGISTER_BUFFERS_UPDATE}: register buffers update ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_BUFFERS_UPDATE = 16;
    /** {@code IORING_REGISTER_IOWQ_AFF}: register iowq aff ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_IOWQ_AFF = 17;
    /** {@code IORING_UNREGISTER_IOWQ_AFF}: unregister iowq aff ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_IOWQ_AFF = 18;
    /** {@code IORING_REGISTER_IOWQ_MAX_WORKERS}: register iowq max workers ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_IOWQ_MAX_WORKERS = 19;
    /** {@code IORING_REGISTER_RING_FDS}: register ring fds ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_RING_FDS = 20;
    /** {@code IORING_UNREGISTER_RING_FDS}: unregister ring fds ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_RING_FDS = 21;
    /** {@code IORING_REGISTER_PBUF_RING}: register pbuf ring ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_PBUF_RING = 22;
    /** {@code IORING_UNREGISTER_PBUF_RING}: unregister pbuf ring ({@code io_uring_register} opcode). */
    public static final int IORING_UNREGISTER_PBUF_RING = 23;
    /** {@code IORING_REGISTER_SYNC_CANCEL}: register sync cancel ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_SYNC_CANCEL = 24;
    /** {@code IORING_REGISTER_FILE_ALLOC_RANGE}: register file alloc range ({@code io_uring_register} opcode). */
    public static final int IORING_REGISTER_FILE_ALLOC_RANGE = 25;
    /**
     * {@code IORING_REGISTER_USE_REGISTERED_RING}: or'ed into the opcode: {@code fd} is a registered ring index.
     * Newer than the 6.1 header; value from torvalds/linux tools/include/uapi/linux/io_uring.h @
     * 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IORING_REGISTER_USE_REGISTERED_RING = 1 << 31;
    /** {@code IORING_RSRC_REGISTER_SPARSE}: register an empty (sparse) table. */
    public static final int IORING_RSRC_REGISTER_SPARSE = 1;
    /** {@code IORING_REGISTER_FILES_SKIP}: file table update: leave this slot as it is. */
    public static final int IORING_REGISTER_FILES_SKIP = -2;
    /**
     * {@code IOU_PBUF_RING_MMAP}: IORING_REGISTER_PBUF_RING flag: the kernel allocates the ring; map it with
     * IORING_OFF_PBUF_RING. Newer than the 6.1 header; value from torvalds/linux
     * tools/include/uapi/linux/io_uring.h @ 512a93a93dbe739aa5f6aeb22f179dff3f89300e.
     */
    public static final int IOU_PBUF_RING_MMAP = 1;
    /** {@code IO_URING_OP_SUPPORTED}: probe: the opcode is supported. */
    public static final int IO_URING_OP_SUPPORTED = 1;
}
