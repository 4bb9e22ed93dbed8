package org.iocp4j.bindings.windows;

/**
 * Win32 error codes ({@code winerror.h}, plus the two wait results {@code GetLastError()} reports) that
 * kernel32 and the I/O completion calls produce, named as in the Windows SDK. Values as Microsoft's
 * "System Error Codes" pages list them; the Windows conformance test checks every field against the
 * mingw-w64 headers.
 *
 * <p>No two fields share a value, so that {@link Win32Exception#symbolOf} is unambiguous. Where the SDK
 * has several names for one value, the one a Windows programmer meets in that situation is kept:
 * {@link #WAIT_TIMEOUT} (258, also {@code STATUS_TIMEOUT}) and {@link #WAIT_IO_COMPLETION} (192, which
 * {@code winerror.h} also calls {@code ERROR_EXE_MARKED_INVALID} but which an alertable wait reports).
 */
public final class Win32Errors {
    private Win32Errors() {
    }

    /** {@code ERROR_SUCCESS} (0): no error. */
    public static final int ERROR_SUCCESS = 0;
    /** {@code ERROR_INVALID_FUNCTION} (1): the operation is not supported by this handle. */
    public static final int ERROR_INVALID_FUNCTION = 1;
    /** {@code ERROR_FILE_NOT_FOUND} (2). */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** {@code ERROR_PATH_NOT_FOUND} (3). */
    public static final int ERROR_PATH_NOT_FOUND = 3;
    /** {@code ERROR_TOO_MANY_OPEN_FILES} (4). */
    public static final int ERROR_TOO_MANY_OPEN_FILES = 4;
    /** {@code ERROR_ACCESS_DENIED} (5). */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** {@code ERROR_INVALID_HANDLE} (6): the handle is closed or of the wrong kind. */
    public static final int ERROR_INVALID_HANDLE = 6;
    /** {@code ERROR_NOT_ENOUGH_MEMORY} (8). */
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    /** {@code ERROR_OUTOFMEMORY} (14): not enough storage to complete the operation. */
    public static final int ERROR_OUTOFMEMORY = 14;
    /** {@code ERROR_SHARING_VIOLATION} (32): another handle's share mode forbids this open. */
    public static final int ERROR_SHARING_VIOLATION = 32;
    /** {@code ERROR_LOCK_VIOLATION} (33): a range is locked by another process. */
    public static final int ERROR_LOCK_VIOLATION = 33;
    /** {@code ERROR_HANDLE_EOF} (38): a read at or past the end of the file. */
    public static final int ERROR_HANDLE_EOF = 38;
    /** {@code ERROR_HANDLE_DISK_FULL} (39). */
    public static final int ERROR_HANDLE_DISK_FULL = 39;
    /** {@code ERROR_NOT_SUPPORTED} (50). */
    public static final int ERROR_NOT_SUPPORTED = 50;
    /** {@code ERROR_UNEXP_NET_ERR} (59): an unexpected network error. */
    public static final int ERROR_UNEXP_NET_ERR = 59;
    /**
     * {@code ERROR_NETNAME_DELETED} (64): the connection was reset or the socket closed under a pending
     * request; what a completion reports where Winsock would say {@code WSAECONNRESET}.
     */
    public static final int ERROR_NETNAME_DELETED = 64;
    /** {@code ERROR_FILE_EXISTS} (80): {@code CREATE_NEW} on an existing file. */
    public static final int ERROR_FILE_EXISTS = 80;
    /** {@code ERROR_INVALID_PARAMETER} (87). */
    public static final int ERROR_INVALID_PARAMETER = 87;
    /** {@code ERROR_BROKEN_PIPE} (109). */
    public static final int ERROR_BROKEN_PIPE = 109;
    /** {@code ERROR_DISK_FULL} (112). */
    public static final int ERROR_DISK_FULL = 112;
    /** {@code ERROR_SEM_TIMEOUT} (121): a network operation timed out. */
    public static final int ERROR_SEM_TIMEOUT = 121;
    /** {@code ERROR_INSUFFICIENT_BUFFER} (122). */
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    /** {@code ERROR_INVALID_NAME} (123): the file name syntax is wrong. */
    public static final int ERROR_INVALID_NAME = 123;
    /** {@code ERROR_ALREADY_EXISTS} (183): {@code CREATE_ALWAYS}/{@code OPEN_ALWAYS} found the file. */
    public static final int ERROR_ALREADY_EXISTS = 183;
    /** {@code WAIT_IO_COMPLETION} (192): an alertable wait returned to run an APC or completion routine. */
    public static final int WAIT_IO_COMPLETION = 0xC0;
    /** {@code ERROR_FILENAME_EXCED_RANGE} (206): the file name is too long. */
    public static final int ERROR_FILENAME_EXCED_RANGE = 206;
    /** {@code ERROR_NO_DATA} (232): the pipe is being closed. */
    public static final int ERROR_NO_DATA = 232;
    /** {@code ERROR_PIPE_NOT_CONNECTED} (233). */
    public static final int ERROR_PIPE_NOT_CONNECTED = 233;
    /** {@code ERROR_MORE_DATA} (234): a message-mode read got part of a message. */
    public static final int ERROR_MORE_DATA = 234;
    /** {@code WAIT_TIMEOUT} (258): a wait, such as {@code GetQueuedCompletionStatus}, timed out. */
    public static final int WAIT_TIMEOUT = 258;
    /** {@code ERROR_DIRECTORY} (267): the name is not a directory. */
    public static final int ERROR_DIRECTORY = 267;
    /** {@code ERROR_INVALID_ADDRESS} (487): an address that is not reserved or committed. */
    public static final int ERROR_INVALID_ADDRESS = 487;
    /**
     * {@code ERROR_HANDLES_CLOSED} (676): the handle was closed under a pending request (Wine reports it
     * for a socket closed under a pending receive). Not in mingw-w64 10's {@code winerror.h}; value from
     * Microsoft's "System Error Codes (500-999)".
     */
    public static final int ERROR_HANDLES_CLOSED = 676;
    /** {@code ERROR_ABANDONED_WAIT_0} (735): the completion port was closed while this thread waited. */
    public static final int ERROR_ABANDONED_WAIT_0 = 735;
    /** {@code ERROR_ABANDONED_WAIT_63} (736). */
    public static final int ERROR_ABANDONED_WAIT_63 = 736;
    /** {@code ERROR_OPERATION_ABORTED} (995): the request was cancelled or its thread exited. */
    public static final int ERROR_OPERATION_ABORTED = 995;
    /** {@code ERROR_IO_INCOMPLETE} (996): the overlapped request has not completed yet. */
    public static final int ERROR_IO_INCOMPLETE = 996;
    /** {@code ERROR_IO_PENDING} (997): the request was queued and completes later through the port. */
    public static final int ERROR_IO_PENDING = 997;
    /** {@code ERROR_NOACCESS} (998): an invalid user buffer address. */
    public static final int ERROR_NOACCESS = 998;
    /** {@code ERROR_INVALID_FLAGS} (1004). */
    public static final int ERROR_INVALID_FLAGS = 1004;
    /** {@code ERROR_NOT_FOUND} (1168): {@code CancelIoEx} found nothing to cancel. */
    public static final int ERROR_NOT_FOUND = 1168;
    /** {@code ERROR_CANCELLED} (1223). */
    public static final int ERROR_CANCELLED = 1223;
    /** {@code ERROR_CONNECTION_REFUSED} (1225): the peer refused the connection. */
    public static final int ERROR_CONNECTION_REFUSED = 1225;
    /** {@code ERROR_GRACEFUL_DISCONNECT} (1226): the connection was gracefully closed. */
    public static final int ERROR_GRACEFUL_DISCONNECT = 1226;
    /** {@code ERROR_CONNECTION_INVALID} (1229): an operation on a connection that does not exist. */
    public static final int ERROR_CONNECTION_INVALID = 1229;
    /** {@code ERROR_CONNECTION_ACTIVE} (1230): the connection is already established. */
    public static final int ERROR_CONNECTION_ACTIVE = 1230;
    /** {@code ERROR_NETWORK_UNREACHABLE} (1231). */
    public static final int ERROR_NETWORK_UNREACHABLE = 1231;
    /** {@code ERROR_HOST_UNREACHABLE} (1232). */
    public static final int ERROR_HOST_UNREACHABLE = 1232;
    /** {@code ERROR_PORT_UNREACHABLE} (1234). */
    public static final int ERROR_PORT_UNREACHABLE = 1234;
    /** {@code ERROR_REQUEST_ABORTED} (1235). */
    public static final int ERROR_REQUEST_ABORTED = 1235;
    /** {@code ERROR_CONNECTION_ABORTED} (1236): the local system aborted the connection. */
    public static final int ERROR_CONNECTION_ABORTED = 1236;
    /** {@code ERROR_PRIVILEGE_NOT_HELD} (1314): e.g. {@code MEM_LARGE_PAGES} without the privilege. */
    public static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    /** {@code ERROR_NO_SYSTEM_RESOURCES} (1450): e.g. too much memory locked by pending I/O. */
    public static final int ERROR_NO_SYSTEM_RESOURCES = 1450;
    /** {@code ERROR_WORKING_SET_QUOTA} (1453): the working set cannot hold more locked pages. */
    public static final int ERROR_WORKING_SET_QUOTA = 1453;
    /** {@code ERROR_COMMITMENT_LIMIT} (1455): the paging file is too small. */
    public static final int ERROR_COMMITMENT_LIMIT = 1455;
    /** {@code ERROR_TIMEOUT} (1460). */
    public static final int ERROR_TIMEOUT = 1460;
    /** {@code ERROR_INVALID_USER_BUFFER} (1784): too many outstanding asynchronous requests. */
    public static final int ERROR_INVALID_USER_BUFFER = 1784;
    /** {@code ERROR_NOT_ENOUGH_QUOTA} (1816): not enough quota to lock the request's pages. */
    public static final int ERROR_NOT_ENOUGH_QUOTA = 1816;
}
