/**
 * The sample HTTP/1.1 server, an echo server and a load generator built on iocp4j.
 *
 * <p>Run with {@code --enable-native-access=org.iocp4j.bindings,org.iocp4j.core,org.iocp4j.examples}.
 */
module org.iocp4j.examples {
    requires org.iocp4j.core;
    requires HdrHistogram;
    requires org.slf4j;

    exports org.iocp4j.examples;
    exports org.iocp4j.examples.http;
}
