package org.iocp4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;

/**
 * A file opened for asynchronous reads at offsets (ReadFile on a FILE_FLAG_OVERLAPPED handle associated
 * with the port / IORING_OP_READ). Made by {@link IoEngine#openFile}. Reads are issued on the file's home
 * worker; any thread may call {@link #read}. Thread-safe.
 */
public final class IoFile implements AutoCloseable {
    private final IoEngine engine;
    private final Worker home;
    private final long handle;
    private final Path path;
    /** Reads in flight plus one while open; the handle is closed when it reaches 0. */
    private final AtomicInteger pending = new AtomicInteger(1);
    /** Set once by the first {@link #close()}; the CAS makes a second, concurrent close a no-op. */
    private final AtomicBoolean closed = new AtomicBoolean();

    IoFile(IoEngine engine, Worker home, long handle, Path path) {
        this.engine = engine;
        this.home = home;
        this.handle = handle;
        this.path = path;
    }

    /** The file's path as opened. */
    public Path path() {
        return path;
    }

    /** The file's size in bytes now. */
    public long size() throws IOException {
        return engine.backend().fileSize(handle);
    }

    /**
     * Reads up to {@code length} bytes at {@code offset} into a pooled buffer. The future completes with the
     * buffer (readable bytes = bytes read, 0 at or past the end of the file), which the caller releases; or
     * exceptionally with the native error.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<Buffer> read(long offset, int length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("read of " + length + " bytes at offset " + offset
                    + " of " + path + ": offset must be >= 0 and length > 0");
        }
        // A read that passed the check while close() ran still counts only if the handle is not yet
        // being closed (pending > 0); once it reached 0 the handle is gone and the read is refused.
        if (closed.get() || !retain()) {
            throw new IllegalStateException(path + " is closed");
        }
        CompletableFuture<Buffer> result = new CompletableFuture<>();
        home.execute(() -> new FileRead(result).issue(offset, length));
        return result;
    }

    /** Closes the handle once the reads in flight have completed. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.fileClosed(this);
            release();
        }
    }

    /** Adds a reference unless the count already reached 0 (the handle is closed or closing). */
    private boolean retain() {
        for (int p = pending.get(); p > 0; p = pending.get()) {
            if (pending.compareAndSet(p, p + 1)) {
                return true;
            }
        }
        return false;
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            engine.closeQuietly(handle);
        }
    }

    /** Runs {@code task} on the home worker. */
    void homeExecute(Runnable task) {
        home.execute(task);
    }

    /** Registers the handle with the home poller; on the home worker, before any read. */
    void register() throws IOException {
        home.poller.register(handle);
    }

    /** One read in flight. */
    private final class FileRead extends IoOp {
        private final CompletableFuture<Buffer> result;
        private Buffer buffer;

        FileRead(CompletableFuture<Buffer> result) {
            this.result = result;
        }

        void issue(long offset, int length) {
            Operation op = null;
            try {
                buffer = engine.bufferPool().acquire(length);
                op = engine.operations().acquire(OpKind.READ, this);
                if (op == null) {
                    throw new IOException("read of " + path + ": all " + engine.operations().capacity()
                            + " operation blocks are in flight");
                }
                home.poller.read(op, handle, buffer.writableSegment().asSlice(0, length), offset);
            } catch (IOException | RuntimeException e) {
                if (op != null) {
                    engine.operations().release(op);
                }
                if (buffer != null) {
                    buffer.release();
                }
                result.completeExceptionally(e);
                release();
            }
        }

        @Override
        void complete(Operation op, long res, int flags) {
            engine.operations().release(op);
            if (res >= 0) {
                buffer.writerIndex((int) res);
                if (!result.complete(buffer)) {
                    buffer.release();
                }
            } else {
                buffer.release();
                result.completeExceptionally(engine.backend().exception("read " + path, res));
            }
            release();
        }
    }
}
