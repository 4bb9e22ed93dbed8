package org.iocp4j.examples.http;

import org.iocp4j.core.Buffer;
import org.iocp4j.core.Connection;
import org.iocp4j.core.IoFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a range of a file on a connection in slices: overlapped reads at offsets ({@code ReadFile} on the
 * port / {@code IORING_OP_READ}), each into a pooled buffer that is then queued on the connection, which
 * takes it over — no copy in Java.
 *
 * <p>Up to {@link #SLICES} reads are in flight, so the hops between the file's worker (where a read
 * completes) and the connection's (where its buffer is queued) overlap instead of adding up. Reads may
 * complete in any order; each buffer waits in a ring indexed by its sequence until the ones before it have
 * been queued. A new read is issued only while the connection is writable, so a slow reader holds at most
 * the engine's write high water mark plus {@link #SLICES} slices.
 *
 * <p>Threads: used only in its connection's serial context; read completions come back to it through
 * {@link Connection#runInContext}.
 */
final class FileStream {
    private static final Logger LOG = LoggerFactory.getLogger(FileStream.class);

    /**
     * Reads in flight (and completed ones waiting for their turn) at most: 8 × 64 KiB measured about 1.5 times the
     * download rate of 4 on loopback (BENCHMARKS.md), at 512 KiB more per stalled reader.
     */
    static final int SLICES = 8;
    /** Bytes per read: the pool's largest buffer. */
    static final int SLICE = HttpServer.MAX_HEAD_BYTES;

    private final Connection connection;
    private final IoFile file;
    private final Runnable done;
    /** Completed reads waiting for earlier ones, at sequence % SLICES. */
    private final Buffer[] ready = new Buffer[SLICES];
    private long issueOffset;
    private long issueRemaining;
    private long writeRemaining;
    private long nextIssue;
    private long nextWrite;
    /** All bytes queued, the connection closed, or a read failed: completions only release their buffer. */
    private boolean stopped;

    /**
     * @param done runs in the context once the last byte is queued on the connection
     */
    FileStream(Connection connection, IoFile file, long offset, long length, Runnable done) {
        this.connection = connection;
        this.file = file;
        this.done = done;
        this.issueOffset = offset;
        this.issueRemaining = length;
        this.writeRemaining = length;
    }

    /** Issues the first reads. */
    void start() {
        fill();
    }

    /** The connection became writable again: read on. */
    void writable() {
        fill();
    }

    /** The connection closed: what is ready goes back to the pool, reads still in flight release theirs. */
    void stop() {
        if (!stopped) {
            stopped = true;
            file.close(); // the handle itself closes once the reads in flight have completed
        }
        for (int i = 0; i < SLICES; i++) {
            if (ready[i] != null) {
                ready[i].release();
                ready[i] = null;
            }
        }
    }

    private void fill() {
        while (!stopped && issueRemaining > 0 && nextIssue - nextWrite < SLICES && connection.isWritable()) {
            int n = (int) Math.min(SLICE, issueRemaining);
            long sequence = nextIssue++;
            long offset = issueOffset;
            issueOffset += n;
            issueRemaining -= n;
            file.read(offset, n).whenComplete((buffer, failure) ->
                    connection.runInContext(() -> completed(sequence, offset, n, buffer, failure)));
        }
    }

    private void completed(long sequence, long offset, int length, Buffer buffer, Throwable failure) {
        if (stopped) {
            if (buffer != null) {
                buffer.release();
            }
            return;
        }
        if (failure != null || buffer.readableBytes() != length) {
            // The head promised every byte of the range: a failed or short read cannot be answered any more.
            LOG.warn("{}: reading {} bytes of {} at {} failed ({}); aborting the connection", connection, length,
                    file.path(), offset, failure == null ? "the file shrank" : failure.toString());
            if (buffer != null) {
                buffer.release();
            }
            stop();
            connection.abort();
            return;
        }
        ready[(int) (sequence % SLICES)] = buffer;
        for (Buffer next; (next = ready[(int) (nextWrite % SLICES)]) != null; nextWrite++) {
            ready[(int) (nextWrite % SLICES)] = null;
            writeRemaining -= next.readableBytes();
            connection.write(next);
        }
        if (writeRemaining == 0) {
            stop();
            done.run();
        } else {
            fill();
        }
    }
}
