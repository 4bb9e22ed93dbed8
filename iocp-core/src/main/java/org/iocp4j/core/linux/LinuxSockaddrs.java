package org.iocp4j.core.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.bindings.linux.sockaddr_in;
import org.iocp4j.bindings.linux.sockaddr_in6;

/** Encodes and decodes {@code struct sockaddr_in} / {@code sockaddr_in6} (ports and addresses in network order). */
final class LinuxSockaddrs {
    private LinuxSockaddrs() {
    }

    /**
     * Writes {@code address} into {@code out} (at least {@code sizeof(sockaddr_in6)} bytes).
     *
     * @return the sockaddr's length
     * @throws IllegalArgumentException for an unresolved address
     */
    static int write(InetSocketAddress address, MemorySegment out) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("address " + address + " is unresolved");
        }
        out.asSlice(0, sockaddr_in6.sizeof()).fill((byte) 0);
        short port = Short.reverseBytes((short) address.getPort());
        if (ip instanceof Inet4Address) {
            sockaddr_in.sin_family(out, (short) LinuxConstants.AF_INET);
            sockaddr_in.sin_port(out, port);
            MemorySegment.copy(ip.getAddress(), 0, out, JAVA_BYTE, sockaddr_in.sin_addr$offset(), 4);
            return (int) sockaddr_in.sizeof();
        }
        sockaddr_in6.sin6_family(out, (short) LinuxConstants.AF_INET6);
        sockaddr_in6.sin6_port(out, port);
        MemorySegment.copy(ip.getAddress(), 0, out, JAVA_BYTE, sockaddr_in6.sin6_addr$offset(), 16);
        out.set(JAVA_INT, sockaddr_in6.sin6_scope_id$offset(), ((Inet6Address) ip).getScopeId());
        return (int) sockaddr_in6.sizeof();
    }

    /** Reads the sockaddr in {@code in}. */
    static InetSocketAddress read(MemorySegment in) {
        int family = in.get(JAVA_SHORT, 0);
        try {
            if (family == LinuxConstants.AF_INET) {
                byte[] ip = in.asSlice(sockaddr_in.sin_addr$offset(), 4).toArray(JAVA_BYTE);
                int port = Short.toUnsignedInt(Short.reverseBytes(sockaddr_in.sin_port(in)));
                return new InetSocketAddress(InetAddress.getByAddress(ip), port);
            }
            if (family == LinuxConstants.AF_INET6) {
                byte[] ip = in.asSlice(sockaddr_in6.sin6_addr$offset(), 16).toArray(JAVA_BYTE);
                int port = Short.toUnsignedInt(Short.reverseBytes(sockaddr_in6.sin6_port(in)));
                int scope = in.get(JAVA_INT, sockaddr_in6.sin6_scope_id$offset());
                return new InetSocketAddress(Inet6Address.getByAddress(null, ip, scope), port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel returned a malformed address", e);
        }
        throw new IllegalArgumentException("address family " + family + " is neither AF_INET nor AF_INET6");
    }
}
