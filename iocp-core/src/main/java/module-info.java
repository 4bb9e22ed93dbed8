/**
 * The proactor: completion ports, worker threads, connections, buffer pools, ordering and timers.
 *
 * <p>Needs {@code --enable-native-access=org.iocp4j.bindings,org.iocp4j.core}.
 */
module org.iocp4j.core {
    requires transitive org.iocp4j.bindings;
    requires org.slf4j;
    requires jdk.jfr;

    exports org.iocp4j.core;

}
