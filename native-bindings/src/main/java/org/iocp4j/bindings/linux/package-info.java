/**
 * Linux bindings: the io_uring system calls ({@link org.iocp4j.bindings.linux.IoUring}) and glibc
 * ({@link org.iocp4j.bindings.linux.Libc}), the structures they exchange (one class per C struct, named
 * as in the headers), their constants ({@link org.iocp4j.bindings.linux.IoUringConstants},
 * {@link org.iocp4j.bindings.linux.LinuxConstants}, {@link org.iocp4j.bindings.linux.Errno}) and
 * {@link org.iocp4j.bindings.linux.ErrnoException}. Everything is checked against the installed headers by
 * the Linux conformance test.
 */
package org.iocp4j.bindings.linux;
