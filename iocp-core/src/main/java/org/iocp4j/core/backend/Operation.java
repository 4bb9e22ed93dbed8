package org.iocp4j.core.backend;

import java.lang.foreign.MemorySegment;

/**
 * One operation in flight: a Java object bound for its whole life to one fixed-size native block of an
 * {@link OperationTable}. The backend lays the block out for its kernel: on Windows it begins with the
 * OVERLAPPED (32 bytes, so the OVERLAPPED* a completion names is the block's address) followed by the
 * op's scratch (WSABUF array, flags and byte-count out-parameters, AcceptEx's address buffer); on Linux
 * it holds the {@code msghdr}, {@code iovec} array and {@code sockaddr} scratch, and the SQE's
 * {@code user_data} is {@link #userData()}.
 *
 * <p>Operation objects are pooled by the table together with their blocks: the steady state allocates
 * nothing per I/O. An operation is owned by whoever issued it until its final completion is delivered;
 * the engine then {@linkplain OperationTable#release releases} it.
 */
public final class Operation {
    private final OperationTable table;
    private final int index;
    private final MemorySegment block;
    /** Bumped on every acquisition, so a {@link #userData()} of an earlier life no longer resolves. */
    int generation;
    private OpKind kind;
    private Object attachment;
    /** The vector count of a send, the length of a receive: whatever the engine put in the block. */
    private int count;
    /** The handle the operation was issued on (for cancellation by handle). */
    private long handle;
    /*
     * Diagnostics only (OperationTable#describeInUse): plain fields, so that tracking costs a store, not a
     * fence; a reader on another thread may see them late, which is good enough for a dump taken after a
     * shutdown has waited seconds for the operation.
     */
    private Stage stage;
    private boolean inline;
    private boolean cancelRequested;

    /** How far an operation has got, as its backend reports it; for diagnostics. */
    public enum Stage {
        /** Taken from the table, not yet handed to the kernel. */
        ACQUIRED,
        /**
         * Handed to the kernel (WSARecv, AcceptEx, an SQE...): its completion is awaited. Set before the
         * call, since after it returns the completion may already be another thread's.
         */
        ISSUED,
        /** Completed at once and posted to the completion port (beyond the inline limit). */
        POSTED,
        /** Its completion was taken from the port or ring and is being delivered. */
        DEQUEUED,
        /** Its final completion was handed to the engine, which has not released it yet. */
        DELIVERED
    }

    Operation(OperationTable table, int index, MemorySegment block) {
        this.table = table;
        this.index = index;
        this.block = block;
    }

    /** The table slot, 0..capacity-1. */
    public int index() {
        return index;
    }

    /** This life's generation, at least 1. */
    public int generation() {
        return generation;
    }

    /**
     * {@code generation << 32 | index}: the io_uring {@code user_data}. Never 0 (generations start at 1),
     * never negative (generations stay below 2<sup>31</sup>), so 0 and negative values are free for a
     * backend's own requests.
     */
    public long userData() {
        return (long) generation << 32 | index;
    }

    /** The native block, {@link OperationTable#blockSize()} bytes, zeroed when the operation was taken. */
    public MemorySegment block() {
        return block;
    }

    /** The block's address (the OVERLAPPED* on Windows). */
    public long address() {
        return block.address();
    }

    /** What the operation does. */
    public OpKind kind() {
        return kind;
    }

    /** The engine's object for this operation (its connection, listener, ...). */
    public Object attachment() {
        return attachment;
    }

    /** The handle it was issued on; set by the engine before issuing. */
    public long handle() {
        return handle;
    }

    /** Sets {@link #handle()}. */
    public void handle(long handle) {
        this.handle = handle;
    }

    /** An engine-defined count (for example the number of I/O vectors of a send). */
    public int count() {
        return count;
    }

    /** Sets {@link #count()}. */
    public void count(int count) {
        this.count = count;
    }

    /** How far it has got, as the backend last {@linkplain #stage(Stage) reported}. */
    public Stage stage() {
        return stage;
    }

    /** Records how far it has got, for {@link OperationTable#describeInUse}. */
    public void stage(Stage stage) {
        this.stage = stage;
    }

    /** Records that it completed at once on the issuing thread (inline or posted), not through a pending I/O. */
    public void completedAtOnce() {
        this.inline = true;
    }

    /** Records that the engine asked for its cancellation. */
    public void cancelRequested() {
        this.cancelRequested = true;
    }

    /** The table this operation belongs to. */
    public OperationTable table() {
        return table;
    }

    void reset(OpKind kind, Object attachment) {
        this.kind = kind;
        this.attachment = attachment;
        this.count = 0;
        this.handle = -1;
        this.stage = Stage.ACQUIRED;
        this.inline = false;
        this.cancelRequested = false;
        block.fill((byte) 0);
    }

    void clear() {
        this.kind = null;
        this.attachment = null;
    }

    /** This operation with its handle, stage and owner, for diagnostics. */
    public String describe() {
        return this + " handle 0x" + Long.toHexString(handle) + ", stage " + stage
                + (inline ? ", completed at once" : "") + (cancelRequested ? ", cancel requested" : "")
                + ", owner " + attachment;
    }

    @Override
    public String toString() {
        return "Operation[" + kind + " #" + index + " gen " + generation + "]";
    }
}
