/**
 * The IOCP backend of the engine: {@link org.iocp4j.core.windows.IocpBackend} and its per-worker
 * {@link org.iocp4j.core.windows.IocpPoller}, provided by {@link org.iocp4j.core.windows.IocpBackendProvider}.
 * Not exported.
 *
 * <p>The backend calls Windows only through {@link org.iocp4j.core.windows.Win32}, a narrow interface of
 * primitives and memory segments whose error codes come back per thread through
 * {@link org.iocp4j.core.windows.Win32#lastError()}, and takes its pages from
 * {@link org.iocp4j.core.windows.Win32#memory()}. {@link org.iocp4j.core.windows.Win32Direct} is the
 * implementation over the static bindings, in production and in the tests that run in a Windows JVM
 * (on Windows, or a Windows JDK under Wine); the backend's decisions are tested through a scripted double.
 *
 * <p>Operation blocks are laid out by {@code OpBlock} (OVERLAPPED first); per-handle state (skip-on-success,
 * operations in flight, deferred close) is {@code HandleState}.
 */
package org.iocp4j.core.windows;
