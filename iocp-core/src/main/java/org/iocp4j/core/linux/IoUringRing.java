package org.iocp4j.core.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.iocp4j.bindings.linux.IoUringConstants.*;

import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.linux.Errno;
import org.iocp4j.bindings.linux.ErrnoException;
import org.iocp4j.bindings.linux.IoUring;
import org.iocp4j.bindings.linux.Libc;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.bindings.linux.__kernel_timespec;
import org.iocp4j.bindings.linux.io_cqring_offsets;
import org.iocp4j.bindings.linux.io_sqring_offsets;
import org.iocp4j.bindings.linux.io_uring_buf_reg;
import org.iocp4j.bindings.linux.io_uring_cqe;
import org.iocp4j.bindings.linux.io_uring_getevents_arg;
import org.iocp4j.bindings.linux.io_uring_params;
import org.iocp4j.bindings.linux.io_uring_sqe;
import org.iocp4j.bindings.linux.iovec;

/**
 * One io_uring instance: the submission queue (SQ), the completion queue (CQ) and the SQE array mapped
 * from the kernel, an eventfd for cross-thread wake-ups, and helpers that prepare the operations the
 * proactor uses. The Linux backend runs one ring per worker thread.
 *
 * <h2>Thread model</h2>
 * A ring is owned by the thread that opens it, and only that thread may queue SQEs, submit, wait, reap,
 * register buffers and close it; every such method checks this and throws {@link WrongThreadException}
 * otherwise. The kernel wants this too: the ring is set up with {@code IORING_SETUP_SINGLE_ISSUER} where
 * available, which makes the creating task the only one allowed to call {@code io_uring_enter}
 * (io_uring_setup(2)), and {@code IORING_SETUP_DEFER_TASKRUN} runs completion work only when that task
 * waits, so completions appear only through {@link #submitAndWait} and {@link #reap}. Because one thread
 * owns all ring state, the SQ tail, the CQ head and the other bookkeeping fields are plain fields, and the
 * ring's memory comes from a confined {@link Arena}.
 *
 * <p>The one exception is {@link #wakeup()}, callable from any thread, lock-free: it writes the eventfd
 * that a multishot {@code IORING_OP_POLL_ADD} on this ring watches, so a worker blocked in
 * {@code io_uring_enter} gets a CQE and returns. An eventfd was chosen over {@code IORING_OP_MSG_RING}
 * because the waker is any thread, which has no ring of its own to send from (and MSG_RING needs Linux
 * 5.18, eventfd polling works on every io_uring kernel).
 *
 * <h2>Memory ordering</h2>
 * The SQ and CQ rings are shared with the kernel, which runs concurrently on other CPUs (completions are
 * posted from interrupt and task-work context). The protocol is that of io_uring(7) and liburing:
 * <ul>
 * <li>SQ tail: we write SQEs, then store the tail with <b>release</b>, so that the kernel, which loads the
 * tail with acquire, sees complete SQEs.</li>
 * <li>SQ head: the kernel advances it as it consumes SQEs; we load it with <b>acquire</b> before reusing a
 * slot, so the kernel is done reading the slot we overwrite.</li>
 * <li>CQ tail: the kernel writes a CQE, then stores the tail with release; we load it with <b>acquire</b> so
 * the CQE contents are visible.</li>
 * <li>CQ head: we copy a CQE's fields out, then store the head with <b>release</b>, so the kernel does not
 * overwrite the slot before our reads are done.</li>
 * <li>SQ flags ({@code IORING_SQ_CQ_OVERFLOW}, {@code IORING_SQ_TASKRUN}): set by the kernel at any time;
 * loaded with acquire (a hint only; a stale read just costs one more or one fewer system call).</li>
 * </ul>
 * The handles are {@link java.lang.foreign.ValueLayout#varHandle() VarHandle}s on the mapped segments.
 *
 * <h2>user_data</h2>
 * Every prepare method takes the request's {@code user_data}, which comes back in its CQE. Two values are
 * reserved for the ring's own requests and rejected: {@link #WAKEUP_USER_DATA} and
 * {@link #TIMEOUT_USER_DATA}; their CQEs are consumed internally and never reach a {@link CqeHandler}.
 *
 * <p>Memory passed to a prepare method (buffers, socket addresses, {@code msghdr}) is read or written by
 * the kernel until the request completes; the caller keeps it alive and unmoved until then, and until
 * {@link #close()} has returned for requests still in flight at close.
 */
public final class IoUringRing implements AutoCloseable {
    /** {@code user_data} of the ring's wake-up poll on its eventfd. */
    public static final long WAKEUP_USER_DATA = -1L;
    /** {@code user_data} of the {@code IORING_OP_TIMEOUT} that bounds a wait on kernels without EXT_ARG. */
    public static final long TIMEOUT_USER_DATA = -2L;

    /** {@code POLLIN} from {@code <asm-generic/poll.h>}: the eventfd's counter is non-zero. */
    static final int POLLIN = 0x0001;

    /**
     * Setup flags always requested: {@code CQSIZE} so the CQ can be larger than the SQ, {@code CLAMP} so a
     * too large request is clamped to the kernel's maximum instead of failing (both Linux 5.6).
     */
    static final int BASE_SETUP_FLAGS = IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP;

    /**
     * Optional setup flags, best first; {@code io_uring_setup} fails with EINVAL on a flag the kernel does
     * not know, and the next set is tried. DEFER_TASKRUN (6.1) needs SINGLE_ISSUER (6.0); TASKRUN_FLAG needs
     * COOP_TASKRUN (5.19) or DEFER_TASKRUN; SUBMIT_ALL is 5.18.
     */
    static final int[] PREFERRED_SETUP_FLAGS = {
        IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_TASKRUN_FLAG
                | IORING_SETUP_SUBMIT_ALL,
        IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG
                | IORING_SETUP_SUBMIT_ALL,
        IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_SUBMIT_ALL,
        IORING_SETUP_SUBMIT_ALL,
        0,
    };

    /** {@code IORING_MAX_ENTRIES} of the kernel (io_uring/io_uring.h): the most SQ entries; CQ is twice that. */
    static final int MAX_SQ_ENTRIES = 32768;

    /** 32-bit ring words (head, tail, flags) at a byte offset in a mapped ring: coordinates (segment, long). */
    private static final VarHandle U32 = JAVA_INT.varHandle();

    private static final long SQE_SIZE = io_uring_sqe.sizeof();
    private static final long SQE_OPCODE = io_uring_sqe.opcode$offset();
    private static final long SQE_FLAGS = io_uring_sqe.flags$offset();
    private static final long SQE_IOPRIO = io_uring_sqe.ioprio$offset();
    private static final long SQE_FD = io_uring_sqe.fd$offset();
    private static final long SQE_OFF = io_uring_sqe.off$offset();
    private static final long SQE_ADDR2 = io_uring_sqe.addr2$offset();
    private static final long SQE_ADDR = io_uring_sqe.addr$offset();
    private static final long SQE_LEN = io_uring_sqe.len$offset();
    private static final long SQE_MSG_FLAGS = io_uring_sqe.msg_flags$offset();
    private static final long SQE_ACCEPT_FLAGS = io_uring_sqe.accept_flags$offset();
    private static final long SQE_CANCEL_FLAGS = io_uring_sqe.cancel_flags$offset();
    private static final long SQE_TIMEOUT_FLAGS = io_uring_sqe.timeout_flags$offset();
    private static final long SQE_POLL32_EVENTS = io_uring_sqe.poll32_events$offset();
    private static final long SQE_USER_DATA = io_uring_sqe.user_data$offset();
    private static final long SQE_BUF_INDEX = io_uring_sqe.buf_index$offset();
    private static final long SQE_BUF_GROUP = io_uring_sqe.buf_group$offset();

    private static final long CQE_USER_DATA = io_uring_cqe.user_data$offset();
    private static final long CQE_RES = io_uring_cqe.res$offset();
    private static final long CQE_FLAGS = io_uring_cqe.flags$offset();

    /** The 8-byte counter increment {@link #wakeup()} writes to the eventfd; written once, then only read. */
    private static final MemorySegment EVENTFD_ONE = Arena.global().allocate(JAVA_LONG);

    static {
        EVENTFD_ONE.set(JAVA_LONG, 0, 1L);
    }

    /**
     * errno capture blocks of waking threads: {@link #wakeup()} runs on any thread, and two wakers may be in
     * {@code write} at once, so each needs its own. Auto arena: the block lives as long as its thread uses it.
     */
    private static final ThreadLocal<MemorySegment> WAKER_CALL_STATE =
            ThreadLocal.withInitial(() -> CallState.allocate(Arena.ofAuto()));

    private final Thread owner;
    private final Arena arena;
    private final MemorySegment callState;
    /** The eventfd {@link #wakeup()} writes; final so that other threads see it without synchronisation. */
    private final int eventFd;
    private final MemorySegment eventFdValue;
    private final boolean useExtArg;
    private final MemorySegment waitTimespec;
    private final MemorySegment waitArg;

    private int ringFd = -1;
    private MemorySegment sqRing;
    private MemorySegment cqRing;
    private MemorySegment sqes;

    private int setupFlags;
    private int features;
    private int sqEntries;
    private int cqEntries;
    private int sqMask;
    private int cqMask;
    private long sqHeadOff;
    private long sqTailOff;
    private long sqFlagsOff;
    private long cqHeadOff;
    private long cqTailOff;
    private long cqesOff;
    private long cqeSize;

    /** Next free SQE slot (free-running counter); published to the kernel's SQ tail by {@link #submit}. */
    private int sqeTail;
    /** Last SQ head loaded from the kernel; slots before it are free again. */
    private int sqHeadSeen;
    /** Our CQ head (free-running), the last value stored to the kernel's CQ head. */
    private int cqHead;
    private boolean reaping;
    private boolean wakeupArmed;
    private boolean closed;

    /** A wake-up has been written to the eventfd and its CQE not yet consumed: later ones coalesce into it. */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Threads inside {@link #wakeup()}; {@link #close()} waits for 0 before closing the eventfd. */
    private final AtomicInteger wakersInFlight = new AtomicInteger();
    /** Set by {@link #close()} before it waits for {@link #wakersInFlight}; volatile for that handshake. */
    private volatile boolean wakeClosed;

    /**
     * Sets up a ring owned by the calling thread.
     *
     * @param entries   SQ size (rounded up to a power of two by the kernel, clamped to its maximum)
     * @param cqEntries CQ size, at least {@code entries} (rounded and clamped likewise)
     * @return the ring, with its wake-up poll armed
     * @throws IoUringUnavailableException io_uring cannot be used in this process; the message says why
     * @throws ErrnoException              another failure of {@code io_uring_setup}, {@code mmap},
     *                                     {@code eventfd} or {@code io_uring_enter}
     */
    public static IoUringRing open(int entries, int cqEntries) throws IoUringUnavailableException, ErrnoException {
        return new IoUringRing(entries, cqEntries, true);
    }

    /**
     * @param useExtArg bound waits with {@code IORING_ENTER_EXT_ARG} where the kernel has it; {@code false}
     *                  forces the {@code IORING_OP_TIMEOUT} fallback (for tests of that path)
     */
    IoUringRing(int entries, int cqEntries, boolean useExtArg) throws IoUringUnavailableException, ErrnoException {
        if (entries < 1 || entries > MAX_SQ_ENTRIES) {
            throw new IllegalArgumentException("entries must be 1.." + MAX_SQ_ENTRIES + ": " + entries);
        }
        if (cqEntries < entries) {
            throw new IllegalArgumentException("cqEntries (" + cqEntries + ") must be at least entries (" + entries
                    + ")");
        }
        owner = Thread.currentThread();
        arena = Arena.ofConfined();
        callState = CallState.allocate(arena);
        eventFdValue = arena.allocate(JAVA_LONG);
        waitTimespec = __kernel_timespec.allocate(arena);
        waitArg = io_uring_getevents_arg.allocate(arena);
        io_uring_getevents_arg.ts(waitArg, waitTimespec.address());
        eventFd = Libc.eventfd(callState, 0, LinuxConstants.EFD_NONBLOCK | LinuxConstants.EFD_CLOEXEC);
        if (eventFd < 0) {
            ErrnoException e = ErrnoException.of("eventfd", callState);
            arena.close();
            throw e;
        }
        boolean ready = false;
        try {
            MemorySegment params = io_uring_params.allocate(arena);
            setup(entries, cqEntries, params);
            map(params);
            this.useExtArg = useExtArg && (features & IORING_FEAT_EXT_ARG) != 0;
            armWakeup();
            submit();
            ready = true;
        } finally {
            if (!ready) {
                release();
            }
        }
    }

    private void setup(int entries, int cqSize, MemorySegment params)
            throws IoUringUnavailableException, ErrnoException {
        int errno = 0;
        for (int optional : PREFERRED_SETUP_FLAGS) {
            params.fill((byte) 0);
            io_uring_params.flags(params, BASE_SETUP_FLAGS | optional);
            io_uring_params.cq_entries(params, cqSize);
            int fd = IoUring.io_uring_setup(callState, entries, params);
            if (fd >= 0) {
                ringFd = fd;
                setupFlags = io_uring_params.flags(params);
                return;
            }
            errno = CallState.errno(callState);
            if (errno != Errno.EINVAL) {
                break;
            }
        }
        if (IoUringUnavailableException.isUnavailable(errno)) {
            throw IoUringUnavailableException.of(errno);
        }
        throw ErrnoException.of("io_uring_setup", errno);
    }

    private void map(MemorySegment params) throws ErrnoException {
        features = io_uring_params.features(params);
        sqEntries = io_uring_params.sq_entries(params);
        cqEntries = io_uring_params.cq_entries(params);
        MemorySegment sqOff = io_uring_params.sq_off(params);
        MemorySegment cqOff = io_uring_params.cq_off(params);
        cqeSize = io_uring_cqe.sizeof(setupFlags);
        long sqSize = io_sqring_offsets.array(sqOff) + 4L * sqEntries;
        long cqSize = io_cqring_offsets.cqes(cqOff) + cqeSize * cqEntries;
        if ((features & IORING_FEAT_SINGLE_MMAP) != 0) {
            sqRing = mmap(Math.max(sqSize, cqSize), IORING_OFF_SQ_RING);
            cqRing = sqRing;
        } else {
            sqRing = mmap(sqSize, IORING_OFF_SQ_RING);
            cqRing = mmap(cqSize, IORING_OFF_CQ_RING);
        }
        sqes = mmap(SQE_SIZE * sqEntries, IORING_OFF_SQES);

        sqHeadOff = io_sqring_offsets.head(sqOff);
        sqTailOff = io_sqring_offsets.tail(sqOff);
        sqFlagsOff = io_sqring_offsets.flags(sqOff);
        sqMask = sqRing.get(JAVA_INT, io_sqring_offsets.ring_mask(sqOff));
        cqHeadOff = io_cqring_offsets.head(cqOff);
        cqTailOff = io_cqring_offsets.tail(cqOff);
        cqesOff = io_cqring_offsets.cqes(cqOff);
        cqMask = cqRing.get(JAVA_INT, io_cqring_offsets.ring_mask(cqOff));

        // The SQ index array maps ring slot i to SQE i once and for all, so nextSqe never touches it.
        long array = io_sqring_offsets.array(sqOff);
        for (int i = 0; i < sqEntries; i++) {
            sqRing.set(JAVA_INT, array + 4L * i, i);
        }
        sqeTail = (int) U32.getAcquire(sqRing, sqTailOff);
        sqHeadSeen = (int) U32.getAcquire(sqRing, sqHeadOff);
        cqHead = (int) U32.getAcquire(cqRing, cqHeadOff);
    }

    /** A shared mapping of the ring region at {@code offset}, bound to the arena so that use after close fails. */
    private MemorySegment mmap(long size, long offset) throws ErrnoException {
        MemorySegment m = Libc.mmap(callState, MemorySegment.NULL, size,
                LinuxConstants.PROT_READ | LinuxConstants.PROT_WRITE,
                LinuxConstants.MAP_SHARED | LinuxConstants.MAP_POPULATE, ringFd, offset);
        if (m.address() == LinuxConstants.MAP_FAILED) {
            throw ErrnoException.of("mmap", callState);
        }
        return m.reinterpret(size, arena, null);
    }

    // ---------------------------------------------------------------- accessors

    /** The ring's file descriptor. */
    public int fd() {
        return ringFd;
    }

    /** SQ size the kernel granted ({@code io_uring_params.sq_entries}). */
    public int sqEntries() {
        return sqEntries;
    }

    /** CQ size the kernel granted ({@code io_uring_params.cq_entries}). */
    public int cqEntries() {
        return cqEntries;
    }

    /** The {@code IORING_SETUP_*} flags the ring was set up with (the first set the kernel accepted). */
    public int setupFlags() {
        return setupFlags;
    }

    /** The {@code IORING_FEAT_*} flags the kernel reported. */
    public int features() {
        return features;
    }

    /** Whether waits are bounded with {@code IORING_ENTER_EXT_ARG} (else with a TIMEOUT SQE). */
    public boolean usesExtArg() {
        return useExtArg;
    }

    /** The SQ ring flags ({@code IORING_SQ_CQ_OVERFLOW}, {@code IORING_SQ_TASKRUN}) as the kernel last set them. */
    int sqFlags() {
        ensureUsable();
        return (int) U32.getAcquire(sqRing, sqFlagsOff);
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The mapped SQE array; {@link #nextSqe()} returns byte offsets into it, to be written through the
     * {@link io_uring_sqe} field offsets.
     */
    public MemorySegment sqes() {
        ensureUsable();
        return sqes;
    }

    // ---------------------------------------------------------------- SQEs

    /**
     * Takes the next free SQE, zeroed, and queues it: it goes to the kernel with the next {@link #submit} or
     * {@link #submitAndWait}. When the SQ is full the queued SQEs are submitted first.
     *
     * @return the SQE's byte offset in {@link #sqes()}
     * @throws IllegalStateException the SQ is full and the kernel accepted none of it (reap, then retry)
     */
    public long nextSqe() throws ErrnoException {
        ensureUsable();
        if (sqeTail - sqHeadSeen == sqEntries) {
            sqHeadSeen = (int) U32.getAcquire(sqRing, sqHeadOff);
            if (sqeTail - sqHeadSeen == sqEntries) {
                submit();
                sqHeadSeen = (int) U32.getAcquire(sqRing, sqHeadOff);
                if (sqeTail - sqHeadSeen == sqEntries) {
                    throw new IllegalStateException("io_uring submission queue full: the kernel accepted none of the "
                            + sqEntries + " queued SQEs; reap completions before queueing more");
                }
            }
        }
        long sqe = (sqeTail & sqMask) * SQE_SIZE;
        for (long b = 0; b < SQE_SIZE; b += Long.BYTES) {
            sqes.set(JAVA_LONG, sqe + b, 0L);
        }
        sqeTail++;
        return sqe;
    }

    /** Queues an SQE with the fields every request has; returns its offset. */
    private long prep(int opcode, int fd, long addr, int len, long off, long userData) throws ErrnoException {
        if (userData == WAKEUP_USER_DATA || userData == TIMEOUT_USER_DATA) {
            throw new IllegalArgumentException("user_data " + userData + " is reserved by IoUringRing");
        }
        return prepInternal(opcode, fd, addr, len, off, userData);
    }

    private long prepInternal(int opcode, int fd, long addr, int len, long off, long userData)
            throws ErrnoException {
        long sqe = nextSqe();
        sqes.set(JAVA_BYTE, sqe + SQE_OPCODE, (byte) opcode);
        sqes.set(JAVA_INT, sqe + SQE_FD, fd);
        sqes.set(JAVA_LONG, sqe + SQE_ADDR, addr);
        sqes.set(JAVA_INT, sqe + SQE_LEN, len);
        sqes.set(JAVA_LONG, sqe + SQE_OFF, off);
        sqes.set(JAVA_LONG, sqe + SQE_USER_DATA, userData);
        return sqe;
    }

    /** Address of native memory the kernel will access; a heap segment has none. */
    private static long address(MemorySegment segment, String what) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException(what + " must be native memory, not " + segment);
        }
        return segment.address();
    }

    /** An SQE {@code len} (u32, kept to a non-negative int) for a buffer. */
    private static int length(MemorySegment buffer, String what) {
        if (buffer.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " is larger than " + Integer.MAX_VALUE + " bytes: "
                    + buffer.byteSize());
        }
        return (int) buffer.byteSize();
    }

    /** {@code IORING_OP_NOP}: completes with res 0. */
    public long prepNop(long userData) throws ErrnoException {
        return prep(IORING_OP_NOP, -1, 0, 0, 0, userData);
    }

    /**
     * {@code IORING_OP_ACCEPT}: {@code accept4(fd, addr, addrLen, flags)}; res is the new socket.
     *
     * @param addr    receives the peer address, or {@link MemorySegment#NULL}
     * @param addrLen a {@code socklen_t} holding the size of {@code addr}, or NULL with a NULL addr
     * @param flags   {@code SOCK_NONBLOCK}, {@code SOCK_CLOEXEC}
     */
    public long prepAccept(int fd, MemorySegment addr, MemorySegment addrLen, int flags, long userData)
            throws ErrnoException {
        long sqe = prep(IORING_OP_ACCEPT, fd, address(addr, "addr"), 0, address(addrLen, "addrLen"), userData);
        sqes.set(JAVA_INT, sqe + SQE_ACCEPT_FLAGS, flags);
        return sqe;
    }

    /**
     * Multishot {@code IORING_OP_ACCEPT} (Linux 5.19): one CQE per accepted connection, each with
     * {@code IORING_CQE_F_MORE} while the request stays armed. {@code addr} is overwritten by every accept,
     * so it is usually NULL.
     */
    public long prepMultishotAccept(int fd, MemorySegment addr, MemorySegment addrLen, int flags, long userData)
            throws ErrnoException {
        long sqe = prepAccept(fd, addr, addrLen, flags, userData);
        sqes.set(JAVA_SHORT, sqe + SQE_IOPRIO, (short) IORING_ACCEPT_MULTISHOT);
        return sqe;
    }

    /** {@code IORING_OP_CONNECT}: {@code connect(fd, addr, addrLen)}; res 0 on success. */
    public long prepConnect(int fd, MemorySegment addr, int addrLen, long userData) throws ErrnoException {
        return prep(IORING_OP_CONNECT, fd, address(addr, "addr"), 0, addrLen, userData);
    }

    /** {@code IORING_OP_RECV} into {@code buffer} (its whole size); res is the byte count, 0 at end of stream. */
    public long prepRecv(int fd, MemorySegment buffer, int msgFlags, long userData) throws ErrnoException {
        return prepTransfer(IORING_OP_RECV, fd, buffer, msgFlags, userData);
    }

    /**
     * {@code IORING_OP_RECV} into a buffer the kernel picks from provided-buffer group {@code bgid}
     * ({@code IOSQE_BUFFER_SELECT}); the CQE carries {@code IORING_CQE_F_BUFFER} and the buffer id.
     *
     * @param maxLen    at most this many bytes, 0 for the whole buffer (must be 0 when multishot)
     * @param multishot {@code IORING_RECV_MULTISHOT} (Linux 6.0): one CQE per receive, with
     *                  {@code IORING_CQE_F_MORE} while armed
     */
    public long prepRecvBufferSelect(int fd, int bgid, int maxLen, int msgFlags, boolean multishot, long userData)
            throws ErrnoException {
        long sqe = prep(IORING_OP_RECV, fd, 0, maxLen, 0, userData);
        sqes.set(JAVA_INT, sqe + SQE_MSG_FLAGS, msgFlags);
        sqes.set(JAVA_BYTE, sqe + SQE_FLAGS, (byte) IOSQE_BUFFER_SELECT);
        sqes.set(JAVA_SHORT, sqe + SQE_BUF_GROUP, (short) bgid);
        if (multishot) {
            sqes.set(JAVA_SHORT, sqe + SQE_IOPRIO, (short) IORING_RECV_MULTISHOT);
        }
        return sqe;
    }

    /** {@code IORING_OP_SEND} of {@code buffer} (its whole size); res is the byte count sent. */
    public long prepSend(int fd, MemorySegment buffer, int msgFlags, long userData) throws ErrnoException {
        return prepTransfer(IORING_OP_SEND, fd, buffer, msgFlags, userData);
    }

    private long prepTransfer(int opcode, int fd, MemorySegment buffer, int msgFlags, long userData)
            throws ErrnoException {
        long sqe = prep(opcode, fd, address(buffer, "buffer"), length(buffer, "buffer"), 0, userData);
        sqes.set(JAVA_INT, sqe + SQE_MSG_FLAGS, msgFlags);
        return sqe;
    }

    /** {@code IORING_OP_SENDMSG}: {@code sendmsg(fd, msghdr, msgFlags)}. */
    public long prepSendmsg(int fd, MemorySegment msghdr, int msgFlags, long userData) throws ErrnoException {
        return prepMsg(IORING_OP_SENDMSG, fd, msghdr, msgFlags, userData);
    }

    /** {@code IORING_OP_RECVMSG}: {@code recvmsg(fd, msghdr, msgFlags)}. */
    public long prepRecvmsg(int fd, MemorySegment msghdr, int msgFlags, long userData) throws ErrnoException {
        return prepMsg(IORING_OP_RECVMSG, fd, msghdr, msgFlags, userData);
    }

    private long prepMsg(int opcode, int fd, MemorySegment msghdr, int msgFlags, long userData)
            throws ErrnoException {
        // len 1: one msghdr, as liburing's io_uring_prep_sendmsg/recvmsg set it
        long sqe = prep(opcode, fd, address(msghdr, "msghdr"), 1, 0, userData);
        sqes.set(JAVA_INT, sqe + SQE_MSG_FLAGS, msgFlags);
        return sqe;
    }

    /** {@code IORING_OP_READ}: {@code pread(fd, buffer, size, offset)}; offset -1 for the file position. */
    public long prepRead(int fd, MemorySegment buffer, long offset, long userData) throws ErrnoException {
        return prep(IORING_OP_READ, fd, address(buffer, "buffer"), length(buffer, "buffer"), offset, userData);
    }

    /** {@code IORING_OP_WRITE}: {@code pwrite(fd, buffer, size, offset)}; offset -1 for the file position. */
    public long prepWrite(int fd, MemorySegment buffer, long offset, long userData) throws ErrnoException {
        return prep(IORING_OP_WRITE, fd, address(buffer, "buffer"), length(buffer, "buffer"), offset, userData);
    }

    /**
     * {@code IORING_OP_READ_FIXED} into {@code buffer}, which lies inside buffer {@code bufIndex} registered
     * with {@link #registerBuffers}.
     */
    public long prepReadFixed(int fd, MemorySegment buffer, long offset, int bufIndex, long userData)
            throws ErrnoException {
        long sqe = prep(IORING_OP_READ_FIXED, fd, address(buffer, "buffer"), length(buffer, "buffer"), offset,
                userData);
        sqes.set(JAVA_SHORT, sqe + SQE_BUF_INDEX, (short) bufIndex);
        return sqe;
    }

    /**
     * {@code IORING_OP_WRITE_FIXED} from {@code buffer}, which lies inside buffer {@code bufIndex} registered
     * with {@link #registerBuffers}.
     */
    public long prepWriteFixed(int fd, MemorySegment buffer, long offset, int bufIndex, long userData)
            throws ErrnoException {
        long sqe = prep(IORING_OP_WRITE_FIXED, fd, address(buffer, "buffer"), length(buffer, "buffer"), offset,
                userData);
        sqes.set(JAVA_SHORT, sqe + SQE_BUF_INDEX, (short) bufIndex);
        return sqe;
    }

    /**
     * {@code IORING_OP_ASYNC_CANCEL} of the request(s) whose user_data is {@code target}. Its own res is 0
     * when one was found and cancelled, -ENOENT when none, -EALREADY when it was already running; the
     * cancelled request completes with -ECANCELED.
     *
     * @param cancelFlags {@code IORING_ASYNC_CANCEL_ALL}, ... (0 for the first match)
     */
    public long prepAsyncCancel(long target, int cancelFlags, long userData) throws ErrnoException {
        long sqe = prep(IORING_OP_ASYNC_CANCEL, -1, target, 0, 0, userData);
        sqes.set(JAVA_INT, sqe + SQE_CANCEL_FLAGS, cancelFlags);
        return sqe;
    }

    /**
     * {@code IORING_OP_TIMEOUT} under the ring's reserved {@code user_data}: completes with -ETIME when
     * {@code timespec} (a {@link __kernel_timespec}, read when the SQE is submitted) elapses, or with 0 once
     * {@code count} other completions were posted (0: time only).
     */
    private long prepTimeoutSqe(long timespec, int count, int timeoutFlags, long userData) throws ErrnoException {
        long sqe = prepInternal(IORING_OP_TIMEOUT, -1, timespec, 1, count, userData);
        sqes.set(JAVA_INT, sqe + SQE_TIMEOUT_FLAGS, timeoutFlags);
        return sqe;
    }

    /** {@code IORING_OP_CLOSE} of {@code fd}. */
    public long prepClose(int fd, long userData) throws ErrnoException {
        return prep(IORING_OP_CLOSE, fd, 0, 0, 0, userData);
    }

    /**
     * {@code IORING_OP_POLL_ADD} under the ring's reserved {@code user_data}: completes when {@code fd} has one
     * of {@code events} ({@code POLLIN}, ...), res the events present; multishot ({@code IORING_POLL_ADD_MULTI},
     * Linux 5.13) posts a CQE with {@code IORING_CQE_F_MORE} per readiness.
     */
    private long prepPoll(int fd, int events, boolean multishot, long userData) throws ErrnoException {
        int len = multishot ? IORING_POLL_ADD_MULTI : 0;
        long sqe = prepInternal(IORING_OP_POLL_ADD, fd, 0, len, 0, userData);
        // poll32_events is little-endian on x86_64, as the kernel expects (liburing swaps on big-endian)
        sqes.set(JAVA_INT, sqe + SQE_POLL32_EVENTS, events);
        return sqe;
    }

    // ---------------------------------------------------------------- submit, wait, reap

    /** SQEs published to the kernel but not yet consumed, after publishing the queued ones. */
    private int publish() {
        // release: the SQE contents written in nextSqe/prep are visible before the tail that exposes them
        U32.setRelease(sqRing, sqTailOff, sqeTail);
        sqHeadSeen = (int) U32.getAcquire(sqRing, sqHeadOff);
        return sqeTail - sqHeadSeen;
    }

    /**
     * Submits the queued SQEs without waiting.
     *
     * @return how many the kernel consumed; 0 also when it is busy (CQ overflow, EAGAIN): the SQEs stay
     *         queued for the next submit, after a reap
     */
    public int submit() throws ErrnoException {
        ensureUsable();
        int pending = publish();
        if (pending == 0) {
            return 0;
        }
        while (true) {
            int r = IoUring.io_uring_enter(callState, ringFd, pending, 0, 0, MemorySegment.NULL, 0);
            if (r >= 0) {
                sqHeadSeen = (int) U32.getAcquire(sqRing, sqHeadOff);
                return r;
            }
            int errno = CallState.errno(callState);
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EBUSY || errno == Errno.EAGAIN) {
                return 0;
            }
            throw ErrnoException.of("io_uring_enter", errno);
        }
    }

    /**
     * Submits the queued SQEs, waits until at least {@code minComplete} CQEs are posted, the timeout elapses,
     * {@link #wakeup()} is called or a signal arrives, then delivers every available CQE to {@code handler}.
     * The ring's own CQEs (wake-up, wait timeout) count towards {@code minComplete} but are not delivered,
     * so a wake-up returns with 0.
     *
     * <p>{@code EBUSY}/{@code EAGAIN} from {@code io_uring_enter} (CQ overflow, kernel short of memory) are
     * handled by reaping and retrying once; {@code ETIME} (timeout) and {@code EINTR} end the wait normally.
     *
     * @param timeoutNanos the longest wait; 0 to not wait, negative to wait without a timeout
     * @return the number of CQEs delivered
     */
    public int submitAndWait(int minComplete, long timeoutNanos, CqeHandler handler) throws ErrnoException {
        ensureUsable();
        if (minComplete < 0) {
            throw new IllegalArgumentException("minComplete must not be negative: " + minComplete);
        }
        int wait = timeoutNanos == 0 ? 0 : minComplete;
        int flags = IORING_ENTER_GETEVENTS;
        MemorySegment arg = MemorySegment.NULL;
        long argSize = 0;
        if (wait > 0 && timeoutNanos > 0) {
            __kernel_timespec.tv_sec(waitTimespec, timeoutNanos / 1_000_000_000L);
            __kernel_timespec.tv_nsec(waitTimespec, timeoutNanos % 1_000_000_000L);
            if (useExtArg) {
                flags |= IORING_ENTER_EXT_ARG;
                arg = waitArg;
                argSize = io_uring_getevents_arg.sizeof();
            } else {
                // The kernel copies the timespec when it consumes the SQE, within this very enter call.
                prepTimeoutSqe(waitTimespec.address(), wait, 0, TIMEOUT_USER_DATA);
            }
        }
        int delivered = 0;
        for (boolean retried = false; ; retried = true) {
            int r = IoUring.io_uring_enter(callState, ringFd, publish(), wait, flags, arg, argSize);
            if (r >= 0) {
                break;
            }
            int errno = CallState.errno(callState);
            if (errno == Errno.ETIME || errno == Errno.EINTR) {
                break;
            }
            if ((errno == Errno.EBUSY || errno == Errno.EAGAIN) && !retried) {
                delivered += reap(handler);
                wait = Math.max(0, wait - delivered);
                continue;
            }
            if (errno == Errno.EBUSY || errno == Errno.EAGAIN) {
                break;
            }
            throw ErrnoException.of("io_uring_enter", errno);
        }
        return delivered + reap(handler);
    }

    /**
     * Delivers every CQE available now to {@code handler}. Where the kernel flags pending task work or a CQ
     * overflow ({@code IORING_SQ_TASKRUN}, {@code IORING_SQ_CQ_OVERFLOW} in the SQ flags) it enters with
     * {@code IORING_ENTER_GETEVENTS} and no wait to have those CQEs posted, and delivers them too.
     *
     * @return the number of CQEs delivered
     * @throws IllegalStateException called from a {@link CqeHandler}
     */
    public int reap(CqeHandler handler) throws ErrnoException {
        ensureUsable();
        if (reaping) {
            throw new IllegalStateException("IoUringRing.reap re-entered from a CqeHandler");
        }
        reaping = true;
        try {
            int total = drain(handler);
            while ((sqFlags() & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0) {
                flushCompletions();
                int more = drain(handler);
                if (more == 0) {
                    break;
                }
                total += more;
            }
            return total;
        } finally {
            reaping = false;
        }
    }

    /** {@code io_uring_enter(GETEVENTS, min_complete 0)}: runs task work, moves overflowed CQEs into the CQ. */
    private void flushCompletions() throws ErrnoException {
        int r = IoUring.io_uring_enter(callState, ringFd, 0, 0, IORING_ENTER_GETEVENTS, MemorySegment.NULL, 0);
        if (r < 0) {
            int errno = CallState.errno(callState);
            if (errno != Errno.EINTR && errno != Errno.EBUSY && errno != Errno.EAGAIN) {
                throw ErrnoException.of("io_uring_enter", errno);
            }
        }
    }

    /** Delivers the CQEs between our head and the kernel's tail. */
    private int drain(CqeHandler handler) throws ErrnoException {
        // acquire: the CQEs up to this tail were written before the kernel released it
        int tail = (int) U32.getAcquire(cqRing, cqTailOff);
        int delivered = 0;
        while (cqHead != tail) {
            long cqe = cqesOff + (cqHead & cqMask) * cqeSize;
            long userData = cqRing.get(JAVA_LONG, cqe + CQE_USER_DATA);
            int res = cqRing.get(JAVA_INT, cqe + CQE_RES);
            int flags = cqRing.get(JAVA_INT, cqe + CQE_FLAGS);
            cqHead++;
            // release, per CQE: the slot is copied out, so the kernel may reuse it; handing it back before
            // the handler runs leaves the handler the whole CQ room for what it submits
            U32.setRelease(cqRing, cqHeadOff, cqHead);
            if (userData == WAKEUP_USER_DATA) {
                consumeWakeup(flags);
            } else if (userData != TIMEOUT_USER_DATA) {
                handler.onCqe(userData, res, flags);
                delivered++;
            }
        }
        return delivered;
    }

    // ---------------------------------------------------------------- wake-up

    /** Queues the multishot poll on the eventfd; it goes in with the next submission. */
    private void armWakeup() throws ErrnoException {
        prepPoll(eventFd, POLLIN, true, WAKEUP_USER_DATA);
        wakeupArmed = true;
    }

    private void consumeWakeup(int cqeFlags) throws ErrnoException {
        if ((cqeFlags & IORING_CQE_F_MORE) == 0) {
            // the multishot poll ended (cancelled, or its CQE overflowed): arm a new one
            wakeupArmed = false;
        }
        // Clear before draining: a wakeup() after this store writes the eventfd again and gets its own CQE;
        // draining first could swallow the write of a waker that found the flag still set and skipped it.
        wakePending.set(false);
        // The multishot poll fires per write, not per non-zero count, so this read is not what re-enables it;
        // it resets the counter so that a re-armed poll does not fire at once on old wake-ups. Non-blocking
        // eventfd: EAGAIN when already drained, which is fine.
        Libc.read(callState, eventFd, eventFdValue, Long.BYTES);
        if (!wakeupArmed) {
            armWakeup();
        }
    }

    /**
     * Makes the owner's current or next wait return: callable from any thread, lock-free, and cheap when a
     * wake-up is already pending (coalesced: one CQE for any number of calls before the owner consumes it).
     * A no-op once the ring is closing.
     *
     * @throws UncheckedIOException the eventfd write failed (the ErrnoException is the cause)
     */
    public void wakeup() {
        if (wakePending.get()) {
            return;
        }
        // Announce ourselves before reading wakeClosed: close() sets wakeClosed and then waits for
        // wakersInFlight to drain (both sequentially consistent), so either we see wakeClosed or close sees us
        // and keeps the eventfd open until our write is done; a closed, reused descriptor is never written.
        wakersInFlight.incrementAndGet();
        try {
            if (!wakeClosed && wakePending.compareAndSet(false, true)) {
                MemorySegment state = WAKER_CALL_STATE.get();
                if (Libc.write(state, eventFd, EVENTFD_ONE, Long.BYTES) != Long.BYTES) {
                    wakePending.set(false);
                    throw new UncheckedIOException(ErrnoException.of("write(eventfd)", state));
                }
            }
        } finally {
            wakersInFlight.decrementAndGet();
        }
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers buffers for {@link #prepReadFixed}/{@link #prepWriteFixed} ({@code IORING_REGISTER_BUFFERS});
     * buffer {@code i} gets index {@code i}. They stay pinned until {@link #unregisterBuffers} or close.
     */
    public void registerBuffers(MemorySegment... buffers) throws ErrnoException {
        ensureUsable();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment iov = iovec.allocateArray(buffers.length, call);
            for (int i = 0; i < buffers.length; i++) {
                MemorySegment entry = iovec.asSlice(iov, i);
                address(buffers[i], "buffer " + i);
                iovec.iov_base(entry, buffers[i]);
                iovec.iov_len(entry, buffers[i].byteSize());
            }
            register(IORING_REGISTER_BUFFERS, iov, buffers.length, "IORING_REGISTER_BUFFERS");
        }
    }

    /** Unregisters the buffers of {@link #registerBuffers} ({@code IORING_UNREGISTER_BUFFERS}). */
    public void unregisterBuffers() throws ErrnoException {
        ensureUsable();
        register(IORING_UNREGISTER_BUFFERS, MemorySegment.NULL, 0, "IORING_UNREGISTER_BUFFERS");
    }

    /**
     * Registers a provided-buffer ring ({@code IORING_REGISTER_PBUF_RING}, Linux 5.19) for buffer group
     * {@code bgid} over {@code ringMemory}, which the caller keeps alive until the group is unregistered or
     * the ring closed.
     *
     * @param ringMemory native, page-aligned, at least {@code entries * sizeof(struct io_uring_buf)} bytes;
     *                   zeroed here
     * @param entries    a power of two, 1..32768
     * @throws UnsupportedOperationException the kernel has no provided-buffer rings (EINVAL)
     * @throws ErrnoException                another failure, e.g. EEXIST for a bgid in use
     */
    public ProvidedBufferRing registerBufferRing(int bgid, MemorySegment ringMemory, int entries)
            throws ErrnoException {
        ensureUsable();
        MemorySegment ring = ProvidedBufferRing.checkRingMemory(bgid, ringMemory, entries);
        ring.fill((byte) 0);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment reg = io_uring_buf_reg.allocate(call);
            io_uring_buf_reg.ring_addr(reg, ring.address());
            io_uring_buf_reg.ring_entries(reg, entries);
            io_uring_buf_reg.bgid(reg, (short) bgid);
            int r = IoUring.io_uring_register(callState, ringFd, IORING_REGISTER_PBUF_RING, reg, 1);
            if (r < 0) {
                ErrnoException e = ErrnoException.of("io_uring_register(IORING_REGISTER_PBUF_RING)", callState);
                if (e.errno() == Errno.EINVAL) {
                    throw new UnsupportedOperationException(e.getMessage() + ": this kernel has no provided-buffer"
                            + " rings (Linux 5.19+); use plain buffers instead", e);
                }
                throw e;
            }
        }
        return new ProvidedBufferRing(this, bgid, ring, entries);
    }

    /** {@code IORING_UNREGISTER_PBUF_RING} of group {@code bgid}. */
    void unregisterBufferRing(int bgid) throws ErrnoException {
        ensureUsable();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment reg = io_uring_buf_reg.allocate(call);
            io_uring_buf_reg.bgid(reg, (short) bgid);
            register(IORING_UNREGISTER_PBUF_RING, reg, 1, "IORING_UNREGISTER_PBUF_RING");
        }
    }

    private void register(int opcode, MemorySegment arg, int count, String name) throws ErrnoException {
        if (IoUring.io_uring_register(callState, ringFd, opcode, arg, count) < 0) {
            throw ErrnoException.of("io_uring_register(" + name + ")", callState);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Throws unless the ring is open and the caller is its owner; package access for ProvidedBufferRing. */
    void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("io_uring ring is closed");
        }
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("io_uring ring " + ringFd + " is owned by thread \"" + owner.getName()
                    + "\" (IORING_SETUP_SINGLE_ISSUER); called from \"" + Thread.currentThread().getName() + "\"");
        }
    }

    /**
     * Unmaps the rings and closes the ring and eventfd descriptors; the kernel cancels what is still in flight
     * and drops registered buffers and buffer rings. Idempotent; any other method afterwards throws
     * {@link IllegalStateException} (and {@link #wakeup()} does nothing). Owner thread only.
     *
     * @throws UncheckedIOException an {@code munmap} or {@code close} failed (everything is released anyway)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        ensureUsable();
        closed = true;
        ErrnoException failure = release();
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Releases whatever has been acquired; returns the first failure. */
    private ErrnoException release() {
        wakeClosed = true;
        while (wakersInFlight.get() != 0) {
            Thread.onSpinWait();
        }
        ErrnoException failure = null;
        if (Libc.close(callState, eventFd) != 0) {
            failure = ErrnoException.of("close(eventfd)", callState);
        }
        for (MemorySegment mapping : new MemorySegment[] {sqes, cqRing == sqRing ? null : cqRing, sqRing}) {
            if (mapping != null && Libc.munmap(callState, mapping, mapping.byteSize()) != 0 && failure == null) {
                failure = ErrnoException.of("munmap", callState);
            }
        }
        if (ringFd >= 0 && Libc.close(callState, ringFd) != 0 && failure == null) {
            failure = ErrnoException.of("close(io_uring)", callState);
        }
        arena.close();
        return failure;
    }
}
