package org.iocp4j.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The blocking façade: a connection of an {@link IoEngine} used like a {@link java.net.Socket}, for virtual
 * threads. {@link #read} and {@link #write} park the calling thread ({@link LockSupport}) until the engine's
 * completion arrives; no worker ever blocks, and a parked virtual thread holds no carrier. Made by
 * {@link #connect} or {@link IoServerSocket#accept()}.
 *
 * <p>One thread may read while another writes; two concurrent readers (or writers) are not supported.
 * Received data waits in pooled buffers; above {@value #INBOUND_HIGH} unread bytes the socket stops issuing
 * receives until the reader catches up, so a slow reader holds a bounded amount of memory.
 */
public final class IoSocket implements AutoCloseable {
    /** Unread bytes above which receives pause. */
    static final long INBOUND_HIGH = 256 << 10;

    private final IoEngine engine;
    final Handler handler = new Handler();
    private volatile Connection connection;

    private final ConcurrentLinkedQueue<Buffer> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicLong inboundBytes = new AtomicLong();
    private volatile boolean readsPaused;
    private volatile boolean endOfStream;
    private volatile boolean closed;
    private volatile Throwable closeCause;
    /** The buffer being read from; only the reading thread touches it. */
    private Buffer current;
    private volatile Thread reader;

    private final AtomicLong written = new AtomicLong();
    /** Bytes handed to the connection; only the writing thread touches it. */
    private long requested;
    private volatile Thread writer;

    IoSocket(IoEngine engine) {
        this.engine = engine;
    }

    /**
     * Connects to {@code remote}, parking the calling thread until the connection is established.
     *
     * @throws IOException the connect failed (the native error is in the message or cause)
     */
    public static IoSocket connect(IoEngine engine, InetSocketAddress remote) throws IOException {
        IoSocket socket = new IoSocket(engine);
        try {
            engine.connect(remote, socket.handler).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("connect to " + remote, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + remote, e);
        }
        return socket;
    }

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    /** This end's address. */
    public InetSocketAddress localAddress() {
        return connection.localAddress();
    }

    /**
     * Reads up to {@code length} bytes into {@code bytes}, parking until at least one is there.
     *
     * @return bytes read, or -1 at the peer's end of stream
     * @throws IOException the connection was reset or closed (the cause names the native error)
     */
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (current != null) {
                int n = Math.min(length, current.readableBytes());
                current.readBytes(bytes, offset, n);
                if (current.readableBytes() == 0) {
                    current.release();
                    current = null;
                }
                return n;
            }
            if (takeInbound()) {
                continue;
            }
            if (endOfStream) {
                return -1;
            }
            checkOpen();
            reader = Thread.currentThread();
            if (inbound.isEmpty() && !endOfStream && !closed) {
                resumeReadsIfPaused();
                LockSupport.park(this);
            }
            reader = null;
        }
    }

    private boolean takeInbound() {
        Buffer next = inbound.poll();
        if (next == null) {
            return false;
        }
        current = next;
        if (inboundBytes.addAndGet(-next.readableBytes()) < INBOUND_HIGH / 2) {
            resumeReadsIfPaused();
        }
        return true;
    }

    private void resumeReadsIfPaused() {
        if (readsPaused) {
            readsPaused = false;
            connection.autoRead(true);
        }
    }

    /**
     * Writes all of {@code bytes[offset, offset+length)}, parking until the kernel has taken every byte.
     *
     * @throws IOException the connection was reset or closed
     */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        BufferPool pool = engine.bufferPool();
        int chunk = pool.maxBufferSize();
        int done = 0;
        while (done < length) {
            checkOpen();
            Buffer buffer = pool.tryAcquire(Math.min(chunk, length - done));
            if (buffer == null) {
                LockSupport.parkNanos(Worker.TICK_NANOS); // pool exhausted: wait for buffers to come back
                continue;
            }
            int n = Math.min(buffer.capacity(), length - done);
            buffer.writeBytes(bytes, offset + done, n);
            if (!connection.write(buffer)) {
                throw closedException();
            }
            requested += n;
            done += n;
        }
        while (written.get() < requested) {
            checkOpen();
            writer = Thread.currentThread();
            if (written.get() < requested && !closed) {
                LockSupport.park(this);
            }
            writer = null;
        }
    }

    /** Sends FIN after what was written; reads go on. */
    public void shutdownOutput() {
        connection.shutdownOutput();
    }

    /** Whether the connection has closed (by us, by the peer's reset, or by a timeout). */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the connection and releases every buffer it holds; idempotent. */
    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.release();
            current = null;
        }
        drainInbound();
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void drainInbound() {
        Buffer b;
        while ((b = inbound.poll()) != null) {
            inboundBytes.addAndGet(-b.readableBytes());
            b.release();
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw closedException();
        }
    }

    private IOException closedException() {
        Throwable cause = closeCause;
        return cause instanceof IOException io ? new SocketException(io.getMessage(), io)
                : new SocketException("connection closed" + (cause == null ? "" : ": " + cause));
    }

    private static void unpark(Thread thread) {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** The engine-side handler; runs on workers and only hands over and wakes. */
    final class Handler implements ConnectionHandler {
        /** Called when the socket is established, before reads start. */
        Runnable onOpen = () -> { };

        @Override
        public void onOpen(Connection c) {
            connection = c;
            onOpen.run();
        }

        @Override
        public void onRead(Connection c, Buffer data) {
            inbound.offer(data);
            if (inboundBytes.addAndGet(data.readableBytes()) > INBOUND_HIGH && !readsPaused) {
                readsPaused = true;
                c.autoRead(false);
            }
            if (closed) {
                drainInbound(); // the reader is gone; do not strand the buffer
            }
            unpark(reader);
        }

        @Override
        public void onEndOfStream(Connection c) {
            endOfStream = true;
            unpark(reader);
        }

        @Override
        public void onWritten(Connection c, long bytes) {
            written.addAndGet(bytes);
            unpark(writer);
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            closeCause = cause;
            closed = true;
            drainInbound(); // nothing more will be read from a closed connection
            unpark(reader);
            unpark(writer);
        }
    }
}
