package org.iocp4j.bindings.windows.conformance;

import java.util.Set;

/**
 * Declarations transcribed from Microsoft's documentation for what mingw-w64 10.0 does not declare: the
 * Winsock Registered I/O (RIO) types, function typedefs and constants, and a few error codes. They go into the generated
 * C++ file inside {@code namespace doc}, so the real x86_64 cross compiler lays them out; a binding
 * checked against them is reported with {@code (doc)}. Each declaration cites the page it comes from.
 */
final class DocumentedDeclarations {
    private DocumentedDeclarations() {
    }

    /** Names {@link #CPP} declares in {@code namespace doc}; the generator refers to these as {@code doc::NAME}. */
    static final Set<String> NAMES = Set.of(
            "RIO_BUFFERID", "RIO_CQ", "RIO_RQ",
            "RIO_BUF", "RIORESULT", "RIO_NOTIFICATION_COMPLETION_TYPE", "RIO_NOTIFICATION_COMPLETION",
            "RIO_EXTENSION_FUNCTION_TABLE",
            "LPFN_RIORECEIVE", "LPFN_RIORECEIVEEX", "LPFN_RIOSEND", "LPFN_RIOSENDEX",
            "LPFN_RIOCLOSECOMPLETIONQUEUE", "LPFN_RIOCREATECOMPLETIONQUEUE", "LPFN_RIOCREATEREQUESTQUEUE",
            "LPFN_RIODEQUEUECOMPLETION", "LPFN_RIODEREGISTERBUFFER", "LPFN_RIONOTIFY", "LPFN_RIOREGISTERBUFFER",
            "LPFN_RIORESIZECOMPLETIONQUEUE", "LPFN_RIORESIZEREQUESTQUEUE",
            "RIO_EVENT_COMPLETION", "RIO_IOCP_COMPLETION",
            "RIO_MSG_DONT_NOTIFY", "RIO_MSG_DEFER", "RIO_MSG_WAITALL", "RIO_MSG_COMMIT_ONLY",
            "RIO_CORRUPT_CQ", "RIO_INVALID_BUFFERID", "RIO_INVALID_CQ", "RIO_INVALID_RQ", "RIO_MAX_CQ_SIZE",
            "SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER", "WSAID_MULTIPLE_RIO",
            "ERROR_HANDLES_CLOSED");

    /** The declarations, C++ inside {@code namespace doc}; needs windows.h/winsock2.h before it. */
    static final String CPP = """
            namespace doc {
            // https://learn.microsoft.com/en-us/windows/win32/winsock/rio-bufferid
            typedef struct RIO_BUFFERID_t *RIO_BUFFERID, **PRIO_BUFFERID;
            // https://learn.microsoft.com/en-us/windows/win32/winsock/riocqueue
            typedef struct RIO_CQ_t *RIO_CQ, **PRIO_CQ;
            // https://learn.microsoft.com/en-us/windows/win32/winsock/riorqueue
            typedef struct RIO_RQ_t *RIO_RQ, **PRIO_RQ;

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsockdef/ns-mswsockdef-rio_buf
            typedef struct _RIO_BUF {
              RIO_BUFFERID BufferId;
              ULONG        Offset;
              ULONG        Length;
            } RIO_BUF, *PRIO_BUF;

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsockdef/ns-mswsockdef-rioresult
            typedef struct _RIORESULT {
              LONG      Status;
              ULONG     BytesTransferred;
              ULONGLONG SocketContext;
              ULONGLONG RequestContext;
            } RIORESULT, *PRIORESULT;

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/ne-mswsock-rio_notification_completion_type
            typedef enum _RIO_NOTIFICATION_COMPLETION_TYPE {
              RIO_EVENT_COMPLETION = 1,
              RIO_IOCP_COMPLETION = 2
            } RIO_NOTIFICATION_COMPLETION_TYPE, *PRIO_NOTIFICATION_COMPLETION_TYPE;

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/ns-mswsock-rio_notification_completion
            typedef struct _RIO_NOTIFICATION_COMPLETION {
              RIO_NOTIFICATION_COMPLETION_TYPE Type;
              union {
                struct {
                  HANDLE EventHandle;
                  BOOL   NotifyReset;
                } Event;
                struct {
                  HANDLE IocpHandle;
                  PVOID  CompletionKey;
                  PVOID  Overlapped;
                } Iocp;
              };
            } RIO_NOTIFICATION_COMPLETION, *PRIO_NOTIFICATION_COMPLETION;

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioreceive
            typedef BOOL (WINAPI *LPFN_RIORECEIVE)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
                                                   DWORD Flags, PVOID RequestContext);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioreceiveex
            typedef int (WINAPI *LPFN_RIORECEIVEEX)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
                                                    PRIO_BUF pLocalAddress, PRIO_BUF pRemoteAddress,
                                                    PRIO_BUF pControlContext, PRIO_BUF pFlags, DWORD Flags,
                                                    PVOID RequestContext);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riosend
            typedef BOOL (WINAPI *LPFN_RIOSEND)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
                                                DWORD Flags, PVOID RequestContext);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riosendex
            typedef BOOL (WINAPI *LPFN_RIOSENDEX)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
                                                  PRIO_BUF pLocalAddress, PRIO_BUF pRemoteAddress,
                                                  PRIO_BUF pControlContext, PRIO_BUF pFlags, DWORD Flags,
                                                  PVOID RequestContext);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioclosecompletionqueue
            typedef void (WINAPI *LPFN_RIOCLOSECOMPLETIONQUEUE)(RIO_CQ CQ);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riocreatecompletionqueue
            typedef RIO_CQ (WINAPI *LPFN_RIOCREATECOMPLETIONQUEUE)(DWORD QueueSize,
                                                                  PRIO_NOTIFICATION_COMPLETION NotificationCompletion);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riocreaterequestqueue
            typedef RIO_RQ (WINAPI *LPFN_RIOCREATEREQUESTQUEUE)(SOCKET Socket, ULONG MaxOutstandingReceive,
                                                               ULONG MaxReceiveDataBuffers, ULONG MaxOutstandingSend,
                                                               ULONG MaxSendDataBuffers, RIO_CQ ReceiveCQ,
                                                               RIO_CQ SendCQ, PVOID SocketContext);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riodequeuecompletion
            typedef ULONG (WINAPI *LPFN_RIODEQUEUECOMPLETION)(RIO_CQ CQ, PRIORESULT Array, ULONG ArraySize);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioderegisterbuffer
            typedef void (WINAPI *LPFN_RIODEREGISTERBUFFER)(RIO_BUFFERID BufferId);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rionotify
            typedef INT (WINAPI *LPFN_RIONOTIFY)(RIO_CQ CQ);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioregisterbuffer
            typedef RIO_BUFFERID (WINAPI *LPFN_RIOREGISTERBUFFER)(PCHAR DataBuffer, DWORD DataLength);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioresizecompletionqueue
            typedef BOOL (WINAPI *LPFN_RIORESIZECOMPLETIONQUEUE)(RIO_CQ CQ, DWORD QueueSize);
            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioresizerequestqueue
            typedef BOOL (WINAPI *LPFN_RIORESIZEREQUESTQUEUE)(RIO_RQ RQ, DWORD MaxOutstandingReceive,
                                                             DWORD MaxOutstandingSend);

            // https://learn.microsoft.com/en-us/windows/win32/api/mswsock/ns-mswsock-rio_extension_function_table
            typedef struct _RIO_EXTENSION_FUNCTION_TABLE {
              DWORD                         cbSize;
              LPFN_RIORECEIVE               RIOReceive;
              LPFN_RIORECEIVEEX             RIOReceiveEx;
              LPFN_RIOSEND                  RIOSend;
              LPFN_RIOSENDEX                RIOSendEx;
              LPFN_RIOCLOSECOMPLETIONQUEUE  RIOCloseCompletionQueue;
              LPFN_RIOCREATECOMPLETIONQUEUE RIOCreateCompletionQueue;
              LPFN_RIOCREATEREQUESTQUEUE    RIOCreateRequestQueue;
              LPFN_RIODEQUEUECOMPLETION     RIODequeueCompletion;
              LPFN_RIODEREGISTERBUFFER      RIODeregisterBuffer;
              LPFN_RIONOTIFY                RIONotify;
              LPFN_RIOREGISTERBUFFER        RIORegisterBuffer;
              LPFN_RIORESIZECOMPLETIONQUEUE RIOResizeCompletionQueue;
              LPFN_RIORESIZEREQUESTQUEUE    RIOResizeRequestQueue;
            } RIO_EXTENSION_FUNCTION_TABLE, *PRIO_EXTENSION_FUNCTION_TABLE;

            // Flags of RIOSend/RIOReceive(Ex), named on the pages above ("defined in Mswsockdef.h"); values from
            // Microsoft's Win32 metadata as published in the windows crate docs, e.g.
            // https://microsoft.github.io/windows-docs-rs/doc/windows/Win32/Networking/WinSock/constant.RIO_MSG_COMMIT_ONLY.html (8);
            // all four as mirrored from mswsockdef.h in https://docs.rs/winapi/0.3.8/src/winapi/shared/mswsockdef.rs.html
            constexpr DWORD RIO_MSG_DONT_NOTIFY = 0x00000001;
            constexpr DWORD RIO_MSG_DEFER = 0x00000002;
            constexpr DWORD RIO_MSG_WAITALL = 0x00000004;
            constexpr DWORD RIO_MSG_COMMIT_ONLY = 0x00000008;
            // Returned by RIODequeueCompletion (nc-mswsock-lpfn_riodequeuecompletion); value:
            // https://microsoft.github.io/windows-docs-rs/doc/windows/Win32/Networking/WinSock/constant.RIO_CORRUPT_CQ.html
            constexpr ULONG RIO_CORRUPT_CQ = 0xFFFFFFFF;
            // https://microsoft.github.io/windows-docs-rs/doc/windows/Win32/Networking/WinSock/constant.RIO_MAX_CQ_SIZE.html
            constexpr DWORD RIO_MAX_CQ_SIZE = 0x8000000;
            // The failure values of RIORegisterBuffer / RIOCreateCompletionQueue / RIOCreateRequestQueue
            // (nc-mswsock-lpfn_rioregisterbuffer etc.). In mswsockdef.h they are handles cast from the integers
            // 0xFFFFFFFF and 0 (as mirrored in https://docs.rs/winapi/0.3.8/src/winapi/shared/mswsockdef.rs.html);
            // Java binds the integer, so they are declared here as that integer (ULONG_PTR).
            constexpr ULONG_PTR RIO_INVALID_BUFFERID = 0xFFFFFFFF;
            constexpr ULONG_PTR RIO_INVALID_CQ = 0;
            constexpr ULONG_PTR RIO_INVALID_RQ = 0;
            // _WSAIORW(IOC_WS2,36):
            // https://microsoft.github.io/windows-docs-rs/doc/windows/Win32/Networking/WinSock/constant.SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER.html
            constexpr DWORD SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER = 0xC8000024;
            // WSAID_MULTIPLE_RIO, named by every nc-mswsock-lpfn_rio* page ("defined in the Mswsock.h header");
            // the pages do not print the value. Value as measured in /work/shared/WINDOWS-TESTING.md
            // ({8509E081-96DD-4005-B165-9E2EE8C79E3F}).
            constexpr GUID WSAID_MULTIPLE_RIO = {0x8509e081, 0x96dd, 0x4005, {0xb1, 0x65, 0x9e, 0x2e, 0xe8, 0xc7, 0x9e, 0x3f}};

            // Not in mingw-w64 10.0's winerror.h. 676 in Microsoft's Win32 metadata:
            // https://docs.rs/windows-sys/0.33.0/windows_sys/Win32/Foundation/constant.ERROR_HANDLES_CLOSED.html
            // (listed with the system error codes 500-999,
            // https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--500-999-)
            constexpr DWORD ERROR_HANDLES_CLOSED = 676;
            }
            """;
}
