package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Socket addresses in Winsock's memory form: family in host order (little endian), the rest big endian. */
class SockaddrsTest {

    private static byte[] bytes(MemorySegment segment, long offset, int length) {
        return segment.asSlice(offset, length).toArray(JAVA_BYTE);
    }

    private static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void ipv4IsWrittenInNetworkByteOrderAndReadBack() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SOCKADDR_STORAGE.allocate(arena).fill((byte) 0x55);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("192.168.1.2"), 8080);
            assertEquals(16, Sockaddrs.write(sa, address));
            // AF_INET = 2 little endian, port 8080 = 0x1F90 big endian, 192.168.1.2, sin_zero cleared
            assertArrayEquals(b(2, 0, 0x1F, 0x90, 192, 168, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0), bytes(sa, 0, 16));
            assertEquals(0x55, Byte.toUnsignedInt(sa.get(JAVA_BYTE, 16)), "nothing past SOCKADDR_IN is written");
            assertEquals(WinsockConstants.AF_INET, Sockaddrs.family(sa));
            assertEquals(8080, Sockaddrs.port(sa));
            assertEquals(address, Sockaddrs.read(sa));
            assertEquals(WinsockConstants.AF_INET, SOCKADDR_IN.sin_family(sa));
        }
    }

    @Test
    void ipv6IsWrittenInNetworkByteOrderAndReadBack() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SOCKADDR_IN6.allocate(arena);
            InetAddress ip = InetAddress.getByName("2001:db8::1");
            InetSocketAddress address = new InetSocketAddress(ip, 443);
            assertEquals(28, Sockaddrs.write(sa, address));
            assertArrayEquals(b(23, 0, 0x01, 0xBB, 0, 0, 0, 0), bytes(sa, 0, 8));
            assertArrayEquals(ip.getAddress(), bytes(sa, 8, 16));
            assertEquals(0x20, Byte.toUnsignedInt(sa.get(JAVA_BYTE, 8)), "most significant byte first");
            assertEquals(0, SOCKADDR_IN6.sin6_scope_id(sa));
            assertEquals(443, Sockaddrs.port(sa));
            assertEquals(address, Sockaddrs.read(sa));
        }
    }

    @Test
    void ipv6ScopeIdSurvivesTheRoundTrip() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SOCKADDR_STORAGE.allocate(arena);
            byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
            Inet6Address scoped = Inet6Address.getByAddress(null, linkLocal, 5);
            Sockaddrs.write(sa, new InetSocketAddress(scoped, 65535));
            assertEquals(5, SOCKADDR_IN6.sin6_scope_id(sa));
            assertArrayEquals(b(0xFF, 0xFF), bytes(sa, 2, 2));
            InetSocketAddress read = Sockaddrs.read(sa);
            assertEquals(65535, read.getPort());
            Inet6Address readIp = assertInstanceOf(Inet6Address.class, read.getAddress());
            assertEquals(5, readIp.getScopeId());
            assertArrayEquals(linkLocal, readIp.getAddress());
        }
    }

    @Test
    void readsAnUnalignedAddressAsGetAcceptExSockaddrsMayReturnOne() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(64, 8);
            MemorySegment sa = buffer.asSlice(3);
            Sockaddrs.writeIPv4(sa, b(10, 0, 0, 7), 1);
            InetSocketAddress read = Sockaddrs.read(sa);
            assertInstanceOf(Inet4Address.class, read.getAddress());
            assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 1), read);
        }
    }

    @Test
    void badInputIsRefusedWithAMessageNamingTheProblem() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(16);
            IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                    () -> Sockaddrs.writeIPv6(small, new byte[16], 1, 0));
            assertTrue(tooSmall.getMessage().contains("SOCKADDR_IN6"), tooSmall.getMessage());
            IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                    () -> Sockaddrs.writeIPv4(small, new byte[4], 65536));
            assertTrue(port.getMessage().contains("65536"), port.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Sockaddrs.writeIPv4(small, new byte[5], 1));
            assertThrows(IllegalArgumentException.class,
                    () -> Sockaddrs.write(small, InetSocketAddress.createUnresolved("example.org", 80)));
            MemorySegment unknown = arena.allocate(16);
            unknown.set(JAVA_BYTE, 0, (byte) 1); // AF_UNIX
            IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
                    () -> Sockaddrs.read(unknown));
            assertTrue(family.getMessage().contains("address family 1"), family.getMessage());
        }
    }
}
