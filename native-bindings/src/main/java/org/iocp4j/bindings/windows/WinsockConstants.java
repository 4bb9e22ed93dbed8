package org.iocp4j.bindings.windows;

/**
 * Winsock constants (x64), named as the C macros and enumerators in {@code winsock2.h},
 * {@code ws2def.h}, {@code ws2ipdef.h}, {@code mswsock.h} and {@code mswsockdef.h}. Every field is
 * checked against the mingw-w64 headers by the Windows conformance test, except the RIO ones and
 * {@code SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER}, which mingw-w64 10 lacks and which follow
 * Microsoft's {@code mswsock.h} / {@code mswsockdef.h} as documented on learn.microsoft.com.
 *
 * <p>Values the headers compute ({@code _WSAIORW(IOC_WS2,6)}, {@code _IOW('f',126,u_long)}) are given as
 * the resulting numbers, with the expression in the comment.
 */
public final class WinsockConstants {
    private WinsockConstants() {
    }

    // Address families, socket types, protocols (winsock2.h, ws2def.h)
    /** {@code AF_UNSPEC}: unspecified address family. */
    public static final int AF_UNSPEC = 0;
    /** {@code AF_INET}: IPv4. */
    public static final int AF_INET = 2;
    /** {@code AF_INET6}: IPv6. */
    public static final int AF_INET6 = 23;
    /** {@code SOCK_STREAM}: a stream socket (TCP). */
    public static final int SOCK_STREAM = 1;
    /** {@code SOCK_DGRAM}: a datagram socket (UDP). */
    public static final int SOCK_DGRAM = 2;
    /** {@code IPPROTO_TCP}. */
    public static final int IPPROTO_TCP = 6;
    /** {@code IPPROTO_UDP}. */
    public static final int IPPROTO_UDP = 17;
    /** {@code IPPROTO_IPV6}: level of the IPv6 socket options. */
    public static final int IPPROTO_IPV6 = 41;

    // Socket options
    /** {@code SOL_SOCKET}: level of the socket-wide options. */
    public static final int SOL_SOCKET = 0xffff;
    /** {@code SO_REUSEADDR}: allow binding an address in use. */
    public static final int SO_REUSEADDR = 0x0004;
    /** {@code SO_EXCLUSIVEADDRUSE}, {@code ((int)(~SO_REUSEADDR))}: forbid others to bind the address. */
    public static final int SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR;
    /** {@code SO_KEEPALIVE}: send keep-alives. */
    public static final int SO_KEEPALIVE = 0x0008;
    /** {@code SO_LINGER}: linger on close (a {@link LINGER}). */
    public static final int SO_LINGER = 0x0080;
    /** {@code SO_SNDBUF}: send buffer size. */
    public static final int SO_SNDBUF = 0x1001;
    /** {@code SO_RCVBUF}: receive buffer size. */
    public static final int SO_RCVBUF = 0x1002;
    /** {@code SO_ERROR}: read and clear the pending error. */
    public static final int SO_ERROR = 0x1007;
    /** {@code SO_TYPE}: the socket type. */
    public static final int SO_TYPE = 0x1008;
    /** {@code TCP_NODELAY}: disable Nagle's algorithm (level {@code IPPROTO_TCP}). */
    public static final int TCP_NODELAY = 0x0001;
    /** {@code IPV6_V6ONLY}: an AF_INET6 socket accepts IPv6 only (level {@code IPPROTO_IPV6}). */
    public static final int IPV6_V6ONLY = 27;
    /** {@code SO_UPDATE_ACCEPT_CONTEXT}: give a socket accepted by AcceptEx the listener's properties. */
    public static final int SO_UPDATE_ACCEPT_CONTEXT = 0x700B;
    /** {@code SO_CONNECT_TIME}: seconds the socket has been connected, -1 if not. */
    public static final int SO_CONNECT_TIME = 0x700C;
    /** {@code SO_UPDATE_CONNECT_CONTEXT}: complete a socket connected by ConnectEx. */
    public static final int SO_UPDATE_CONNECT_CONTEXT = 0x7010;

    // Ioctls
    /** {@code SIO_GET_EXTENSION_FUNCTION_POINTER}, {@code _WSAIORW(IOC_WS2,6)}. */
    public static final int SIO_GET_EXTENSION_FUNCTION_POINTER = 0xC8000006;
    /** {@code SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER}, {@code _WSAIORW(IOC_WS2,36)}: the RIO table. */
    public static final int SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER = 0xC8000024;
    /** {@code SIO_LOOPBACK_FAST_PATH}, {@code _WSAIOW(IOC_VENDOR,16)}. */
    public static final int SIO_LOOPBACK_FAST_PATH = 0x98000010;
    /** {@code FIONBIO}, {@code _IOW('f',126,u_long)}: set or clear non-blocking mode. */
    public static final int FIONBIO = 0x8004667E;
    /** {@code FIONREAD}, {@code _IOR('f',127,u_long)}: bytes available to read. */
    public static final int FIONREAD = 0x4004667F;

    // shutdown(how)
    /** {@code SD_RECEIVE}: shut down receiving. */
    public static final int SD_RECEIVE = 0x00;
    /** {@code SD_SEND}: shut down sending. */
    public static final int SD_SEND = 0x01;
    /** {@code SD_BOTH}: shut down both directions. */
    public static final int SD_BOTH = 0x02;

    // WSASocket flags
    /** {@code WSA_FLAG_OVERLAPPED}: the socket supports overlapped I/O. */
    public static final int WSA_FLAG_OVERLAPPED = 0x01;
    /** {@code WSA_FLAG_NO_HANDLE_INHERIT}: the socket is not inheritable. */
    public static final int WSA_FLAG_NO_HANDLE_INHERIT = 0x80;
    /** {@code WSA_FLAG_REGISTERED_IO}: the socket may be used with RIO. */
    public static final int WSA_FLAG_REGISTERED_IO = 0x100;

    // Results
    /** {@code INVALID_SOCKET}, {@code (SOCKET)(~0)}. */
    public static final long INVALID_SOCKET = ~0L;
    /** {@code SOCKET_ERROR}: the failure result of most Winsock functions. */
    public static final int SOCKET_ERROR = -1;

    // Message flags
    /** {@code MSG_OOB}: out-of-band data. */
    public static final int MSG_OOB = 0x1;
    /** {@code MSG_PEEK}: peek at incoming data. */
    public static final int MSG_PEEK = 0x2;
    /** {@code MSG_WAITALL}: complete a receive only when the buffer is full. */
    public static final int MSG_WAITALL = 0x8;
    /** {@code MSG_PARTIAL}: the message is partial. */
    public static final int MSG_PARTIAL = 0x8000;

    // TransmitFile / DisconnectEx flags (mswsock.h)
    /** {@code TF_DISCONNECT}: start a disconnect after the data. */
    public static final int TF_DISCONNECT = 0x01;
    /** {@code TF_REUSE_SOCKET}: prepare the socket for reuse by AcceptEx/ConnectEx. */
    public static final int TF_REUSE_SOCKET = 0x02;
    /** {@code TF_WRITE_BEHIND}: complete without waiting for acknowledgement. */
    public static final int TF_WRITE_BEHIND = 0x04;
    /** {@code TF_USE_KERNEL_APC}: use kernel APCs instead of worker threads. */
    public static final int TF_USE_KERNEL_APC = 0x20;

    /** {@code SOMAXCONN}: listen backlog meaning "a reasonable maximum" (winsock2.h). */
    public static final int SOMAXCONN = 0x7fffffff;

    // WSADATA sizes
    /** {@code WSADESCRIPTION_LEN}: {@code WSADATA.szDescription} holds this many chars plus a NUL. */
    public static final int WSADESCRIPTION_LEN = 256;
    /** {@code WSASYS_STATUS_LEN}: {@code WSADATA.szSystemStatus} holds this many chars plus a NUL. */
    public static final int WSASYS_STATUS_LEN = 128;

    // Registered I/O (mswsockdef.h, mswsock.h)
    /** {@code RIO_CORRUPT_CQ}: what RIODequeueCompletion returns for a corrupt completion queue. */
    public static final int RIO_CORRUPT_CQ = 0xFFFFFFFF;
    /** {@code RIO_INVALID_BUFFERID}, {@code ((RIO_BUFFERID)(ULONG_PTR)0xFFFFFFFF)}: RIORegisterBuffer failed. */
    public static final long RIO_INVALID_BUFFERID = 0xFFFFFFFFL;
    /** {@code RIO_INVALID_CQ}, {@code ((RIO_CQ)0)}: RIOCreateCompletionQueue failed. */
    public static final long RIO_INVALID_CQ = 0L;
    /** {@code RIO_INVALID_RQ}, {@code ((RIO_RQ)0)}: RIOCreateRequestQueue failed. */
    public static final long RIO_INVALID_RQ = 0L;
    /** {@code RIO_MAX_CQ_SIZE}: the largest completion queue. */
    public static final int RIO_MAX_CQ_SIZE = 0x8000000;
    /** {@code RIO_EVENT_COMPLETION}: a completion queue signals an event. */
    public static final int RIO_EVENT_COMPLETION = 1;
    /** {@code RIO_IOCP_COMPLETION}: a completion queue posts to an I/O completion port. */
    public static final int RIO_IOCP_COMPLETION = 2;
    /** {@code RIO_MSG_DONT_NOTIFY}: do not trigger RIONotify for this request's completion. */
    public static final int RIO_MSG_DONT_NOTIFY = 0x00000001;
    /** {@code RIO_MSG_DEFER}: queue the request but do not start it yet. */
    public static final int RIO_MSG_DEFER = 0x00000002;
    /** {@code RIO_MSG_WAITALL}: complete a receive only when the buffer is full. */
    public static final int RIO_MSG_WAITALL = 0x00000004;
    /** {@code RIO_MSG_COMMIT_ONLY}: start the requests queued with RIO_MSG_DEFER. */
    public static final int RIO_MSG_COMMIT_ONLY = 0x00000008;
}
