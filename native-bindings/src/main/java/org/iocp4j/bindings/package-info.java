/**
 * What the Windows and Linux bindings share: {@link org.iocp4j.bindings.CallState}, the per-thread
 * block into which a downcall captures {@code GetLastError}, {@code WSAGetLastError} or {@code errno},
 * and {@link org.iocp4j.bindings.NativeException}, which carries such a code with its symbolic name.
 */
package org.iocp4j.bindings;
