package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * Converts between {@link InetSocketAddress} and the Winsock socket addresses {@link SOCKADDR_IN} and
 * {@link SOCKADDR_IN6}, whose port, address and flow information are in network byte order (big endian),
 * while the family is in host order. Any of them fits in a {@link SOCKADDR_STORAGE}.
 */
public final class Sockaddrs {
    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private Sockaddrs() {
    }

    /**
     * Writes {@code address} as a {@code SOCKADDR_IN} (IPv4) or {@code SOCKADDR_IN6} (IPv6, with its scope
     * id) into {@code sockaddr}.
     *
     * @return the length to pass as {@code namelen}: {@code sizeof(SOCKADDR_IN)} or {@code sizeof(SOCKADDR_IN6)}
     * @throws IllegalArgumentException if the address is unresolved or {@code sockaddr} is too small
     */
    public static int write(MemorySegment sockaddr, InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        if (ip instanceof Inet6Address ip6) {
            return writeIPv6(sockaddr, ip6.getAddress(), address.getPort(), ip6.getScopeId());
        }
        return writeIPv4(sockaddr, ip.getAddress(), address.getPort());
    }

    /**
     * Writes a {@code SOCKADDR_IN}: {@code AF_INET}, {@code port} and the four {@code address} bytes in
     * network byte order, {@code sin_zero} cleared.
     *
     * @return {@code sizeof(SOCKADDR_IN)}
     * @throws IllegalArgumentException if {@code address} is not 4 bytes, the port is outside 0..65535 or
     *                                  {@code sockaddr} is smaller than {@code SOCKADDR_IN}
     */
    public static int writeIPv4(MemorySegment sockaddr, byte[] address, int port) {
        check(sockaddr, SOCKADDR_IN.sizeof(), "SOCKADDR_IN");
        checkAddress(address, 4, "IPv4");
        checkPort(port);
        MemorySegment in = sockaddr.asSlice(0, SOCKADDR_IN.sizeof()).fill((byte) 0);
        in.set(JAVA_SHORT_UNALIGNED, SOCKADDR_IN.sin_family$offset(), (short) WinsockConstants.AF_INET);
        in.set(NET_SHORT, SOCKADDR_IN.sin_port$offset(), (short) port);
        MemorySegment.copy(address, 0, in, JAVA_BYTE, SOCKADDR_IN.sin_addr$offset(), 4);
        return (int) SOCKADDR_IN.sizeof();
    }

    /**
     * Writes a {@code SOCKADDR_IN6}: {@code AF_INET6}, {@code port} and the sixteen {@code address} bytes
     * in network byte order, flow information zero, {@code scopeId} in host order.
     *
     * @return {@code sizeof(SOCKADDR_IN6)}
     * @throws IllegalArgumentException if {@code address} is not 16 bytes, the port is outside 0..65535 or
     *                                  {@code sockaddr} is smaller than {@code SOCKADDR_IN6}
     */
    public static int writeIPv6(MemorySegment sockaddr, byte[] address, int port, int scopeId) {
        check(sockaddr, SOCKADDR_IN6.sizeof(), "SOCKADDR_IN6");
        checkAddress(address, 16, "IPv6");
        checkPort(port);
        MemorySegment in6 = sockaddr.asSlice(0, SOCKADDR_IN6.sizeof()).fill((byte) 0);
        in6.set(JAVA_SHORT_UNALIGNED, SOCKADDR_IN6.sin6_family$offset(), (short) WinsockConstants.AF_INET6);
        in6.set(NET_SHORT, SOCKADDR_IN6.sin6_port$offset(), (short) port);
        MemorySegment.copy(address, 0, in6, JAVA_BYTE, SOCKADDR_IN6.sin6_addr$offset(), 16);
        in6.set(JAVA_INT_UNALIGNED, SOCKADDR_IN6.sin6_scope_id$offset(), scopeId);
        return (int) SOCKADDR_IN6.sizeof();
    }

    /** The address family ({@code sa_family}) of the socket address in {@code sockaddr}. */
    public static int family(MemorySegment sockaddr) {
        check(sockaddr, Short.BYTES, "a socket address family");
        return Short.toUnsignedInt(sockaddr.get(JAVA_SHORT_UNALIGNED, 0));
    }

    /**
     * The port of an {@code AF_INET} or {@code AF_INET6} socket address, converted from network byte order.
     *
     * @throws IllegalArgumentException for another family
     */
    public static int port(MemorySegment sockaddr) {
        int family = family(sockaddr);
        long offset = switch (family) {
            case WinsockConstants.AF_INET -> SOCKADDR_IN.sin_port$offset();
            case WinsockConstants.AF_INET6 -> SOCKADDR_IN6.sin6_port$offset();
            default -> throw unsupported(family);
        };
        check(sockaddr, offset + Short.BYTES, "a port");
        return Short.toUnsignedInt(sockaddr.get(NET_SHORT, offset));
    }

    /**
     * The {@code AF_INET} or {@code AF_INET6} socket address in {@code sockaddr} (a {@code SOCKADDR_IN},
     * {@code SOCKADDR_IN6} or {@code SOCKADDR_STORAGE} holding one). An IPv6 address carries its scope id;
     * an IPv4-mapped IPv6 address becomes an {@link Inet4Address}, as {@link InetAddress#getByAddress} makes it.
     *
     * @throws IllegalArgumentException for another family, or if {@code sockaddr} is too small for its family
     */
    public static InetSocketAddress read(MemorySegment sockaddr) {
        int family = family(sockaddr);
        try {
            return switch (family) {
                case WinsockConstants.AF_INET -> {
                    check(sockaddr, SOCKADDR_IN.sizeof(), "SOCKADDR_IN");
                    byte[] ip = sockaddr.asSlice(SOCKADDR_IN.sin_addr$offset(), 4).toArray(JAVA_BYTE);
                    yield new InetSocketAddress(InetAddress.getByAddress(ip), port(sockaddr));
                }
                case WinsockConstants.AF_INET6 -> {
                    check(sockaddr, SOCKADDR_IN6.sizeof(), "SOCKADDR_IN6");
                    byte[] ip = sockaddr.asSlice(SOCKADDR_IN6.sin6_addr$offset(), 16).toArray(JAVA_BYTE);
                    int scopeId = sockaddr.get(JAVA_INT_UNALIGNED, SOCKADDR_IN6.sin6_scope_id$offset());
                    InetAddress address = scopeId == 0
                            ? InetAddress.getByAddress(ip)
                            : Inet6Address.getByAddress(null, ip, scopeId);
                    yield new InetSocketAddress(address, port(sockaddr));
                }
                default -> throw unsupported(family);
            };
        } catch (UnknownHostException e) {
            throw new AssertionError("an address of the right length was refused", e);
        }
    }

    private static IllegalArgumentException unsupported(int family) {
        return new IllegalArgumentException("unsupported address family " + family + " (expected AF_INET "
                + WinsockConstants.AF_INET + " or AF_INET6 " + WinsockConstants.AF_INET6 + ")");
    }

    private static void check(MemorySegment sockaddr, long size, String what) {
        if (sockaddr.byteSize() < size) {
            throw new IllegalArgumentException("a segment of " + sockaddr.byteSize() + " bytes cannot hold " + what
                    + " (" + size + " bytes)");
        }
    }

    private static void checkAddress(byte[] address, int length, String what) {
        if (address.length != length) {
            throw new IllegalArgumentException(what + " address must be " + length + " bytes, got " + address.length);
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }
}
