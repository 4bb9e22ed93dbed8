package org.iocp4j.bindings.linux;

/**
 * The {@code errno} codes of Linux (x86_64), named and valued as in {@code <errno.h>}; the text of each is
 * what {@code strerror} says. System calls report them through {@code errno} ({@link
 * org.iocp4j.bindings.CallState#errno}), io_uring completions as {@code -errno} in {@code cqe->res}.
 * {@link ErrnoException} names a code from this table. Checked against the header by the Linux conformance
 * test.
 */
public final class Errno {
    private Errno() {
    }

    // <errno.h> (asm-generic/errno-base.h, asm-generic/errno.h; ENOTSUP from glibc)
    /** {@code EPERM}: Operation not permitted. */
    public static final int EPERM = 1;
    /** {@code ENOENT}: No such file or directory. */
    public static final int ENOENT = 2;
    /** {@code ESRCH}: No such process. */
    public static final int ESRCH = 3;
    /** {@code EINTR}: Interrupted system call. */
    public static final int EINTR = 4;
    /** {@code EIO}: Input/output error. */
    public static final int EIO = 5;
    /** {@code ENXIO}: No such device or address. */
    public static final int ENXIO = 6;
    /** {@code E2BIG}: Argument list too long. */
    public static final int E2BIG = 7;
    /** {@code ENOEXEC}: Exec format error. */
    public static final int ENOEXEC = 8;
    /** {@code EBADF}: Bad file descriptor. */
    public static final int EBADF = 9;
    /** {@code ECHILD}: No child processes. */
    public static final int ECHILD = 10;
    /** {@code EAGAIN}: Resource temporarily unavailable. */
    public static final int EAGAIN = 11;
    /** {@code ENOMEM}: Cannot allocate memory. */
    public static final int ENOMEM = 12;
    /** {@code EACCES}: Permission denied. */
    public static final int EACCES = 13;
    /** {@code EFAULT}: Bad address. */
    public static final int EFAULT = 14;
    /** {@code ENOTBLK}: Block device required. */
    public static final int ENOTBLK = 15;
    /** {@code EBUSY}: Device or resource busy. */
    public static final int EBUSY = 16;
    /** {@code EEXIST}: File exists. */
    public static final int EEXIST = 17;
    /** {@code EXDEV}: Invalid cross-device link. */
    public static final int EXDEV = 18;
    /** {@code ENODEV}: No such device. */
    public static final int ENODEV = 19;
    /** {@code ENOTDIR}: Not a directory. */
    public static final int ENOTDIR = 20;
    /** {@code EISDIR}: Is a directory. */
    public static final int EISDIR = 21;
    /** {@code EINVAL}: Invalid argument. */
    public static final int EINVAL = 22;
    /** {@code ENFILE}: Too many open files in system. */
    public static final int ENFILE = 23;
    /** {@code EMFILE}: Too many open files. */
    public static final int EMFILE = 24;
    /** {@code ENOTTY}: Inappropriate ioctl for device. */
    public static final int ENOTTY = 25;
    /** {@code ETXTBSY}: Text file busy. */
    public static final int ETXTBSY = 26;
    /** {@code EFBIG}: File too large. */
    public static final int EFBIG = 27;
    /** {@code ENOSPC}: No space left on device. */
    public static final int ENOSPC = 28;
    /** {@code ESPIPE}: Illegal seek. */
    public static final int ESPIPE = 29;
    /** {@code EROFS}: Read-only file system. */
    public static final int EROFS = 30;
    /** {@code EMLINK}: Too many links. */
    public static final int EMLINK = 31;
    /** {@code EPIPE}: Broken pipe. */
    public static final int EPIPE = 32;
    /** {@code EDOM}: Numerical argument out of domain. */
    public static final int EDOM = 33;
    /** {@code ERANGE}: Numerical result out of range. */
    public static final int ERANGE = 34;
    /** {@code EDEADLK}: Resource deadlock avoided. */
    public static final int EDEADLK = 35;
    /** {@code ENAMETOOLONG}: File name too long. */
    public static final int ENAMETOOLONG = 36;
    /** {@code ENOLCK}: No locks available. */
    public static final int ENOLCK = 37;
    /** {@code ENOSYS}: Function not implemented. */
    public static final int ENOSYS = 38;
    /** {@code ENOTEMPTY}: Directory not empty. */
    public static final int ENOTEMPTY = 39;
    /** {@code ELOOP}: Too many levels of symbolic links. */
    public static final int ELOOP = 40;
    /** {@code EWOULDBLOCK}: alias of {@code EAGAIN}. */
    public static final int EWOULDBLOCK = 11;
    /** {@code ENOMSG}: No message of desired type. */
    public static final int ENOMSG = 42;
    /** {@code EIDRM}: Identifier removed. */
    public static final int EIDRM = 43;
    /** {@code ECHRNG}: Channel number out of range. */
    public static final int ECHRNG = 44;
    /** {@code EL2NSYNC}: Level 2 not synchronized. */
    public static final int EL2NSYNC = 45;
    /** {@code EL3HLT}: Level 3 halted. */
    public static final int EL3HLT = 46;
    /** {@code EL3RST}: Level 3 reset. */
    public static final int EL3RST = 47;
    /** {@code ELNRNG}: Link number out of range. */
    public static final int ELNRNG = 48;
    /** {@code EUNATCH}: Protocol driver not attached. */
    public static final int EUNATCH = 49;
    /** {@code ENOCSI}: No CSI structure available. */
    public static final int ENOCSI = 50;
    /** {@code EL2HLT}: Level 2 halted. */
    public static final int EL2HLT = 51;
    /** {@code EBADE}: Invalid exchange. */
    public static final int EBADE = 52;
    /** {@code EBADR}: Invalid request descriptor. */
    public static final int EBADR = 53;
    /** {@code EXFULL}: Exchange full. */
    public static final int EXFULL = 54;
    /** {@code ENOANO}: No anode. */
    public static final int ENOANO = 55;
    /** {@code EBADRQC}: Invalid request code. */
    public static final int EBADRQC = 56;
    /** {@code EBADSLT}: Invalid slot. */
    public static final int EBADSLT = 57;
    /** {@code EDEADLOCK}: alias of {@code EDEADLK}. */
    public static final int EDEADLOCK = 35;
    /** {@code EBFONT}: Bad font file format. */
    public static final int EBFONT = 59;
    /** {@code ENOSTR}: Device not a stream. */
    public static final int ENOSTR = 60;
    /** {@code ENODATA}: No data available. */
    public static final int ENODATA = 61;
    /** {@code ETIME}: Timer expired. */
    public static final int ETIME = 62;
    /** {@code ENOSR}: Out of streams resources. */
    public static final int ENOSR = 63;
    /** {@code ENONET}: Machine is not on the network. */
    public static final int ENONET = 64;
    /** {@code ENOPKG}: Package not installed. */
    public static final int ENOPKG = 65;
    /** {@code EREMOTE}: Object is remote. */
    public static final int EREMOTE = 66;
    /** {@code ENOLINK}: Link has been severed. */
    public static final int ENOLINK = 67;
    /** {@code EADV}: Advertise error. */
    public static final int EADV = 68;
    /** {@code ESRMNT}: Srmount error. */
    public static final int ESRMNT = 69;
    /** {@code ECOMM}: Communication error on send. */
    public static final int ECOMM = 70;
    /** {@code EPROTO}: Protocol error. */
    public static final int EPROTO = 71;
    /** {@code EMULTIHOP}: Multihop attempted. */
    public static final int EMULTIHOP = 72;
    /** {@code EDOTDOT}: RFS specific error. */
    public static final int EDOTDOT = 73;
    /** {@code EBADMSG}: Bad message. */
    public static final int EBADMSG = 74;
    /** {@code EOVERFLOW}: Value too large for defined data type. */
    public static final int EOVERFLOW = 75;
    /** {@code ENOTUNIQ}: Name not unique on network. */
    public static final int ENOTUNIQ = 76;
    /** {@code EBADFD}: File descriptor in bad state. */
    public static final int EBADFD = 77;
    /** {@code EREMCHG}: Remote address changed. */
    public static final int EREMCHG = 78;
    /** {@code ELIBACC}: Can not access a needed shared library. */
    public static final int ELIBACC = 79;
    /** {@code ELIBBAD}: Accessing a corrupted shared library. */
    public static final int ELIBBAD = 80;
    /** {@code ELIBSCN}: .lib section in a.out corrupted. */
    public static final int ELIBSCN = 81;
    /** {@code ELIBMAX}: Attempting to link in too many shared libraries. */
    public static final int ELIBMAX = 82;
    /** {@code ELIBEXEC}: Cannot exec a shared library directly. */
    public static final int ELIBEXEC = 83;
    /** {@code EILSEQ}: Invalid or incomplete multibyte or wide character. */
    public static final int EILSEQ = 84;
    /** {@code ERESTART}: Interrupted system call should be restarted. */
    public static final int ERESTART = 85;
    /** {@code ESTRPIPE}: Streams pipe error. */
    public static final int ESTRPIPE = 86;
    /** {@code EUSERS}: Too many users. */
    public static final int EUSERS = 87;
    /** {@code ENOTSOCK}: Socket operation on non-socket. */
    public static final int ENOTSOCK = 88;
    /** {@code EDESTADDRREQ}: Destination address required. */
    public static final int EDESTADDRREQ = 89;
    /** {@code EMSGSIZE}: Message too long. */
    public static final int EMSGSIZE = 90;
    /** {@code EPROTOTYPE}: Protocol wrong type for socket. */
    public static final int EPROTOTYPE = 91;
    /** {@code ENOPROTOOPT}: Protocol not available. */
    public static final int ENOPROTOOPT = 92;
    /** {@code EPROTONOSUPPORT}: Protocol not supported. */
    public static final int EPROTONOSUPPORT = 93;
    /** {@code ESOCKTNOSUPPORT}: Socket type not supported. */
    public static final int ESOCKTNOSUPPORT = 94;
    /** {@code EOPNOTSUPP}: Operation not supported. */
    public static final int EOPNOTSUPP = 95;
    /** {@code EPFNOSUPPORT}: Protocol family not supported. */
    public static final int EPFNOSUPPORT = 96;
    /** {@code EAFNOSUPPORT}: Address family not supported by protocol. */
    public static final int EAFNOSUPPORT = 97;
    /** {@code EADDRINUSE}: Address already in use. */
    public static final int EADDRINUSE = 98;
    /** {@code EADDRNOTAVAIL}: Cannot assign requested address. */
    public static final int EADDRNOTAVAIL = 99;
    /** {@code ENETDOWN}: Network is down. */
    public static final int ENETDOWN = 100;
    /** {@code ENETUNREACH}: Network is unreachable. */
    public static final int ENETUNREACH = 101;
    /** {@code ENETRESET}: Network dropped connection on reset. */
    public static final int ENETRESET = 102;
    /** {@code ECONNABORTED}: Software caused connection abort. */
    public static final int ECONNABORTED = 103;
    /** {@code ECONNRESET}: Connection reset by peer. */
    public static final int ECONNRESET = 104;
    /** {@code ENOBUFS}: No buffer space available. */
    public static final int ENOBUFS = 105;
    /** {@code EISCONN}: Transport endpoint is already connected. */
    public static final int EISCONN = 106;
    /** {@code ENOTCONN}: Transport endpoint is not connected. */
    public static final int ENOTCONN = 107;
    /** {@code ESHUTDOWN}: Cannot send after transport endpoint shutdown. */
    public static final int ESHUTDOWN = 108;
    /** {@code ETOOMANYREFS}: Too many references: cannot splice. */
    public static final int ETOOMANYREFS = 109;
    /** {@code ETIMEDOUT}: Connection timed out. */
    public static final int ETIMEDOUT = 110;
    /** {@code ECONNREFUSED}: Connection refused. */
    public static final int ECONNREFUSED = 111;
    /** {@code EHOSTDOWN}: Host is down. */
    public static final int EHOSTDOWN = 112;
    /** {@code EHOSTUNREACH}: No route to host. */
    public static final int EHOSTUNREACH = 113;
    /** {@code EALREADY}: Operation already in progress. */
    public static final int EALREADY = 114;
    /** {@code EINPROGRESS}: Operation now in progress. */
    public static final int EINPROGRESS = 115;
    /** {@code ESTALE}: Stale file handle. */
    public static final int ESTALE = 116;
    /** {@code EUCLEAN}: Structure needs cleaning. */
    public static final int EUCLEAN = 117;
    /** {@code ENOTNAM}: Not a XENIX named type file. */
    public static final int ENOTNAM = 118;
    /** {@code ENAVAIL}: No XENIX semaphores available. */
    public static final int ENAVAIL = 119;
    /** {@code EISNAM}: Is a named type file. */
    public static final int EISNAM = 120;
    /** {@code EREMOTEIO}: Remote I/O error. */
    public static final int EREMOTEIO = 121;
    /** {@code EDQUOT}: Disk quota exceeded. */
    public static final int EDQUOT = 122;
    /** {@code ENOMEDIUM}: No medium found. */
    public static final int ENOMEDIUM = 123;
    /** {@code EMEDIUMTYPE}: Wrong medium type. */
    public static final int EMEDIUMTYPE = 124;
    /** {@code ECANCELED}: Operation canceled. */
    public static final int ECANCELED = 125;
    /** {@code ENOKEY}: Required key not available. */
    public static final int ENOKEY = 126;
    /** {@code EKEYEXPIRED}: Key has expired. */
    public static final int EKEYEXPIRED = 127;
    /** {@code EKEYREVOKED}: Key has been revoked. */
    public static final int EKEYREVOKED = 128;
    /** {@code EKEYREJECTED}: Key was rejected by service. */
    public static final int EKEYREJECTED = 129;
    /** {@code EOWNERDEAD}: Owner died. */
    public static final int EOWNERDEAD = 130;
    /** {@code ENOTRECOVERABLE}: State not recoverable. */
    public static final int ENOTRECOVERABLE = 131;
    /** {@code ERFKILL}: Operation not possible due to RF-kill. */
    public static final int ERFKILL = 132;
    /** {@code EHWPOISON}: Memory page has hardware error. */
    public static final int EHWPOISON = 133;
    /** {@code ENOTSUP}: alias of {@code EOPNOTSUPP}. */
    public static final int ENOTSUP = 95;
}
