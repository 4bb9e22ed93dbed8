/**
 * The IOCP backend of the engine: {@link org.iocp4j.core.windows.IocpBackend} and its per-worker
 * {@link org.iocp4j.core.windows.IocpPoller}, provided by {@link org.iocp4j.core.windows.IocpBackendProvider}.
 * Not exported.
 *
 * <p>The backend calls Windows only through {@link org.iocp4j.core.windows.Win32}, a narrow interface of
 * primitives and memory segments whose error codes come back per thread through
 * {@link org.iocp4j.core.windows.Win32#lastError()}, and passes it only memory from
 * {@link org.iocp4j.core.windows.Win32#memory()}. {@link org.iocp4j.core.windows.Win32Direct} is the
 * production implementation over the static bindings; an implementation that forwards each call (function
 * id, integer and pointer arguments; result and error code back) to a process under Wine can take its place,
 * wrapped in {@link org.iocp4j.core.windows.CheckedWin32}, which refuses any pointer outside that memory.
 *
 * <p>Operation blocks are laid out by {@code OpBlock} (OVERLAPPED first); per-handle state (skip-on-success,
 * operations in flight, deferred close) is {@code HandleState}.
 */
package org.iocp4j.core.windows;
