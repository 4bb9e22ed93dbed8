/**
 * Registered I/O on Windows and io_uring registered buffers on Linux, behind one API.
 *
 * <p>Needs {@code --enable-native-access=org.iocp4j.bindings,org.iocp4j.core,org.iocp4j.rio}.
 */
module org.iocp4j.rio {
    requires transitive org.iocp4j.core;

}
