/**
 * FFM bindings to {@code kernel32.dll} ({@link org.iocp4j.bindings.windows.Kernel32}), {@code ws2_32.dll}
 * ({@link org.iocp4j.bindings.windows.Ws2_32}), the mswsock extension functions obtained through
 * {@code WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)} ({@link org.iocp4j.bindings.windows.Mswsock}) and
 * the Registered I/O function table ({@link org.iocp4j.bindings.windows.Rio}), with the structs, constants,
 * error codes and GUIDs that an I/O completion port proactor needs, for x86_64 Windows.
 *
 * <p>Every class loads on any OS; calling a function where its DLL is absent throws
 * {@link java.lang.UnsatisfiedLinkError}. The conventions (jextract's shape, {@code CallState} first for
 * functions that set the last error) are in native-bindings/BINDINGS.md; the conformance test checks every
 * layout, signature, constant and GUID here against the mingw-w64 headers (and Microsoft's documentation
 * where mingw-w64 has no definition).
 */
package org.iocp4j.bindings.windows;
