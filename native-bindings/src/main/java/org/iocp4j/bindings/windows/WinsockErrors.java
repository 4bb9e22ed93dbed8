package org.iocp4j.bindings.windows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Winsock error codes, as {@code WSAGetLastError()} returns them, named as in {@code winsock2.h}
 * ({@code psdk_inc/_wsa_errnos.h} in mingw-w64: {@code WSABASEERR + n}, {@code WSABASEERR} = 10000).
 * The {@code WSA_*} codes below 10000 are the Win32 codes {@code winsock2.h} aliases
 * ({@code WSA_IO_PENDING} is {@code ERROR_IO_PENDING}). Every field is checked against the mingw-w64
 * headers by the Windows conformance test; the QoS codes ({@code WSA_QOS_*}) are left out.
 */
public final class WinsockErrors {
    private WinsockErrors() {
    }
    /** {@code WSAEINTR} (10004): a blocking call was interrupted. */
    public static final int WSAEINTR = 10004;
    /** {@code WSAEBADF} (10009): bad file handle. */
    public static final int WSAEBADF = 10009;
    /** {@code WSAEACCES} (10013): permission denied. */
    public static final int WSAEACCES = 10013;
    /** {@code WSAEFAULT} (10014): bad address (a pointer or length argument is invalid). */
    public static final int WSAEFAULT = 10014;
    /** {@code WSAEINVAL} (10022): invalid argument. */
    public static final int WSAEINVAL = 10022;
    /** {@code WSAEMFILE} (10024): too many open sockets. */
    public static final int WSAEMFILE = 10024;
    /** {@code WSAEWOULDBLOCK} (10035): the operation would block. */
    public static final int WSAEWOULDBLOCK = 10035;
    /** {@code WSAEINPROGRESS} (10036): a blocking operation is in progress. */
    public static final int WSAEINPROGRESS = 10036;
    /** {@code WSAEALREADY} (10037): an operation is already in progress. */
    public static final int WSAEALREADY = 10037;
    /** {@code WSAENOTSOCK} (10038): not a socket. */
    public static final int WSAENOTSOCK = 10038;
    /** {@code WSAEDESTADDRREQ} (10039): destination address required. */
    public static final int WSAEDESTADDRREQ = 10039;
    /** {@code WSAEMSGSIZE} (10040): message too long. */
    public static final int WSAEMSGSIZE = 10040;
    /** {@code WSAEPROTOTYPE} (10041): wrong protocol type for socket. */
    public static final int WSAEPROTOTYPE = 10041;
    /** {@code WSAENOPROTOOPT} (10042): bad protocol option. */
    public static final int WSAENOPROTOOPT = 10042;
    /** {@code WSAEPROTONOSUPPORT} (10043): protocol not supported. */
    public static final int WSAEPROTONOSUPPORT = 10043;
    /** {@code WSAESOCKTNOSUPPORT} (10044): socket type not supported. */
    public static final int WSAESOCKTNOSUPPORT = 10044;
    /** {@code WSAEOPNOTSUPP} (10045): operation not supported. */
    public static final int WSAEOPNOTSUPP = 10045;
    /** {@code WSAEPFNOSUPPORT} (10046): protocol family not supported. */
    public static final int WSAEPFNOSUPPORT = 10046;
    /** {@code WSAEAFNOSUPPORT} (10047): address family not supported. */
    public static final int WSAEAFNOSUPPORT = 10047;
    /** {@code WSAEADDRINUSE} (10048): address already in use. */
    public static final int WSAEADDRINUSE = 10048;
    /** {@code WSAEADDRNOTAVAIL} (10049): cannot assign requested address. */
    public static final int WSAEADDRNOTAVAIL = 10049;
    /** {@code WSAENETDOWN} (10050): network is down. */
    public static final int WSAENETDOWN = 10050;
    /** {@code WSAENETUNREACH} (10051): network is unreachable. */
    public static final int WSAENETUNREACH = 10051;
    /** {@code WSAENETRESET} (10052): network dropped connection on reset. */
    public static final int WSAENETRESET = 10052;
    /** {@code WSAECONNABORTED} (10053): software caused connection abort. */
    public static final int WSAECONNABORTED = 10053;
    /** {@code WSAECONNRESET} (10054): connection reset by peer. */
    public static final int WSAECONNRESET = 10054;
    /** {@code WSAENOBUFS} (10055): no buffer space available. */
    public static final int WSAENOBUFS = 10055;
    /** {@code WSAEISCONN} (10056): socket is already connected. */
    public static final int WSAEISCONN = 10056;
    /** {@code WSAENOTCONN} (10057): socket is not connected. */
    public static final int WSAENOTCONN = 10057;
    /** {@code WSAESHUTDOWN} (10058): cannot send after socket shutdown. */
    public static final int WSAESHUTDOWN = 10058;
    /** {@code WSAETOOMANYREFS} (10059): too many references. */
    public static final int WSAETOOMANYREFS = 10059;
    /** {@code WSAETIMEDOUT} (10060): connection timed out. */
    public static final int WSAETIMEDOUT = 10060;
    /** {@code WSAECONNREFUSED} (10061): connection refused. */
    public static final int WSAECONNREFUSED = 10061;
    /** {@code WSAELOOP} (10062): cannot translate name. */
    public static final int WSAELOOP = 10062;
    /** {@code WSAENAMETOOLONG} (10063): name too long. */
    public static final int WSAENAMETOOLONG = 10063;
    /** {@code WSAEHOSTDOWN} (10064): host is down. */
    public static final int WSAEHOSTDOWN = 10064;
    /** {@code WSAEHOSTUNREACH} (10065): no route to host. */
    public static final int WSAEHOSTUNREACH = 10065;
    /** {@code WSAENOTEMPTY} (10066): directory not empty. */
    public static final int WSAENOTEMPTY = 10066;
    /** {@code WSAEPROCLIM} (10067): too many processes. */
    public static final int WSAEPROCLIM = 10067;
    /** {@code WSAEUSERS} (10068): user quota exceeded. */
    public static final int WSAEUSERS = 10068;
    /** {@code WSAEDQUOT} (10069): disk quota exceeded. */
    public static final int WSAEDQUOT = 10069;
    /** {@code WSAESTALE} (10070): stale file handle reference. */
    public static final int WSAESTALE = 10070;
    /** {@code WSAEREMOTE} (10071): item is remote. */
    public static final int WSAEREMOTE = 10071;
    /** {@code WSASYSNOTREADY} (10091): network subsystem is unavailable. */
    public static final int WSASYSNOTREADY = 10091;
    /** {@code WSAVERNOTSUPPORTED} (10092): Winsock version out of range. */
    public static final int WSAVERNOTSUPPORTED = 10092;
    /** {@code WSANOTINITIALISED} (10093): WSAStartup has not been called. */
    public static final int WSANOTINITIALISED = 10093;
    /** {@code WSAEDISCON} (10101): graceful shutdown in progress. */
    public static final int WSAEDISCON = 10101;
    /** {@code WSAENOMORE} (10102): no more results. */
    public static final int WSAENOMORE = 10102;
    /** {@code WSAECANCELLED} (10103): call has been cancelled. */
    public static final int WSAECANCELLED = 10103;
    /** {@code WSAEINVALIDPROCTABLE} (10104): procedure call table is invalid. */
    public static final int WSAEINVALIDPROCTABLE = 10104;
    /** {@code WSAEINVALIDPROVIDER} (10105): service provider is invalid. */
    public static final int WSAEINVALIDPROVIDER = 10105;
    /** {@code WSAEPROVIDERFAILEDINIT} (10106): service provider failed to initialize. */
    public static final int WSAEPROVIDERFAILEDINIT = 10106;
    /** {@code WSASYSCALLFAILURE} (10107): system call failure. */
    public static final int WSASYSCALLFAILURE = 10107;
    /** {@code WSASERVICE_NOT_FOUND} (10108): service not found. */
    public static final int WSASERVICE_NOT_FOUND = 10108;
    /** {@code WSATYPE_NOT_FOUND} (10109): class type not found. */
    public static final int WSATYPE_NOT_FOUND = 10109;
    /** {@code WSA_E_NO_MORE} (10110): no more results. */
    public static final int WSA_E_NO_MORE = 10110;
    /** {@code WSA_E_CANCELLED} (10111): call was cancelled. */
    public static final int WSA_E_CANCELLED = 10111;
    /** {@code WSAEREFUSED} (10112): database query was refused. */
    public static final int WSAEREFUSED = 10112;
    /** {@code WSAHOST_NOT_FOUND} (11001): host not found. */
    public static final int WSAHOST_NOT_FOUND = 11001;
    /** {@code WSATRY_AGAIN} (11002): nonauthoritative host not found. */
    public static final int WSATRY_AGAIN = 11002;
    /** {@code WSANO_RECOVERY} (11003): this is a nonrecoverable error. */
    public static final int WSANO_RECOVERY = 11003;
    /** {@code WSANO_DATA} (11004): valid name, no data record of requested type. */
    public static final int WSANO_DATA = 11004;

    /** {@code WSA_INVALID_HANDLE} ({@code ERROR_INVALID_HANDLE}, 6): specified event object handle is invalid. */
    public static final int WSA_INVALID_HANDLE = 6;
    /** {@code WSA_NOT_ENOUGH_MEMORY} ({@code ERROR_NOT_ENOUGH_MEMORY}, 8): insufficient memory available. */
    public static final int WSA_NOT_ENOUGH_MEMORY = 8;
    /** {@code WSA_INVALID_PARAMETER} ({@code ERROR_INVALID_PARAMETER}, 87): one or more parameters are invalid. */
    public static final int WSA_INVALID_PARAMETER = 87;
    /** {@code WSA_OPERATION_ABORTED} ({@code ERROR_OPERATION_ABORTED}, 995): overlapped operation aborted (socket closed or I/O cancelled). */
    public static final int WSA_OPERATION_ABORTED = 995;
    /** {@code WSA_IO_INCOMPLETE} ({@code ERROR_IO_INCOMPLETE}, 996): overlapped I/O event object not in signaled state. */
    public static final int WSA_IO_INCOMPLETE = 996;
    /** {@code WSA_IO_PENDING} ({@code ERROR_IO_PENDING}, 997): overlapped operations will complete later. */
    public static final int WSA_IO_PENDING = 997;

    /** Name of each code above; built once from the fields, so it cannot drift from them. */
    private static final Map<Integer, String> NAMES = names();

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : WinsockErrors.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == int.class) {
                try {
                    names.put(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError("public field " + field + " is not readable", e);
                }
            }
        }
        return Map.copyOf(names);
    }

    /**
     * The symbolic name of a Winsock error code ({@code "WSAECONNRESET"} for 10054), or {@code null}
     * for a code not listed here.
     */
    public static String nameOf(int code) {
        return NAMES.get(code);
    }
}
