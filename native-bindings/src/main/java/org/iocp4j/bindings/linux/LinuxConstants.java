package org.iocp4j.bindings.linux;

/**
 * Constants from the Linux UAPI and glibc headers (x86_64) that the bindings' users need, named as in C and
 * grouped by header. Checked against the real headers by the Linux conformance test.
 */
public final class LinuxConstants {
    private LinuxConstants() {
    }

    // <sys/mman.h>
    /** {@code PROT_READ}: pages may be read. */
    public static final int PROT_READ = 1;
    /** {@code PROT_WRITE}: pages may be written. */
    public static final int PROT_WRITE = 2;
    /** {@code MAP_SHARED}: updates are visible to other mappings of the same object. */
    public static final int MAP_SHARED = 1;
    /** {@code MAP_PRIVATE}: copy-on-write mapping. */
    public static final int MAP_PRIVATE = 2;
    /** {@code MAP_FIXED}: place the mapping exactly at the address. */
    public static final int MAP_FIXED = 16;
    /** {@code MAP_ANONYMOUS}: not backed by a file; zero-filled. */
    public static final int MAP_ANONYMOUS = 32;
    /** {@code MAP_POPULATE}: prefault the pages. */
    public static final int MAP_POPULATE = 0x8000;
    /** {@code MAP_FIXED_NOREPLACE}: like MAP_FIXED but fail rather than replace an existing mapping. */
    public static final int MAP_FIXED_NOREPLACE = 0x100000;
    /** {@code MAP_FAILED}: {@code (void *) -1}, what {@code mmap} returns on failure, as an address. */
    public static final long MAP_FAILED = -1L;

    // <unistd.h>
    /** {@code _SC_PAGESIZE}: the name {@code sysconf} takes for the page size. */
    public static final int _SC_PAGESIZE = 30;
    /** {@code _SC_NPROCESSORS_ONLN}: the name {@code sysconf} takes for the processors online. */
    public static final int _SC_NPROCESSORS_ONLN = 84;

    // <sys/socket.h>: address families, socket types and flags
    /** {@code AF_UNSPEC}: unspecified address family. */
    public static final int AF_UNSPEC = 0;
    /** {@code AF_UNIX}: local (Unix domain) sockets. */
    public static final int AF_UNIX = 1;
    /** {@code AF_INET}: IPv4. */
    public static final int AF_INET = 2;
    /** {@code AF_INET6}: IPv6. */
    public static final int AF_INET6 = 10;
    /** {@code SOCK_STREAM}: a connected byte stream (TCP). */
    public static final int SOCK_STREAM = 1;
    /** {@code SOCK_DGRAM}: datagrams (UDP). */
    public static final int SOCK_DGRAM = 2;
    /** {@code SOCK_NONBLOCK}: {@code socket}/{@code accept4} flag: non-blocking descriptor. */
    public static final int SOCK_NONBLOCK = 2048;
    /** {@code SOCK_CLOEXEC}: {@code socket}/{@code accept4} flag: close on exec. */
    public static final int SOCK_CLOEXEC = 0x80000;
    /** {@code SOMAXCONN}: the default maximum {@code listen} backlog. */
    public static final int SOMAXCONN = 0x1000;

    // <sys/socket.h>: socket options
    /** {@code SOL_SOCKET}: option level of the socket itself. */
    public static final int SOL_SOCKET = 1;
    /** {@code SO_REUSEADDR}: allow binding an address in TIME_WAIT. */
    public static final int SO_REUSEADDR = 2;
    /** {@code SO_REUSEPORT}: let several sockets bind the same address and port. */
    public static final int SO_REUSEPORT = 15;
    /** {@code SO_KEEPALIVE}: send keep-alive probes. */
    public static final int SO_KEEPALIVE = 9;
    /** {@code SO_LINGER}: linger on close ({@code struct linger}). */
    public static final int SO_LINGER = 13;
    /** {@code SO_RCVBUF}: receive buffer size. */
    public static final int SO_RCVBUF = 8;
    /** {@code SO_SNDBUF}: send buffer size. */
    public static final int SO_SNDBUF = 7;
    /** {@code SO_RCVLOWAT}: minimum bytes for a receive to complete. */
    public static final int SO_RCVLOWAT = 18;
    /** {@code SO_ERROR}: read and clear the pending socket error. */
    public static final int SO_ERROR = 4;
    /** {@code SO_TYPE}: the socket type. */
    public static final int SO_TYPE = 3;

    // <sys/socket.h>: shutdown
    /** {@code SHUT_RD}: {@code shutdown}: no more receptions. */
    public static final int SHUT_RD = 0;
    /** {@code SHUT_WR}: {@code shutdown}: no more transmissions. */
    public static final int SHUT_WR = 1;
    /** {@code SHUT_RDWR}: {@code shutdown}: neither. */
    public static final int SHUT_RDWR = 2;

    // <sys/socket.h>: message flags
    /** {@code MSG_OOB}: out-of-band data. */
    public static final int MSG_OOB = 1;
    /** {@code MSG_PEEK}: look at data without removing it. */
    public static final int MSG_PEEK = 2;
    /** {@code MSG_DONTWAIT}: non-blocking for this call. */
    public static final int MSG_DONTWAIT = 64;
    /** {@code MSG_WAITALL}: wait for the full request. */
    public static final int MSG_WAITALL = 256;
    /** {@code MSG_TRUNC}: the datagram was truncated. */
    public static final int MSG_TRUNC = 32;
    /** {@code MSG_NOSIGNAL}: do not raise SIGPIPE on a broken stream. */
    public static final int MSG_NOSIGNAL = 0x4000;
    /** {@code MSG_MORE}: more data follows (cork). */
    public static final int MSG_MORE = 0x8000;

    // <netinet/in.h>
    /** {@code IPPROTO_IP}: IPv4 option level. */
    public static final int IPPROTO_IP = 0;
    /** {@code IPPROTO_TCP}: TCP. */
    public static final int IPPROTO_TCP = 6;
    /** {@code IPPROTO_UDP}: UDP. */
    public static final int IPPROTO_UDP = 17;
    /** {@code IPPROTO_IPV6}: IPv6 option level. */
    public static final int IPPROTO_IPV6 = 41;
    /** {@code INADDR_ANY}: 0.0.0.0, any IPv4 address. */
    public static final int INADDR_ANY = 0;
    /** {@code INADDR_LOOPBACK}: 127.0.0.1 (host byte order). */
    public static final int INADDR_LOOPBACK = 0x7F000001;
    /** {@code IPV6_V6ONLY}: an AF_INET6 socket does not accept IPv4-mapped traffic. */
    public static final int IPV6_V6ONLY = 26;

    // <netinet/tcp.h>
    /** {@code TCP_NODELAY}: disable Nagle's algorithm. */
    public static final int TCP_NODELAY = 1;
    /** {@code TCP_KEEPIDLE}: idle time before keep-alive probes (seconds). */
    public static final int TCP_KEEPIDLE = 4;
    /** {@code TCP_KEEPINTVL}: interval between keep-alive probes (seconds). */
    public static final int TCP_KEEPINTVL = 5;
    /** {@code TCP_KEEPCNT}: keep-alive probes before the connection is dropped. */
    public static final int TCP_KEEPCNT = 6;

    // <fcntl.h>
    /** {@code O_RDONLY}: open for reading. */
    public static final int O_RDONLY = 0;
    /** {@code O_WRONLY}: open for writing. */
    public static final int O_WRONLY = 1;
    /** {@code O_RDWR}: open for reading and writing. */
    public static final int O_RDWR = 2;
    /** {@code O_CREAT}: create if missing. */
    public static final int O_CREAT = 64;
    /** {@code O_EXCL}: fail if it exists (with O_CREAT). */
    public static final int O_EXCL = 128;
    /** {@code O_TRUNC}: truncate to length 0. */
    public static final int O_TRUNC = 512;
    /** {@code O_APPEND}: append on every write. */
    public static final int O_APPEND = 1024;
    /** {@code O_NONBLOCK}: non-blocking I/O. */
    public static final int O_NONBLOCK = 2048;
    /** {@code O_DIRECT}: bypass the page cache (buffers, offsets and lengths aligned to the logical block size). */
    public static final int O_DIRECT = 0x4000;
    /** {@code O_CLOEXEC}: close on exec. */
    public static final int O_CLOEXEC = 0x80000;

    // <sys/eventfd.h>
    /** {@code EFD_CLOEXEC}: {@code eventfd} flag: close on exec. */
    public static final int EFD_CLOEXEC = 0x80000;
    /** {@code EFD_NONBLOCK}: {@code eventfd} flag: non-blocking. */
    public static final int EFD_NONBLOCK = 2048;
    /** {@code EFD_SEMAPHORE}: {@code eventfd} flag: reads decrement by one. */
    public static final int EFD_SEMAPHORE = 1;
}
