package org.iocp4j.examples.http;

import java.util.ArrayDeque;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.Cancellable;
import org.iocp4j.core.Connection;
import org.iocp4j.core.ConnectionHandler;
import org.iocp4j.core.IoFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 on one connection: decodes requests as buffers arrive, dispatches each (inline, on a virtual
 * thread, or as a static file), and sends the responses strictly in request order however the handlers
 * finish — the pipelining rule of RFC 9112 §9.3.2.
 *
 * <p><b>Threads.</b> Every field is touched only in the connection's serial context: the engine's
 * callbacks, {@link Connection#runInContext} tasks (file slices, see {@link FileStream}) and {@link Connection#offload}
 * continuations (handlers and file preparation on virtual threads) all run there, one at a time, so nothing
 * here needs a lock or a volatile. A request handed to a virtual thread is not touched by the context
 * until its continuation runs; the offload's executor hand-off and the continuation's queueing order the
 * two sides' accesses.
 *
 * <p><b>Flow control.</b> At most {@link HttpLimits#maxPipelined} requests wait for their responses; beyond
 * that reads stop (an idle connection then holds no buffer) and the unparsed bytes wait in {@link #input}.
 * A file body is sent by a {@link FileStream}, which reads only while the connection is writable, so a slow
 * reader holds at most the engine's write high water mark plus {@link FileStream#SLICES} slices.
 *
 * <p><b>Errors.</b> A refusal that leaves the stream out of sync (bad syntax, over a limit, timeout) is
 * answered in order with {@code Connection: close}; then output is shut and input drained until the client
 * closes or {@link #LINGER} passes, so the client reads the answer rather than a reset.
 */
final class HttpConnection implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);

    /** How long a closing connection keeps reading (and dropping) what the client still sends. */
    static final java.time.Duration LINGER = java.time.Duration.ofSeconds(2);

    /** One request and, once known, its response. */
    static final class Exchange {
        final HttpRequest request;
        HttpResponse response;
        /** Close the connection after this response. */
        boolean close;
        /** A handler or the file preparation is working on it on another thread. */
        boolean running;

        Exchange(HttpRequest request) {
            this.request = request;
        }

        boolean headRequest() {
            return request != null && request.method() == HttpRequest.HEAD;
        }
    }

    private final HttpServer server;
    private final HttpLimits limits;
    private Connection connection;
    private RequestDecoder decoder;
    private ResponseWriter writer;
    /** Received buffers not parsed yet (reads paused with requests still in them). */
    private final ArrayDeque<Buffer> input = new ArrayDeque<>();
    /** Requests in order, each until its response is queued. */
    private final ArrayDeque<Exchange> exchanges = new ArrayDeque<>();
    /** The exchange whose file body is being sent; later responses wait for it. */
    private Exchange streaming;
    /** Sends {@link #streaming}'s file, or null. */
    private FileStream stream;
    /** Over the connection cap: answered 503, everything else ignored. */
    private boolean refused;
    /** No further request is read: a Connection: close exchange or a refusal is queued, or the server drains. */
    private boolean closing;
    /** The response after which the connection closes was queued: input is dropped until the client closes. */
    private boolean lingering;
    private boolean closed;
    /** The client half-closed: once what is left in {@link #input} is decoded, no request follows. */
    private boolean inputEnded;
    private boolean readsPaused;
    /** The request being received sent Expect: 100-continue and the interim answer is still owed. */
    private boolean continueOwed;
    /** Exchanges whose handler or file preparation runs on a virtual thread. */
    private int offloaded;
    private Cancellable headTimer;
    /** Bumped whenever the head timer is cancelled, so a timer that fired anyway knows it is stale. */
    private long headTimerGeneration;

    HttpConnection(HttpServer server) {
        this.server = server;
        this.limits = server.limits();
    }

    @Override
    public void onOpen(Connection c) {
        connection = c;
        writer = new ResponseWriter(c);
        if (!server.admit(this)) {
            refused = true;
            HttpResponse busy = HttpResponse.error(503, "the server has " + limits.maxConnections()
                    + " connections open, its limit");
            busy.header("Retry-After", "1");
            writer.write(busy, true, true, false);
            server.countResponse(503);
            linger();
            return;
        }
        decoder = new RequestDecoder(limits, c.bufferPool(), c.remoteAddress());
        if (!limits.idleTimeout().isZero()) {
            c.idleTimeout(limits.idleTimeout());
        }
        if (server.draining()) {
            drain(); // admitted as shutdown began: its walk over the open connections may have missed this one
        }
    }

    @Override
    public void onRead(Connection c, Buffer data) {
        if (refused || closing) {
            data.release();
            return;
        }
        input.add(data);
        process();
    }

    @Override
    public void onEndOfStream(Connection c) {
        if (lingering || refused) {
            c.close();
            return;
        }
        // The client sent all it will: every complete request is answered (with reads paused, some may still
        // wait in input), then the connection closes; a half-received request is dropped.
        inputEnded = true;
        process();
    }

    @Override
    public void onWritabilityChanged(Connection c, boolean writable) {
        if (writable && stream != null && !closed) {
            stream.writable();
        }
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        closed = true;
        cancelHeadTimer();
        releaseInput();
        if (decoder != null) {
            decoder.release();
        }
        if (stream != null) {
            stream.stop();
            stream = null;
            discard(streaming);
            streaming = null;
        }
        for (Exchange e : exchanges) {
            if (!e.running) {
                discard(e);
            }
        }
        exchanges.removeIf(e -> !e.running);
        if (!refused) {
            server.release(this);
        }
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("{} closed: {}", c, cause.toString());
        }
    }

    // ------------------------------------------------------------------ requests

    private void process() {
        while (!closing && !input.isEmpty()) {
            if (exchanges.size() >= limits.maxPipelined() && !decoder.readingBody()) {
                if (!readsPaused) {
                    readsPaused = true;
                    connection.autoRead(false);
                }
                return;
            }
            Buffer b = input.peek();
            int result;
            try {
                result = decoder.decode(b);
            } catch (HttpException e) {
                refuse(e);
                return;
            } finally {
                if (!input.isEmpty() && input.peek() == b && b.readableBytes() == 0) {
                    input.poll().release();
                }
            }
            if (decoder.headStarted() && headTimer == null) {
                armHeadTimer();
            }
            if (result == RequestDecoder.HEAD_DONE) {
                cancelHeadTimer();
                if (decoder.request().expectContinue) {
                    continueOwed = true;
                    sendContinueIfFirst();
                }
            } else if (result == RequestDecoder.COMPLETE) {
                cancelHeadTimer();
                continueOwed = false;
                dispatch(decoder.take());
            }
        }
        if (inputEnded && !closing) {
            closeAfterLastResponse();
        }
    }

    /** The interim answer goes out only when no earlier response is still to be sent, to keep the order. */
    private void sendContinueIfFirst() {
        if (continueOwed && exchanges.isEmpty() && streaming == null && decoder.readingBody()) {
            continueOwed = false;
            server.countResponse(100);
            writer.writeContinue();
        }
    }

    private void dispatch(HttpRequest request) {
        server.countRequest();
        Exchange e = new Exchange(request);
        exchanges.add(e);
        if (!request.keepAlive()) {
            e.close = true;
            closing = true;
            releaseInput();
        }
        HttpResponse immediate;
        try {
            immediate = server.dispatch(this, e);
        } catch (HttpException x) {
            immediate = HttpResponse.error(x.status(), x.getMessage());
        }
        if (immediate != null) {
            e.response = immediate;
        }
        flush();
    }

    /** Called by the server's dispatch for work on a virtual thread; completes {@code e} in the context. */
    void offload(Exchange e, java.util.concurrent.Callable<HttpResponse> work) {
        e.running = true;
        if (offloaded++ == 0) {
            busy(true);
        }
        connection.offload(work, (c, response) -> completed(e, response), (c, failure) -> completed(e, server.failure(e, failure)));
    }

    private void completed(Exchange e, HttpResponse response) {
        e.running = false;
        if (--offloaded == 0) {
            busy(false);
        }
        if (closed) {
            e.response = response;
            discard(e);
            exchanges.remove(e);
            return;
        }
        e.response = response;
        flush();
    }

    /** Answers a refused request in order and stops reading requests. */
    private void refuse(HttpException x) {
        cancelHeadTimer();
        closing = true;
        releaseInput();
        decoder.release();
        server.countRefusal();
        Exchange e = new Exchange(null);
        e.response = HttpResponse.error(x.status(), x.getMessage());
        e.close = true;
        exchanges.add(e);
        flush();
    }

    /**
     * A connection waiting for its own handlers is not idle, however long they take: the idle timeout is off
     * while any runs, and counts again from when the last one is done.
     */
    private void busy(boolean busy) {
        if (!limits.idleTimeout().isZero() && !closed) {
            connection.idleTimeout(busy ? java.time.Duration.ZERO : limits.idleTimeout());
        }
    }

    private void armHeadTimer() {
        long generation = ++headTimerGeneration;
        headTimer = connection.schedule(limits.headerReadTimeout(), () -> {
            if (generation == headTimerGeneration && decoder.headStarted() && !closing) {
                headTimer = null;
                refuse(new HttpException(408, "request head not received within " + limits.headerReadTimeout().toMillis() + " ms"));
            }
        });
    }

    private void cancelHeadTimer() {
        headTimerGeneration++;
        if (headTimer != null) {
            headTimer.cancel();
            headTimer = null;
        }
    }

    // ------------------------------------------------------------------ responses

    /** Sends every response that is next in order and ready; stops at a file being streamed. */
    private void flush() {
        while (streaming == null && !closed && !exchanges.isEmpty() && exchanges.peek().response != null) {
            Exchange e = exchanges.poll();
            send(e);
            if (streaming != null) {
                return;
            }
            finished(e);
            if (e.close) {
                linger();
                return;
            }
        }
        sendContinueIfFirst();
        if (readsPaused && exchanges.size() < limits.maxPipelined() && !closing && !closed) {
            readsPaused = false;
            connection.autoRead(true);
            process();
        }
    }

    private void send(Exchange e) {
        HttpResponse r = e.response;
        int status = r.status();
        boolean bodyAllowed = !e.headRequest() && status != 204 && status != 304;
        boolean keepAliveField = e.request != null && e.request.http10() && !e.close;
        server.countResponse(status);
        writer.write(r, bodyAllowed && r.file == null, e.close, keepAliveField);
        if (r.file != null) {
            IoFile file = r.file;
            r.file = null; // the stream (or this close) owns it now
            if (bodyAllowed && r.fileLength > 0) {
                streaming = e;
                stream = new FileStream(connection, file, r.fileOffset, r.fileLength, this::streamed);
                stream.start();
            } else {
                file.close();
            }
        }
    }

    /** The streamed file's last byte is queued: on to the next response. */
    private void streamed() {
        Exchange e = streaming;
        streaming = null;
        stream = null;
        finished(e);
        if (e.close) {
            linger();
        } else {
            flush();
        }
    }

    /** The exchange's response is queued: its request's buffer goes back to the pool. */
    private static void finished(Exchange e) {
        if (e.request != null) {
            e.request.finish();
        }
    }

    /** An exchange that will never be answered (the connection closed): release what it holds. */
    private static void discard(Exchange e) {
        finished(e);
        if (e.response != null && e.response.file != null) {
            e.response.file.close();
            e.response.file = null;
        }
    }

    /**
     * Shuts output after the last response and drops input until the client closes or LINGER passes; closes
     * at once when the client has already half-closed.
     */
    private void linger() {
        if (lingering) {
            return;
        }
        lingering = true;
        closing = true;
        releaseInput();
        if (inputEnded) {
            connection.close(); // the client sends nothing more: there is no input to drain
            return;
        }
        if (readsPaused) {
            readsPaused = false;
            connection.autoRead(true);
        }
        connection.shutdownOutput();
        connection.schedule(LINGER, connection::close);
    }

    private void releaseInput() {
        Buffer b;
        while ((b = input.poll()) != null) {
            b.release();
        }
    }

    // ------------------------------------------------------------------ server access

    Connection connection() {
        return connection;
    }

    /**
     * Graceful shutdown: every request received whole is answered — also those still waiting unparsed
     * because reads were paused at the pipelining limit — then the connection closes, as after the client's
     * half-close; a half-received request is dropped, and an idle connection closes now.
     */
    void drain() {
        if (closed || refused) {
            return;
        }
        inputEnded = true;
        process();
    }

    /** No further request is read: the connection closes after the last queued response, or now. */
    private void closeAfterLastResponse() {
        closing = true;
        cancelHeadTimer();
        if (exchanges.isEmpty() && streaming == null) {
            connection.close();
        } else {
            (exchanges.isEmpty() ? streaming : exchanges.peekLast()).close = true;
        }
    }
}
