/**
 * JMH benchmarks and loopback comparisons for iocp4j. JMH runs benchmarks from the class path, so
 * they need {@code --enable-native-access=ALL-UNNAMED}.
 */
module org.iocp4j.benchmarks {
    requires org.iocp4j.core;
    requires jmh.core;
    requires io.netty.buffer;
    requires io.netty.common;

}
