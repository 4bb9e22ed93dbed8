package org.iocp4j.core;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The socket options the engine sets on its sockets: an immutable value, changed with {@link #with} and
 * {@link #without}. An option this value does not hold is left as the operating system has it.
 *
 * <pre>{@code
 * IoEngine.builder().socketOptions(SocketOptions.defaults()
 *         .with(StandardSocketOptions.SO_KEEPALIVE, true)
 *         .with(StandardSocketOptions.SO_RCVBUF, 1 << 20))
 * }</pre>
 *
 * <p><b>Where they are set.</b> {@link IoEngine.Builder#socketOptions} gives every socket of the engine its
 * options; {@link IoEngine#listen(java.net.InetSocketAddress, SocketOptions, java.util.function.Supplier)}
 * and {@link IoEngine#connect(java.net.InetSocketAddress, SocketOptions, ConnectionHandler)} override them
 * for one server or one connection. A listening socket gets them before it is bound, a connecting socket
 * before it connects (SO_RCVBUF decides the TCP window scale offered in the SYN, so later is too late), and
 * an accepted socket right after the accept completed (on IOCP after {@code SO_UPDATE_ACCEPT_CONTEXT}),
 * although it also inherits its listener's. {@link Connection#setOption} changes one while the connection is
 * open.
 *
 * <p><b>The options</b> ({@link #supported()}):
 * <ul>
 * <li>{@link StandardSocketOptions#TCP_NODELAY} ({@code Boolean}): on in {@link #defaults()}, as in Netty,
 *     because with Nagle's algorithm a response written in two sends waits for the acknowledgement of the
 *     first, which the peer may delay (delayed acknowledgement: 40 ms or more on Linux, up to 200 ms on
 *     Windows).</li>
 * <li>{@link StandardSocketOptions#SO_KEEPALIVE} ({@code Boolean}): keep-alive probes after the OS's idle
 *     time.</li>
 * <li>{@link StandardSocketOptions#SO_RCVBUF}, {@link StandardSocketOptions#SO_SNDBUF} ({@code Integer},
 *     bytes, positive): a hint the OS bounds; Linux doubles it for its own bookkeeping (socket(7)) and
 *     reports the doubled value, and stops autotuning that buffer of that socket.</li>
 * <li>{@link StandardSocketOptions#SO_LINGER} ({@code Integer}, seconds, at most 65535, the most Windows'
 *     {@code LINGER} holds; negative = off, stored as -1): 0 makes closing reset the connection (RST, no
 *     TIME_WAIT); a positive value makes closing wait up to that long for unsent data to be acknowledged,
 *     so the engine closes such a connection's socket on its offload executor, never on a worker.</li>
 * <li>{@link #IPV6_V6ONLY} ({@code Boolean}): whether an IPv6 socket refuses IPv4-mapped peers. Fixed at
 *     bind, so it is set on listening and connecting IPv6 sockets only (IPv4 ones ignore it) and an accepted
 *     socket has its listener's. The OS defaults differ: off on Linux ({@code net.ipv6.bindv6only}), on on
 *     Windows.</li>
 * </ul>
 *
 * <p>The listen backlog is not a socket option: {@link IoEngine.Builder#backlog}.
 */
public final class SocketOptions {
    /**
     * {@code IPV6_V6ONLY} (level {@code IPPROTO_IPV6}), which {@link StandardSocketOptions} lacks because the
     * JDK's own sockets are always dual-stack.
     */
    public static final SocketOption<Boolean> IPV6_V6ONLY = new Option<>("IPV6_V6ONLY", Boolean.class);

    private static final List<SocketOption<?>> SUPPORTED = List.of(StandardSocketOptions.TCP_NODELAY,
            StandardSocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_LINGER, IPV6_V6ONLY);

    /** SO_LINGER's largest value: Windows' {@code LINGER.l_linger} is a {@code u_short}. */
    private static final int MAX_LINGER_SECONDS = 0xFFFF;

    private static final SocketOptions OS_DEFAULTS = new SocketOptions(new Object[SUPPORTED.size()]);
    private static final SocketOptions DEFAULTS = OS_DEFAULTS.with(StandardSocketOptions.TCP_NODELAY, true);

    /** Indexed like {@link #SUPPORTED}; null = the OS's default. */
    private final Object[] values;

    private SocketOptions(Object[] values) {
        this.values = values;
    }

    /** The engine's defaults: TCP_NODELAY on, everything else as the OS has it. */
    public static SocketOptions defaults() {
        return DEFAULTS;
    }

    /** Nothing set: every option as the OS has it, Nagle's algorithm included. */
    public static SocketOptions osDefaults() {
        return OS_DEFAULTS;
    }

    /** The options a {@code SocketOptions} can hold, in the order the engine sets them. */
    public static List<SocketOption<?>> supported() {
        return SUPPORTED;
    }

    /**
     * These options with {@code option} set to {@code value}.
     *
     * @throws UnsupportedOperationException if {@code option} is not one of {@link #supported()}
     * @throws IllegalArgumentException      naming the option and the value, if the value is not valid for it
     */
    public <T> SocketOptions with(SocketOption<T> option, T value) {
        T checked = check(option, value);
        Object[] copy = values.clone();
        copy[index(option)] = checked;
        return new SocketOptions(copy);
    }

    /**
     * These options with {@code option} left as the OS has it.
     *
     * @throws UnsupportedOperationException if {@code option} is not one of {@link #supported()}
     */
    public SocketOptions without(SocketOption<?> option) {
        Object[] copy = values.clone();
        copy[index(option)] = null;
        return new SocketOptions(copy);
    }

    /**
     * The value set for {@code option}, or null when it is left as the OS has it.
     *
     * @throws UnsupportedOperationException if {@code option} is not one of {@link #supported()}
     */
    public <T> T get(SocketOption<T> option) {
        return option.type().cast(values[index(option)]);
    }

    /**
     * {@code value} as {@code option} stores it (a negative SO_LINGER as -1).
     *
     * @throws UnsupportedOperationException if {@code option} is not supported
     * @throws IllegalArgumentException      naming the option and the value, if the value is not valid for it
     */
    static <T> T check(SocketOption<T> option, T value) {
        requireSupported(option);
        if (!option.type().isInstance(value)) {
            throw new IllegalArgumentException(option.name() + " " + value + " is not a "
                    + option.type().getSimpleName());
        }
        if (option == StandardSocketOptions.SO_RCVBUF || option == StandardSocketOptions.SO_SNDBUF) {
            if ((Integer) value <= 0) {
                throw new IllegalArgumentException(option.name() + " " + value + " is not a positive byte count");
            }
        } else if (option == StandardSocketOptions.SO_LINGER) {
            int seconds = (Integer) value;
            if (seconds > MAX_LINGER_SECONDS) {
                throw new IllegalArgumentException(option.name() + " " + value + " is above " + MAX_LINGER_SECONDS
                        + " seconds, the most Windows' LINGER holds");
            }
            return option.type().cast(Math.max(seconds, -1));
        }
        return value;
    }

    /**
     * @throws UnsupportedOperationException if {@code option} is not one of {@link #supported()}
     */
    static void requireSupported(SocketOption<?> option) {
        index(option);
    }

    private static int index(SocketOption<?> option) {
        Objects.requireNonNull(option, "option");
        int i = SUPPORTED.indexOf(option);
        if (i < 0) {
            throw new UnsupportedOperationException("socket option " + option.name() + " is not supported; "
                    + "supported: " + SUPPORTED);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocketOptions other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The options set, e.g. {@code SocketOptions[TCP_NODELAY=true, SO_LINGER=0]}. */
    @Override
    public String toString() {
        StringJoiner set = new StringJoiner(", ", "SocketOptions[", "]");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                set.add(SUPPORTED.get(i).name() + "=" + values[i]);
            }
        }
        return set.toString();
    }

    /** A socket option the JDK does not define. */
    private record Option<T>(String name, Class<T> type) implements SocketOption<T> {
        @Override
        public String toString() {
            return name;
        }
    }
}
