package org.iocp4j.bindings.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.iocp4j.bindings.CallState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libc bindings against the real system: loopback TCP, eventfd, files, and errno reporting. */
class LibcTest {
    @BeforeAll
    static void linux() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "glibc bindings run only on Linux; this is " + System.getProperty("os.name"));
    }

    private static int check(String function, int result, MemorySegment cs) throws ErrnoException {
        if (result < 0) {
            throw ErrnoException.of(function, cs);
        }
        return result;
    }

    private static MemorySegment loopback(Arena arena, int port) {
        MemorySegment sa = sockaddr_in.allocate(arena);
        sockaddr_in.sin_family(sa, (short) LinuxConstants.AF_INET);
        sockaddr_in.sin_port(sa, Short.reverseBytes((short) port));
        in_addr.s_addr(sockaddr_in.sin_addr(sa), Integer.reverseBytes(LinuxConstants.INADDR_LOOPBACK));
        return sa;
    }

    private static int port(MemorySegment sa) {
        return Short.toUnsignedInt(Short.reverseBytes(sockaddr_in.sin_port(sa)));
    }

    /** {@code getsockname} or {@code getpeername} into a sockaddr_storage, as a sockaddr_in. */
    private static MemorySegment name(Arena arena, MemorySegment cs, int fd, boolean peer) throws ErrnoException {
        MemorySegment ss = sockaddr_storage.allocate(arena);
        MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, (int) sockaddr_storage.sizeof());
        check(peer ? "getpeername" : "getsockname",
                peer ? Libc.getpeername(cs, fd, ss, len) : Libc.getsockname(cs, fd, ss, len), cs);
        assertEquals(sockaddr_in.sizeof(), len.get(ValueLayout.JAVA_INT, 0));
        assertEquals(LinuxConstants.AF_INET, sockaddr_storage.ss_family(ss));
        return ss.asSlice(0, sockaddr_in.sizeof());
    }

    @Test
    void loopbackTcpRoundTrip() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            int type = LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_CLOEXEC;
            int listener = check("socket", Libc.socket(cs, LinuxConstants.AF_INET, type, 0), cs);
            int client = -1;
            int server = -1;
            try {
                MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
                check("setsockopt", Libc.setsockopt(cs, listener, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEADDR,
                        one, 4), cs);
                check("bind", Libc.bind(cs, listener, loopback(arena, 0), (int) sockaddr_in.sizeof()), cs);
                check("listen", Libc.listen(cs, listener, LinuxConstants.SOMAXCONN), cs);
                int port = port(name(arena, cs, listener, false));
                assertTrue(port > 0 && port < 65536, "bound port " + port);

                client = check("socket", Libc.socket(cs, LinuxConstants.AF_INET, type, 0), cs);
                check("connect", Libc.connect(cs, client, loopback(arena, port), (int) sockaddr_in.sizeof()), cs);
                MemorySegment peer = sockaddr_storage.allocate(arena);
                MemorySegment peerLen = arena.allocateFrom(ValueLayout.JAVA_INT, (int) sockaddr_storage.sizeof());
                server = check("accept4", Libc.accept4(cs, listener, peer, peerLen, LinuxConstants.SOCK_CLOEXEC), cs);
                int clientPort = port(name(arena, cs, client, false));
                assertEquals(clientPort, port(peer.asSlice(0, sockaddr_in.sizeof())), "accept4 reports the client");
                assertEquals(port, port(name(arena, cs, client, true)), "the client's peer is the listener's port");

                check("setsockopt", Libc.setsockopt(cs, server, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_NODELAY,
                        one, 4), cs);
                MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
                MemorySegment valueLen = arena.allocateFrom(ValueLayout.JAVA_INT, 4);
                check("getsockopt", Libc.getsockopt(cs, server, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_NODELAY,
                        value, valueLen), cs);
                assertNotEquals(0, value.get(ValueLayout.JAVA_INT, 0), "TCP_NODELAY reads back set");

                MemorySegment ping = arena.allocateFrom("ping");
                assertEquals(5, Libc.write(cs, client, ping, 5));
                check("shutdown", Libc.shutdown(cs, client, LinuxConstants.SHUT_WR), cs);
                MemorySegment buf = arena.allocate(16);
                long got = 0;
                long n;
                while ((n = Libc.read(cs, server, buf.asSlice(got), buf.byteSize() - got)) > 0) {
                    got += n;
                }
                assertEquals(0, n, "end of stream after SHUT_WR");
                assertEquals("ping", buf.getString(0));
                assertEquals(5, got);
            } finally {
                for (int fd : new int[] {server, client, listener}) {
                    if (fd >= 0) {
                        assertEquals(0, Libc.close(cs, fd));
                    }
                }
            }
        }
    }

    @Test
    void eventfdCounts() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            int efd = check("eventfd", Libc.eventfd(cs, 3, LinuxConstants.EFD_CLOEXEC | LinuxConstants.EFD_NONBLOCK), cs);
            try {
                MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_LONG, 4);
                assertEquals(8, Libc.write(cs, efd, v, 8));
                assertEquals(8, Libc.read(cs, efd, v, 8));
                assertEquals(7, v.get(ValueLayout.JAVA_LONG, 0));
                assertEquals(-1, Libc.read(cs, efd, v, 8), "counter is now 0");
                assertEquals(Errno.EAGAIN, CallState.errno(cs));
                assertEquals("read failed: EAGAIN (11)", ErrnoException.of("read", cs).getMessage());
            } finally {
                assertEquals(0, Libc.close(cs, efd));
            }
        }
    }

    @Test
    void openReadsAFile(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("data.txt"), "io_uring", StandardCharsets.US_ASCII);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            int fd = check("open", Libc.open(cs, arena.allocateFrom(file.toString()),
                    LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC, 0), cs);
            try {
                MemorySegment buf = arena.allocate(32);
                assertEquals(8, Libc.read(cs, fd, buf, buf.byteSize()));
                assertArrayEquals("io_uring".getBytes(StandardCharsets.US_ASCII), buf.asSlice(0, 8).toArray(ValueLayout.JAVA_BYTE));
            } finally {
                assertEquals(0, Libc.close(cs, fd));
            }
            assertEquals(-1, Libc.open(cs, arena.allocateFrom(tmp.resolve("missing").toString()), LinuxConstants.O_RDONLY, 0));
            assertEquals("open failed: ENOENT (2)", ErrnoException.of("open", cs).getMessage());
        }
    }

    @Test
    void errnoNames() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = CallState.allocate(arena);
            assertEquals(-1, Libc.close(cs, -1));
            ErrnoException e = ErrnoException.of("close", cs);
            assertEquals("close failed: EBADF (9)", e.getMessage());
            assertEquals("close", e.function());
            assertEquals("EBADF", e.symbol());
        }
        // io_uring CQEs carry -errno in res; the caller negates it
        int res = -Errno.ECONNRESET;
        assertEquals("recv failed: ECONNRESET (104)", ErrnoException.of("recv", -res).getMessage());
        assertEquals("EAGAIN", ErrnoException.name(Errno.EWOULDBLOCK), "the primary name wins over the alias");
        assertEquals("EOPNOTSUPP", ErrnoException.name(Errno.ENOTSUP));
        assertEquals("ETIME", ErrnoException.name(62));
        assertEquals("send failed: UNKNOWN (9999)", ErrnoException.of("send", 9999).getMessage());
    }
}
