/*
 * win32bridge: executes Win32/Winsock calls under Wine on behalf of a Linux JVM (iocp4j's Wine lane).
 *
 * Test infrastructure, never shipped. The JVM (org.iocp4j.core.windows.Win32Bridge) and this program map
 * the same /dev/shm file at the same address (REGION_BASE), so every pointer the JVM passes means the same
 * memory here. The region starts with a header page, then one request slot per calling JVM thread; the
 * rest is the memory Win32.memory() hands out. Every pointer argument must lie in that rest: anything else
 * is refused with STATUS_BAD_POINTER before the call is made.
 *
 * Handshake per slot: the JVM writes function and arguments, then increments `request` and FUTEX_WAKEs
 * it; the slot's bridge thread runs the call, stores result/error, sets `response = request` and wakes it.
 * Both sides spin briefly, then sleep in FUTEX_WAIT (a Linux system call issued directly: Wine runs PE code
 * in a Linux process, and the futex must be a shared one, which no Win32 wait function offers).
 *
 * Slot 0 is the control slot, served by the main thread: ATTACH starts one bridge thread for a slot (one
 * per JVM thread, so a blocking GetQueuedCompletionStatusEx blocks only its caller), EXIT ends the process.
 * PING (any slot) calls nothing and returns its argument, to measure the transport alone.
 *
 * Usage: win32bridge.exe <Windows path of the shared file> <region size in bytes>
 * The layout constants below are mirrored in Win32Bridge.java.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define REGION_BASE 0x200000000000ULL
#define REGION_MAGIC 0x3130454744495242ULL /* "BRIDGE01" little-endian */

/* Header (offsets in the first page). */
#define H_MAGIC 0          /* u64, written by the JVM */
#define H_SIZE 8           /* u64 region size, written by the JVM */
#define H_SLOTS 16         /* u32 slot count, written by the JVM */
#define H_DATA 24          /* u64 offset of the first allocatable byte, written by the JVM */
#define H_READY 32         /* u32, set to 1 (then futex-woken) by the bridge once it has mapped the region */
#define H_PID 36           /* u32 Windows process id of the bridge */
#define SLOTS_OFFSET 4096
#define SLOT_BYTES 128
#define MAX_ARGS 12

typedef struct {
    volatile uint32_t request;
    volatile uint32_t response;
    uint32_t function;
    uint32_t status;
    uint32_t detail;   /* index of the rejected argument, or WSAGetLastError of a failed extension load */
    uint32_t error;    /* GetLastError()/WSAGetLastError() right after the call */
    int64_t result;
    uint64_t args[MAX_ARGS];
} slot_t;

_Static_assert(sizeof(slot_t) == SLOT_BYTES, "slot layout");

enum status {
    STATUS_OK = 0,
    STATUS_BAD_POINTER = 1,        /* detail = argument index */
    STATUS_UNKNOWN_FUNCTION = 2,
    STATUS_EXTENSION_LOAD_FAILED = 3, /* detail = WSAGetLastError */
    STATUS_BAD_ARGUMENT = 4,       /* detail = argument index (e.g. slot index out of range) */
    STATUS_BAD_BUFFER = 5,         /* a WSABUF's buf is outside; detail = its index in lpBuffers */
};

enum function {
    F_ATTACH = 1,
    F_EXIT = 2,
    F_PING = 3, /* calls nothing, returns its argument: measures the transport alone */
    F_CreateIoCompletionPort = 10,
    F_GetQueuedCompletionStatusEx = 11,
    F_PostQueuedCompletionStatus = 12,
    F_CloseHandle = 13,
    F_CancelIoEx = 14,
    F_SetFileCompletionNotificationModes = 15,
    F_CreateFileW = 16,
    F_ReadFile = 17,
    F_GetOverlappedResult = 18,
    F_GetFileSizeEx = 19,
    F_WSAStartup = 30,
    F_WSASocketW = 31,
    F_bind = 32,
    F_listen = 33,
    F_closesocket = 34,
    F_shutdown = 35,
    F_setsockopt = 36,
    F_getsockopt = 37,
    F_getsockname = 38,
    F_getpeername = 39,
    F_WSAIoctl = 40,
    F_WSARecv = 41,
    F_WSASend = 42,
    F_WSAGetOverlappedResult = 43,
    F_AcceptEx = 50,
    F_GetAcceptExSockaddrs = 51,
    F_ConnectEx = 52,
    F_DisconnectEx = 53,
};

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define LINUX_SYS_futex 202
#define LINUX_ETIMEDOUT 110
#define SPINS 200

struct linux_timespec { int64_t sec, nsec; };

static unsigned char *region;
static uint64_t region_size, data_start;
static uint32_t slot_count;

/* A shared (not process-private) futex, so the JVM's FUTEX_WAKE on the same file page reaches us. */
static int64_t linux_futex(volatile uint32_t *addr, int64_t op, int64_t value, const struct linux_timespec *timeout) {
    int64_t ret;
    register int64_t r10 __asm__("r10") = (int64_t)(uintptr_t)timeout;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "0"((int64_t)LINUX_SYS_futex), "D"(addr), "S"(op), "d"(value), "r"(r10)
                     : "rcx", "r11", "memory");
    return ret;
}

static void wake(volatile uint32_t *word) {
    linux_futex(word, FUTEX_WAKE, INT32_MAX, NULL);
}

/* Waits until *word != seen and returns the new value. */
static uint32_t wait_change(volatile uint32_t *word, uint32_t seen) {
    for (int i = 0; i < SPINS; i++) {
        uint32_t now = __atomic_load_n(word, __ATOMIC_ACQUIRE);
        if (now != seen) {
            return now;
        }
        __builtin_ia32_pause();
    }
    for (;;) {
        uint32_t now = __atomic_load_n(word, __ATOMIC_ACQUIRE);
        if (now != seen) {
            return now;
        }
        linux_futex(word, FUTEX_WAIT, seen, NULL); /* EAGAIN/EINTR: re-check */
    }
}

static slot_t *slot(uint32_t index) {
    return (slot_t *)(region + SLOTS_OFFSET + (uint64_t)index * SLOT_BYTES);
}

/* ---- pointer discipline ---- */

static int inside(uint64_t address, uint64_t length) {
    uint64_t start = REGION_BASE + data_start, end = REGION_BASE + region_size;
    return address >= start && address <= end && length <= end - address;
}

#define REJECT(index)                       \
    do {                                    \
        s->status = STATUS_BAD_POINTER;     \
        s->detail = (index);                \
        return;                             \
    } while (0)
/* Argument i must point at `length` bytes of the data area (at least one byte, even when length is 0). */
#define PTR(i, length)                                                    \
    do {                                                                  \
        uint64_t len_ = (length);                                         \
        if (!inside(s->args[i], len_ ? len_ : 1)) REJECT(i);              \
    } while (0)
/* As PTR, but NULL is allowed. */
#define OPT(i, length)                      \
    do {                                    \
        if (s->args[i] != 0) PTR(i, length); \
    } while (0)

#define A(i) (s->args[i])
#define U32(i) ((DWORD)s->args[i])
#define I32(i) ((int)(int32_t)s->args[i])
#define VP(i) ((void *)(uintptr_t)s->args[i])
#define H(i) ((HANDLE)(uintptr_t)s->args[i])
#define SOCK(i) ((SOCKET)s->args[i])

static uint32_t in_out_length(uint64_t address) {
    return *(volatile uint32_t *)(uintptr_t)address;
}

/* The WSABUF array in argument 1 and every non-empty buffer it describes; refuses the call otherwise. */
static int wsabufs_inside(slot_t *s) {
    DWORD count = U32(2);
    if (!inside(A(1), (uint64_t)count * sizeof(WSABUF) + (count == 0))) {
        s->status = STATUS_BAD_POINTER;
        s->detail = 1;
        return 0;
    }
    WSABUF *bufs = VP(1);
    for (DWORD i = 0; i < count; i++) {
        if (bufs[i].len != 0 && !inside((uint64_t)(uintptr_t)bufs[i].buf, bufs[i].len)) {
            s->status = STATUS_BAD_BUFFER;
            s->detail = i;
            return 0;
        }
    }
    return 1;
}

static uint64_t utf16_bytes(uint64_t address) {
    if (!inside(address, 2)) {
        return 2;
    }
    uint64_t end = REGION_BASE + region_size;
    for (uint64_t p = address; p + 2 <= end; p += 2) {
        if (*(const uint16_t *)(uintptr_t)p == 0) {
            return p + 2 - address;
        }
    }
    return end - address + 1; /* no terminator inside the region: reject */
}

/* ---- extension functions, loaded once per process after the JVM's WSAStartup ---- */

static INIT_ONCE extensions_once = INIT_ONCE_STATIC_INIT;
static LPFN_ACCEPTEX accept_ex;
static LPFN_GETACCEPTEXSOCKADDRS get_accept_ex_sockaddrs;
static LPFN_CONNECTEX connect_ex;
static LPFN_DISCONNECTEX disconnect_ex;
static int extensions_error;

static int extension(SOCKET s, GUID guid, void *function, DWORD size) {
    DWORD bytes = 0;
    return WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof guid, function, size, &bytes, NULL, NULL) == 0;
}

static BOOL CALLBACK load_extensions(PINIT_ONCE once, PVOID parameter, PVOID *context) {
    (void)once;
    (void)parameter;
    (void)context;
    /* Every TCP/IP socket belongs to the same Microsoft provider, whose pointers they share. */
    SOCKET s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) {
        extensions_error = WSAGetLastError();
        return TRUE;
    }
    GUID acceptex = WSAID_ACCEPTEX, sockaddrs = WSAID_GETACCEPTEXSOCKADDRS, connectex = WSAID_CONNECTEX,
         disconnectex = WSAID_DISCONNECTEX;
    if (!extension(s, acceptex, &accept_ex, sizeof accept_ex)
            || !extension(s, sockaddrs, &get_accept_ex_sockaddrs, sizeof get_accept_ex_sockaddrs)
            || !extension(s, connectex, &connect_ex, sizeof connect_ex)
            || !extension(s, disconnectex, &disconnect_ex, sizeof disconnect_ex)) {
        extensions_error = WSAGetLastError();
    }
    closesocket(s);
    return TRUE;
}

static int extensions_loaded(slot_t *s) {
    InitOnceExecuteOnce(&extensions_once, load_extensions, NULL, NULL);
    if (extensions_error != 0) {
        s->status = STATUS_EXTENSION_LOAD_FAILED;
        s->detail = (uint32_t)extensions_error;
        return 0;
    }
    return 1;
}

/* ---- the calls ---- */

#define KERNEL32(expression)                \
    do {                                    \
        s->result = (int64_t)(expression);  \
        s->error = GetLastError();          \
    } while (0)
#define WINSOCK(expression)                 \
    do {                                    \
        s->result = (int64_t)(expression);  \
        s->error = (uint32_t)WSAGetLastError(); \
    } while (0)

static DWORD WINAPI serve(void *parameter);

static void execute(slot_t *s) {
    s->status = STATUS_OK;
    s->detail = 0;
    s->error = 0;
    s->result = 0;
    switch (s->function) {
    case F_ATTACH: {
        if (U32(0) == 0 || U32(0) >= slot_count) {
            s->status = STATUS_BAD_ARGUMENT;
            return;
        }
        HANDLE thread = CreateThread(NULL, 0, serve, slot(U32(0)), 0, NULL);
        s->result = thread != NULL;
        s->error = GetLastError();
        if (thread != NULL) {
            CloseHandle(thread);
        }
        return;
    }
    case F_PING:
        s->result = (int64_t)A(0);
        return;
    case F_CreateIoCompletionPort:
        KERNEL32(CreateIoCompletionPort(H(0), H(1), (ULONG_PTR)A(2), U32(3)));
        return;
    case F_GetQueuedCompletionStatusEx:
        PTR(1, (uint64_t)U32(2) * sizeof(OVERLAPPED_ENTRY));
        PTR(3, sizeof(ULONG));
        KERNEL32(GetQueuedCompletionStatusEx(H(0), VP(1), U32(2), VP(3), U32(4), FALSE));
        return;
    case F_PostQueuedCompletionStatus:
        OPT(3, sizeof(OVERLAPPED));
        KERNEL32(PostQueuedCompletionStatus(H(0), U32(1), (ULONG_PTR)A(2), VP(3)));
        return;
    case F_CloseHandle:
        KERNEL32(CloseHandle(H(0)));
        return;
    case F_CancelIoEx:
        OPT(1, sizeof(OVERLAPPED));
        KERNEL32(CancelIoEx(H(0), VP(1)));
        return;
    case F_SetFileCompletionNotificationModes:
        KERNEL32(SetFileCompletionNotificationModes(H(0), (UCHAR)A(1)));
        return;
    case F_CreateFileW:
        PTR(0, utf16_bytes(A(0)));
        KERNEL32((intptr_t)CreateFileW(VP(0), U32(1), U32(2), NULL, U32(3), U32(4), NULL));
        return;
    case F_ReadFile:
        PTR(1, U32(2));
        OPT(3, sizeof(DWORD));
        OPT(4, sizeof(OVERLAPPED));
        KERNEL32(ReadFile(H(0), VP(1), U32(2), VP(3), VP(4)));
        return;
    case F_GetOverlappedResult:
        PTR(1, sizeof(OVERLAPPED));
        PTR(2, sizeof(DWORD));
        KERNEL32(GetOverlappedResult(H(0), VP(1), VP(2), FALSE));
        return;
    case F_GetFileSizeEx:
        PTR(1, sizeof(LARGE_INTEGER));
        KERNEL32(GetFileSizeEx(H(0), VP(1)));
        return;
    case F_WSAStartup:
        PTR(1, sizeof(WSADATA));
        s->result = WSAStartup((WORD)A(0), VP(1));
        return;
    case F_WSASocketW:
        WINSOCK(WSASocketW(I32(0), I32(1), I32(2), NULL, 0, U32(3)));
        return;
    case F_bind:
        PTR(1, U32(2));
        WINSOCK(bind(SOCK(0), VP(1), I32(2)));
        return;
    case F_listen:
        WINSOCK(listen(SOCK(0), I32(1)));
        return;
    case F_closesocket:
        WINSOCK(closesocket(SOCK(0)));
        return;
    case F_shutdown:
        WINSOCK(shutdown(SOCK(0), I32(1)));
        return;
    case F_setsockopt:
        OPT(3, U32(4));
        WINSOCK(setsockopt(SOCK(0), I32(1), I32(2), VP(3), I32(4)));
        return;
    case F_getsockopt:
        PTR(4, sizeof(int));
        PTR(3, in_out_length(A(4)));
        WINSOCK(getsockopt(SOCK(0), I32(1), I32(2), VP(3), VP(4)));
        return;
    case F_getsockname:
    case F_getpeername:
        PTR(2, sizeof(int));
        PTR(1, in_out_length(A(2)));
        if (s->function == F_getsockname) {
            WINSOCK(getsockname(SOCK(0), VP(1), VP(2)));
        } else {
            WINSOCK(getpeername(SOCK(0), VP(1), VP(2)));
        }
        return;
    case F_WSAIoctl:
        OPT(2, U32(3));
        OPT(4, U32(5));
        PTR(6, sizeof(DWORD));
        OPT(7, sizeof(OVERLAPPED));
        WINSOCK(WSAIoctl(SOCK(0), U32(1), VP(2), U32(3), VP(4), U32(5), VP(6), VP(7), NULL));
        return;
    case F_WSARecv:
        if (!wsabufs_inside(s)) return;
        OPT(3, sizeof(DWORD));
        PTR(4, sizeof(DWORD));
        OPT(5, sizeof(OVERLAPPED));
        WINSOCK(WSARecv(SOCK(0), VP(1), U32(2), VP(3), VP(4), VP(5), NULL));
        return;
    case F_WSASend:
        if (!wsabufs_inside(s)) return;
        OPT(3, sizeof(DWORD));
        OPT(5, sizeof(OVERLAPPED));
        WINSOCK(WSASend(SOCK(0), VP(1), U32(2), VP(3), U32(4), VP(5), NULL));
        return;
    case F_WSAGetOverlappedResult:
        PTR(1, sizeof(OVERLAPPED));
        PTR(2, sizeof(DWORD));
        PTR(3, sizeof(DWORD));
        WINSOCK(WSAGetOverlappedResult(SOCK(0), VP(1), VP(2), FALSE, VP(3)));
        return;
    case F_AcceptEx:
        PTR(2, (uint64_t)U32(3) + U32(4) + U32(5));
        PTR(6, sizeof(DWORD));
        PTR(7, sizeof(OVERLAPPED));
        if (extensions_loaded(s)) {
            WINSOCK(accept_ex(SOCK(0), SOCK(1), VP(2), U32(3), U32(4), U32(5), VP(6), VP(7)));
        }
        return;
    case F_GetAcceptExSockaddrs:
        PTR(0, (uint64_t)U32(1) + U32(2) + U32(3));
        PTR(4, sizeof(void *));
        PTR(5, sizeof(int));
        PTR(6, sizeof(void *));
        PTR(7, sizeof(int));
        if (extensions_loaded(s)) {
            get_accept_ex_sockaddrs(VP(0), U32(1), U32(2), U32(3), VP(4), VP(5), VP(6), VP(7));
        }
        return;
    case F_ConnectEx:
        PTR(1, U32(2));
        OPT(3, U32(4));
        OPT(5, sizeof(DWORD));
        PTR(6, sizeof(OVERLAPPED));
        if (extensions_loaded(s)) {
            WINSOCK(connect_ex(SOCK(0), VP(1), I32(2), VP(3), U32(4), VP(5), VP(6)));
        }
        return;
    case F_DisconnectEx:
        OPT(1, sizeof(OVERLAPPED));
        if (extensions_loaded(s)) {
            WINSOCK(disconnect_ex(SOCK(0), VP(1), U32(2), 0));
        }
        return;
    default:
        s->status = STATUS_UNKNOWN_FUNCTION;
        return;
    }
}

static void respond(slot_t *s, uint32_t request) {
    __atomic_store_n(&s->response, request, __ATOMIC_RELEASE);
    wake(&s->response);
}

static DWORD WINAPI serve(void *parameter) {
    slot_t *s = parameter;
    uint32_t seen = __atomic_load_n(&s->response, __ATOMIC_ACQUIRE);
    for (;;) {
        seen = wait_change(&s->request, seen);
        execute(s);
        respond(s, seen);
    }
    /* The thread ends with the process (EXIT); gcc 12 still wants a return in an ms_abi function. */
    __builtin_unreachable();
}

static void die(const char *what, DWORD error) {
    fprintf(stderr, "win32bridge: %s failed with %lu\n", what, (unsigned long)error);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: win32bridge <Windows path of the shared file> <region size>\n");
        return 2;
    }
    uint64_t size = _strtoui64(argv[2], NULL, 10);
    HANDLE file = CreateFileA(argv[1], GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        die("CreateFileA", GetLastError());
    }
    HANDLE mapping = CreateFileMappingA(file, NULL, PAGE_READWRITE, (DWORD)(size >> 32), (DWORD)size, NULL);
    if (mapping == NULL) {
        die("CreateFileMappingA", GetLastError());
    }
    region = MapViewOfFileEx(mapping, FILE_MAP_ALL_ACCESS, 0, 0, (SIZE_T)size, (void *)(uintptr_t)REGION_BASE);
    if (region == NULL) {
        die("MapViewOfFileEx at 0x200000000000", GetLastError());
    }
    if (*(uint64_t *)(region + H_MAGIC) != REGION_MAGIC || *(uint64_t *)(region + H_SIZE) != size) {
        fprintf(stderr, "win32bridge: the shared file has no iocp4j bridge header for %llu bytes\n",
                (unsigned long long)size);
        return 2;
    }
    region_size = size;
    slot_count = *(uint32_t *)(region + H_SLOTS);
    data_start = *(uint64_t *)(region + H_DATA);
    if (data_start < SLOTS_OFFSET + (uint64_t)slot_count * SLOT_BYTES || data_start > size) {
        fprintf(stderr, "win32bridge: inconsistent header (slots %u, data at %llu)\n", slot_count,
                (unsigned long long)data_start);
        return 2;
    }
    *(uint32_t *)(region + H_PID) = GetCurrentProcessId();
    volatile uint32_t *ready = (volatile uint32_t *)(region + H_READY);
    __atomic_store_n(ready, 1, __ATOMIC_RELEASE);
    wake(ready);

    slot_t *control = slot(0);
    uint32_t seen = __atomic_load_n(&control->response, __ATOMIC_ACQUIRE);
    for (;;) {
        seen = wait_change(&control->request, seen);
        if (control->function == F_EXIT) {
            control->status = STATUS_OK;
            respond(control, seen);
            ExitProcess(0);
        }
        execute(control);
        respond(control, seen);
    }
}
