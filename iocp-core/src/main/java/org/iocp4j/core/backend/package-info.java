/**
 * The backend SPI: what the engine ({@code org.iocp4j.core}) needs from an operating system's completion
 * mechanism, and nothing more. Two implementations: {@code org.iocp4j.core.linux} (io_uring, one ring per
 * worker) and {@code org.iocp4j.core.windows} (one I/O completion port shared by all workers). Not
 * exported.
 *
 * <h2>Objects</h2>
 * <ul>
 * <li>{@link BackendProvider}: finds and creates a backend; selected by OS or by configuration.</li>
 * <li>{@link Backend}: one per engine. Owns the native memory source ({@link Backend#memory()}), opens
 *     and closes handles (listening sockets, stream sockets, files) and opens one {@link Poller} per
 *     worker.</li>
 * <li>{@link Poller}: a worker's view of the completion queue. Issues operations and dequeues their
 *     completions in batches, handing each to a {@link CompletionSink}.</li>
 * <li>{@link Operation} / {@link OperationTable}: every in-flight operation is a Java object bound to a
 *     fixed-size native block of the table; completion → operation is O(1) (the block address on Windows,
 *     {@link Operation#userData()} on Linux).</li>
 * </ul>
 *
 * <p>Optional capabilities are default methods that a backend without them need not implement:
 * provided-buffer receives ({@link Poller#provideBuffers}, {@link Poller#recvProvided},
 * {@link Poller#takeProvidedBuffer}) and multishot accept ({@link Poller#acceptMultishot}); the engine asks
 * ({@code provideBuffers} returning 0, {@link Poller#supportsMultishotAccept()}) and falls back to the plain
 * operations.
 *
 * <h2>Threading rules</h2>
 * <ol>
 * <li>{@link Backend#openPoller} is called on the worker thread that will own the poller, before any
 *     other call on it. {@link Poller#poll} is called only by that thread.</li>
 * <li>Issuing methods of a poller ({@link Poller#accept}, {@link Poller#connect}, {@link Poller#recv},
 *     {@link Poller#send}, {@link Poller#read}, {@link Poller#cancel}) and {@link Poller#register} are
 *     called only where {@link Poller#inEventLoop()} is true: on Linux the poller's owner thread (ring
 *     single issuer); on Windows any worker thread of the shared port. A handle is registered with one
 *     poller and its operations are then issued through that poller only.</li>
 * <li>{@link Poller#wakeup()} may be called from any thread at any time until {@link Poller#close()}.</li>
 * <li>The sink is called on a thread where {@link Poller#inEventLoop()} is true: from inside
 *     {@link Poller#poll}, or — for an operation that completed immediately (Windows skip-on-success) —
 *     from inside the issuing call itself, as long as the backend's per-thread inline depth is below its
 *     limit (default 16; beyond it the backend queues the completion to the port instead). The engine
 *     therefore must not assume that an issuing call returns before its completion is delivered.</li>
 * </ol>
 *
 * <h2>Memory rules</h2>
 * <ol>
 * <li>Every pointer an asynchronous operation hands to the kernel points into memory from
 *     {@link Backend#memory()}: I/O buffers (the engine's {@code BufferPool} is built on it), operation
 *     blocks (the {@link OperationTable} is built on it) and the backend's own scratch. The out-parameters
 *     of synchronous calls (getsockname, setsockopt, ...) may live anywhere native: the Windows backend
 *     reuses scratch pages of that memory, the Linux backend short-lived confined arenas, and a per-thread
 *     segment for socket option values (set on every accepted socket).</li>
 * <li>An operation's block, and every buffer the operation references, stays valid and unmoved from the
 *     issuing call until its completion has been delivered to the sink — also when it was cancelled, also
 *     when its handle was closed. Only then does the engine release the block to the table and the buffers
 *     to the pool. A backend therefore delivers exactly one final completion per issued operation (a
 *     multishot operation may deliver several with {@link CompletionSink#MORE} set before its final one).</li>
 * <li>Results are a {@code long}: {@code >= 0} is the operation's result (bytes, or the accepted
 *     handle — see {@link Poller#accept}), {@code < 0} is a negated native error code (errno on Linux,
 *     Win32/WSA error on Windows), classified by {@link Backend#classify}.</li>
 * </ol>
 */
package org.iocp4j.core.backend;
