/**
 * FFM bindings to the operating system: kernel32, ws2_32 and mswsock on Windows; io_uring and libc on
 * Linux. Functions, struct layouts, constants and error capture only — no policy.
 *
 * <p>Calls into native code, so applications must run with
 * {@code --enable-native-access=org.iocp4j.bindings} (or {@code ALL-UNNAMED} on the class path).
 */
module org.iocp4j.bindings {
    exports org.iocp4j.bindings;
    exports org.iocp4j.bindings.windows;
    exports org.iocp4j.bindings.linux;
}
