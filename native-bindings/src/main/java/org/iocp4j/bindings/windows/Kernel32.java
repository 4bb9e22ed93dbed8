package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * Bindings to {@code kernel32.dll}, in the shape jextract generates: per function a lazy holder with its
 * descriptor, address and handle, the accessors {@code NAME$descriptor()}, {@code NAME$address()},
 * {@code NAME$handle()}, and an invoker named after the function with the C parameter names.
 *
 * <p>Functions that report failure through {@code GetLastError()} take a {@link CallState} segment as
 * their first argument and capture the code into it; read it with {@link CallState#getLastError} or turn
 * it into an exception with {@link Win32Exception#lastError}. {@code NAME$descriptor()} is the C
 * function's own descriptor, without that segment. Without native access for this module loading the
 * class fails with an {@link IllegalCallerException} naming the {@code --enable-native-access} option; on a
 * system without kernel32 it loads, and a call throws {@link UnsatisfiedLinkError} naming {@code kernel32!NAME}.
 *
 * <p>The invokers are meant for the I/O hot path: each is one {@code invokeExact} on a constant handle
 * with the handle's exact type, so no arguments are boxed and no arrays built. Results are returned as C
 * returns them ({@code BOOL} as {@code int}, handles as zero-length segments); checking them is the
 * caller's business.
 *
 * <p>Type mapping (x86_64 Windows): {@code HANDLE}, {@code LPVOID} and other pointers are
 * {@code ADDRESS}; {@code DWORD}, {@code BOOL}, {@code ULONG} are {@code JAVA_INT}; {@code ULONG_PTR} and
 * {@code SIZE_T} are {@code JAVA_LONG}; {@code UCHAR} is {@code JAVA_BYTE}. {@code LARGE_INTEGER} is only
 * passed by pointer here.
 */
public final class Kernel32 {
    static final String LIBRARY = "kernel32";
    private static final SymbolLookup SYMBOLS = Downcalls.library(LIBRARY);

    private Kernel32() {
    }

    private static MethodHandle bind(String name, MemorySegment address, FunctionDescriptor descriptor) {
        return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.GET_LAST_ERROR_STATE);
    }

    private static final class CreateIoCompletionPort {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "CreateIoCompletionPort");
        static final MethodHandle HANDLE = bind("CreateIoCompletionPort", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * HANDLE CreateIoCompletionPort(
     *     HANDLE FileHandle,
     *     HANDLE ExistingCompletionPort,
     *     ULONG_PTR CompletionKey,
     *     DWORD NumberOfConcurrentThreads
     * )
     * }
     */
    public static FunctionDescriptor CreateIoCompletionPort$descriptor() {
        return CreateIoCompletionPort.DESC;
    }

    /** Address of {@code CreateIoCompletionPort}, NULL where kernel32 is absent. */
    public static MemorySegment CreateIoCompletionPort$address() {
        return CreateIoCompletionPort.ADDR;
    }

    /** Downcall handle of {@code CreateIoCompletionPort}; its first parameter is the {@link CallState}. */
    public static MethodHandle CreateIoCompletionPort$handle() {
        return CreateIoCompletionPort.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * HANDLE CreateIoCompletionPort(
     *     HANDLE FileHandle,
     *     HANDLE ExistingCompletionPort,
     *     ULONG_PTR CompletionKey,
     *     DWORD NumberOfConcurrentThreads
     * )
     * }
     *
     * <p>Creates a completion port (FileHandle {@code INVALID_HANDLE_VALUE}, ExistingCompletionPort NULL) or
     * associates a handle with an existing one, tagging its completions with {@code CompletionKey}.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return the port handle, or NULL on failure
     */
    public static MemorySegment CreateIoCompletionPort(MemorySegment callState, MemorySegment FileHandle,
                                                       MemorySegment ExistingCompletionPort, long CompletionKey,
                                                       int NumberOfConcurrentThreads) {
        try {
            return (MemorySegment) CreateIoCompletionPort.HANDLE.invokeExact(callState, FileHandle,
                    ExistingCompletionPort, CompletionKey, NumberOfConcurrentThreads);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetQueuedCompletionStatus {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetQueuedCompletionStatus");
        static final MethodHandle HANDLE = bind("GetQueuedCompletionStatus", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL GetQueuedCompletionStatus(
     *     HANDLE CompletionPort,
     *     LPDWORD lpNumberOfBytesTransferred,
     *     PULONG_PTR lpCompletionKey,
     *     LPOVERLAPPED *lpOverlapped,
     *     DWORD dwMilliseconds
     * )
     * }
     */
    public static FunctionDescriptor GetQueuedCompletionStatus$descriptor() {
        return GetQueuedCompletionStatus.DESC;
    }

    /** Address of {@code GetQueuedCompletionStatus}, NULL where kernel32 is absent. */
    public static MemorySegment GetQueuedCompletionStatus$address() {
        return GetQueuedCompletionStatus.ADDR;
    }

    /** Downcall handle of {@code GetQueuedCompletionStatus}; its first parameter is the {@link CallState}. */
    public static MethodHandle GetQueuedCompletionStatus$handle() {
        return GetQueuedCompletionStatus.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL GetQueuedCompletionStatus(
     *     HANDLE CompletionPort,
     *     LPDWORD lpNumberOfBytesTransferred,
     *     PULONG_PTR lpCompletionKey,
     *     LPOVERLAPPED *lpOverlapped,
     *     DWORD dwMilliseconds
     * )
     * }
     *
     * <p>Dequeues one completion packet. When it returns FALSE with {@code *lpOverlapped} non-NULL, the
     * dequeued I/O failed and the last error is that I/O's; with {@code *lpOverlapped} NULL nothing was
     * dequeued ({@code WAIT_TIMEOUT}, or {@code ERROR_ABANDONED_WAIT_0} when the port was closed).
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if a successful completion was dequeued
     */
    public static int GetQueuedCompletionStatus(MemorySegment callState, MemorySegment CompletionPort,
                                                MemorySegment lpNumberOfBytesTransferred, MemorySegment lpCompletionKey,
                                                MemorySegment lpOverlapped, int dwMilliseconds) {
        try {
            return (int) GetQueuedCompletionStatus.HANDLE.invokeExact(callState, CompletionPort,
                    lpNumberOfBytesTransferred, lpCompletionKey, lpOverlapped, dwMilliseconds);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetQueuedCompletionStatusEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetQueuedCompletionStatusEx");
        static final MethodHandle HANDLE = bind("GetQueuedCompletionStatusEx", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL GetQueuedCompletionStatusEx(
     *     HANDLE CompletionPort,
     *     LPOVERLAPPED_ENTRY lpCompletionPortEntries,
     *     ULONG ulCount,
     *     PULONG ulNumEntriesRemoved,
     *     DWORD dwMilliseconds,
     *     BOOL fAlertable
     * )
     * }
     */
    public static FunctionDescriptor GetQueuedCompletionStatusEx$descriptor() {
        return GetQueuedCompletionStatusEx.DESC;
    }

    /** Address of {@code GetQueuedCompletionStatusEx}, NULL where kernel32 is absent. */
    public static MemorySegment GetQueuedCompletionStatusEx$address() {
        return GetQueuedCompletionStatusEx.ADDR;
    }

    /** Downcall handle of {@code GetQueuedCompletionStatusEx}; its first parameter is the {@link CallState}. */
    public static MethodHandle GetQueuedCompletionStatusEx$handle() {
        return GetQueuedCompletionStatusEx.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL GetQueuedCompletionStatusEx(
     *     HANDLE CompletionPort,
     *     LPOVERLAPPED_ENTRY lpCompletionPortEntries,
     *     ULONG ulCount,
     *     PULONG ulNumEntriesRemoved,
     *     DWORD dwMilliseconds,
     *     BOOL fAlertable
     * )
     * }
     *
     * <p>Dequeues up to {@code ulCount} packets into an array of {@link OVERLAPPED_ENTRY}. Each entry's
     * {@code Internal} holds the NTSTATUS of its I/O; the function itself fails only when nothing was
     * dequeued ({@code WAIT_TIMEOUT}, {@code WAIT_IO_COMPLETION} for an alertable wait that ran an APC).
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if at least one entry was dequeued
     */
    public static int GetQueuedCompletionStatusEx(MemorySegment callState, MemorySegment CompletionPort,
                                                  MemorySegment lpCompletionPortEntries, int ulCount,
                                                  MemorySegment ulNumEntriesRemoved, int dwMilliseconds,
                                                  int fAlertable) {
        try {
            return (int) GetQueuedCompletionStatusEx.HANDLE.invokeExact(callState, CompletionPort,
                    lpCompletionPortEntries, ulCount, ulNumEntriesRemoved, dwMilliseconds, fAlertable);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class PostQueuedCompletionStatus {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "PostQueuedCompletionStatus");
        static final MethodHandle HANDLE = bind("PostQueuedCompletionStatus", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL PostQueuedCompletionStatus(
     *     HANDLE CompletionPort,
     *     DWORD dwNumberOfBytesTransferred,
     *     ULONG_PTR dwCompletionKey,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     */
    public static FunctionDescriptor PostQueuedCompletionStatus$descriptor() {
        return PostQueuedCompletionStatus.DESC;
    }

    /** Address of {@code PostQueuedCompletionStatus}, NULL where kernel32 is absent. */
    public static MemorySegment PostQueuedCompletionStatus$address() {
        return PostQueuedCompletionStatus.ADDR;
    }

    /** Downcall handle of {@code PostQueuedCompletionStatus}; its first parameter is the {@link CallState}. */
    public static MethodHandle PostQueuedCompletionStatus$handle() {
        return PostQueuedCompletionStatus.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL PostQueuedCompletionStatus(
     *     HANDLE CompletionPort,
     *     DWORD dwNumberOfBytesTransferred,
     *     ULONG_PTR dwCompletionKey,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     *
     * <p>Queues a packet carrying the three values unchanged; the way to wake a waiting thread.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int PostQueuedCompletionStatus(MemorySegment callState, MemorySegment CompletionPort,
                                                 int dwNumberOfBytesTransferred, long dwCompletionKey,
                                                 MemorySegment lpOverlapped) {
        try {
            return (int) PostQueuedCompletionStatus.HANDLE.invokeExact(callState, CompletionPort,
                    dwNumberOfBytesTransferred, dwCompletionKey, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class CloseHandle {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "CloseHandle");
        static final MethodHandle HANDLE = bind("CloseHandle", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL CloseHandle(HANDLE hObject)
     * }
     */
    public static FunctionDescriptor CloseHandle$descriptor() {
        return CloseHandle.DESC;
    }

    /** Address of {@code CloseHandle}, NULL where kernel32 is absent. */
    public static MemorySegment CloseHandle$address() {
        return CloseHandle.ADDR;
    }

    /** Downcall handle of {@code CloseHandle}; its first parameter is the {@link CallState}. */
    public static MethodHandle CloseHandle$handle() {
        return CloseHandle.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL CloseHandle(HANDLE hObject)
     * }
     *
     * <p>Closes a handle (a completion port, a file).
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int CloseHandle(MemorySegment callState, MemorySegment hObject) {
        try {
            return (int) CloseHandle.HANDLE.invokeExact(callState, hObject);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class CancelIoEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "CancelIoEx");
        static final MethodHandle HANDLE = bind("CancelIoEx", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)
     * }
     */
    public static FunctionDescriptor CancelIoEx$descriptor() {
        return CancelIoEx.DESC;
    }

    /** Address of {@code CancelIoEx}, NULL where kernel32 is absent. */
    public static MemorySegment CancelIoEx$address() {
        return CancelIoEx.ADDR;
    }

    /** Downcall handle of {@code CancelIoEx}; its first parameter is the {@link CallState}. */
    public static MethodHandle CancelIoEx$handle() {
        return CancelIoEx.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)
     * }
     *
     * <p>Requests cancellation of the I/O issued on {@code hFile} with {@code lpOverlapped} (all of the
     * handle's I/O, from any thread, when NULL). A cancelled request still completes, with
     * {@code ERROR_OPERATION_ABORTED}; {@code ERROR_NOT_FOUND} means nothing was pending.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if a cancellation was requested
     */
    public static int CancelIoEx(MemorySegment callState, MemorySegment hFile, MemorySegment lpOverlapped) {
        try {
            return (int) CancelIoEx.HANDLE.invokeExact(callState, hFile, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class CreateFileW {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "CreateFileW");
        static final MethodHandle HANDLE = bind("CreateFileW", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * HANDLE CreateFileW(
     *     LPCWSTR lpFileName,
     *     DWORD dwDesiredAccess,
     *     DWORD dwShareMode,
     *     LPSECURITY_ATTRIBUTES lpSecurityAttributes,
     *     DWORD dwCreationDisposition,
     *     DWORD dwFlagsAndAttributes,
     *     HANDLE hTemplateFile
     * )
     * }
     */
    public static FunctionDescriptor CreateFileW$descriptor() {
        return CreateFileW.DESC;
    }

    /** Address of {@code CreateFileW}, NULL where kernel32 is absent. */
    public static MemorySegment CreateFileW$address() {
        return CreateFileW.ADDR;
    }

    /** Downcall handle of {@code CreateFileW}; its first parameter is the {@link CallState}. */
    public static MethodHandle CreateFileW$handle() {
        return CreateFileW.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * HANDLE CreateFileW(
     *     LPCWSTR lpFileName,
     *     DWORD dwDesiredAccess,
     *     DWORD dwShareMode,
     *     LPSECURITY_ATTRIBUTES lpSecurityAttributes,
     *     DWORD dwCreationDisposition,
     *     DWORD dwFlagsAndAttributes,
     *     HANDLE hTemplateFile
     * )
     * }
     *
     * <p>Opens or creates a file; {@code lpFileName} is a NUL-terminated UTF-16LE string. With
     * {@code FILE_FLAG_OVERLAPPED} the handle can be associated with a completion port.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return the handle, or {@code INVALID_HANDLE_VALUE} (address -1) on failure
     */
    public static MemorySegment CreateFileW(MemorySegment callState, MemorySegment lpFileName, int dwDesiredAccess,
                                            int dwShareMode, MemorySegment lpSecurityAttributes,
                                            int dwCreationDisposition, int dwFlagsAndAttributes,
                                            MemorySegment hTemplateFile) {
        try {
            return (MemorySegment) CreateFileW.HANDLE.invokeExact(callState, lpFileName, dwDesiredAccess,
                    dwShareMode, lpSecurityAttributes, dwCreationDisposition, dwFlagsAndAttributes, hTemplateFile);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class ReadFile {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "ReadFile");
        static final MethodHandle HANDLE = bind("ReadFile", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL ReadFile(
     *     HANDLE hFile,
     *     LPVOID lpBuffer,
     *     DWORD nNumberOfBytesToRead,
     *     LPDWORD lpNumberOfBytesRead,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     */
    public static FunctionDescriptor ReadFile$descriptor() {
        return ReadFile.DESC;
    }

    /** Address of {@code ReadFile}, NULL where kernel32 is absent. */
    public static MemorySegment ReadFile$address() {
        return ReadFile.ADDR;
    }

    /** Downcall handle of {@code ReadFile}; its first parameter is the {@link CallState}. */
    public static MethodHandle ReadFile$handle() {
        return ReadFile.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL ReadFile(
     *     HANDLE hFile,
     *     LPVOID lpBuffer,
     *     DWORD nNumberOfBytesToRead,
     *     LPDWORD lpNumberOfBytesRead,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     *
     * <p>Reads from a file. Overlapped: the offset is in the {@link OVERLAPPED}, FALSE with
     * {@code ERROR_IO_PENDING} means the read completes through the port, and
     * {@code lpNumberOfBytesRead} should be NULL.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if the read completed at once
     */
    public static int ReadFile(MemorySegment callState, MemorySegment hFile, MemorySegment lpBuffer,
                               int nNumberOfBytesToRead, MemorySegment lpNumberOfBytesRead,
                               MemorySegment lpOverlapped) {
        try {
            return (int) ReadFile.HANDLE.invokeExact(callState, hFile, lpBuffer, nNumberOfBytesToRead,
                    lpNumberOfBytesRead, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WriteFile {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WriteFile");
        static final MethodHandle HANDLE = bind("WriteFile", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL WriteFile(
     *     HANDLE hFile,
     *     LPCVOID lpBuffer,
     *     DWORD nNumberOfBytesToWrite,
     *     LPDWORD lpNumberOfBytesWritten,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     */
    public static FunctionDescriptor WriteFile$descriptor() {
        return WriteFile.DESC;
    }

    /** Address of {@code WriteFile}, NULL where kernel32 is absent. */
    public static MemorySegment WriteFile$address() {
        return WriteFile.ADDR;
    }

    /** Downcall handle of {@code WriteFile}; its first parameter is the {@link CallState}. */
    public static MethodHandle WriteFile$handle() {
        return WriteFile.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL WriteFile(
     *     HANDLE hFile,
     *     LPCVOID lpBuffer,
     *     DWORD nNumberOfBytesToWrite,
     *     LPDWORD lpNumberOfBytesWritten,
     *     LPOVERLAPPED lpOverlapped
     * )
     * }
     *
     * <p>Writes to a file; overlapped as {@link #ReadFile}.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if the write completed at once
     */
    public static int WriteFile(MemorySegment callState, MemorySegment hFile, MemorySegment lpBuffer,
                                int nNumberOfBytesToWrite, MemorySegment lpNumberOfBytesWritten,
                                MemorySegment lpOverlapped) {
        try {
            return (int) WriteFile.HANDLE.invokeExact(callState, hFile, lpBuffer, nNumberOfBytesToWrite,
                    lpNumberOfBytesWritten, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetOverlappedResult {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetOverlappedResult");
        static final MethodHandle HANDLE = bind("GetOverlappedResult", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL GetOverlappedResult(
     *     HANDLE hFile,
     *     LPOVERLAPPED lpOverlapped,
     *     LPDWORD lpNumberOfBytesTransferred,
     *     BOOL bWait
     * )
     * }
     */
    public static FunctionDescriptor GetOverlappedResult$descriptor() {
        return GetOverlappedResult.DESC;
    }

    /** Address of {@code GetOverlappedResult}, NULL where kernel32 is absent. */
    public static MemorySegment GetOverlappedResult$address() {
        return GetOverlappedResult.ADDR;
    }

    /** Downcall handle of {@code GetOverlappedResult}; its first parameter is the {@link CallState}. */
    public static MethodHandle GetOverlappedResult$handle() {
        return GetOverlappedResult.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL GetOverlappedResult(
     *     HANDLE hFile,
     *     LPOVERLAPPED lpOverlapped,
     *     LPDWORD lpNumberOfBytesTransferred,
     *     BOOL bWait
     * )
     * }
     *
     * <p>The outcome of an overlapped file operation: the byte count, and on failure its Win32 error as the
     * last error (the {@code OVERLAPPED}'s {@code Internal} holds only the NTSTATUS).
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero if the operation succeeded
     */
    public static int GetOverlappedResult(MemorySegment callState, MemorySegment hFile, MemorySegment lpOverlapped,
                                          MemorySegment lpNumberOfBytesTransferred, int bWait) {
        try {
            return (int) GetOverlappedResult.HANDLE.invokeExact(callState, hFile, lpOverlapped,
                    lpNumberOfBytesTransferred, bWait);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetFileSizeEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetFileSizeEx");
        static final MethodHandle HANDLE = bind("GetFileSizeEx", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize)
     * }
     */
    public static FunctionDescriptor GetFileSizeEx$descriptor() {
        return GetFileSizeEx.DESC;
    }

    /** Address of {@code GetFileSizeEx}, NULL where kernel32 is absent. */
    public static MemorySegment GetFileSizeEx$address() {
        return GetFileSizeEx.ADDR;
    }

    /** Downcall handle of {@code GetFileSizeEx}; its first parameter is the {@link CallState}. */
    public static MethodHandle GetFileSizeEx$handle() {
        return GetFileSizeEx.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize)
     * }
     *
     * <p>Writes the file's size into the 8-byte {@code LARGE_INTEGER} at {@code lpFileSize}.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int GetFileSizeEx(MemorySegment callState, MemorySegment hFile, MemorySegment lpFileSize) {
        try {
            return (int) GetFileSizeEx.HANDLE.invokeExact(callState, hFile, lpFileSize);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class SetFileCompletionNotificationModes {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BYTE);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "SetFileCompletionNotificationModes");
        static final MethodHandle HANDLE = bind("SetFileCompletionNotificationModes", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags)
     * }
     */
    public static FunctionDescriptor SetFileCompletionNotificationModes$descriptor() {
        return SetFileCompletionNotificationModes.DESC;
    }

    /** Address of {@code SetFileCompletionNotificationModes}, NULL where kernel32 is absent. */
    public static MemorySegment SetFileCompletionNotificationModes$address() {
        return SetFileCompletionNotificationModes.ADDR;
    }

    /** Downcall handle of {@code SetFileCompletionNotificationModes}; its first parameter is the {@link CallState}. */
    public static MethodHandle SetFileCompletionNotificationModes$handle() {
        return SetFileCompletionNotificationModes.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags)
     * }
     *
     * <p>Sets {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} and/or {@code FILE_SKIP_SET_EVENT_ON_HANDLE}
     * on a handle; once set, a mode cannot be cleared.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int SetFileCompletionNotificationModes(MemorySegment callState, MemorySegment FileHandle,
                                                         byte Flags) {
        try {
            return (int) SetFileCompletionNotificationModes.HANDLE.invokeExact(callState, FileHandle, Flags);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class SetFileIoOverlappedRange {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "SetFileIoOverlappedRange");
        static final MethodHandle HANDLE = bind("SetFileIoOverlappedRange", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL SetFileIoOverlappedRange(HANDLE FileHandle, PUCHAR OverlappedRangeStart, ULONG Length)
     * }
     */
    public static FunctionDescriptor SetFileIoOverlappedRange$descriptor() {
        return SetFileIoOverlappedRange.DESC;
    }

    /** Address of {@code SetFileIoOverlappedRange}, NULL where kernel32 is absent. */
    public static MemorySegment SetFileIoOverlappedRange$address() {
        return SetFileIoOverlappedRange.ADDR;
    }

    /** Downcall handle of {@code SetFileIoOverlappedRange}; its first parameter is the {@link CallState}. */
    public static MethodHandle SetFileIoOverlappedRange$handle() {
        return SetFileIoOverlappedRange.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL SetFileIoOverlappedRange(HANDLE FileHandle, PUCHAR OverlappedRangeStart, ULONG Length)
     * }
     *
     * <p>Locks the range holding a handle's {@code OVERLAPPED} structures into memory so that the kernel can
     * complete I/O without locking them each time. Needs {@code SeLockMemoryPrivilege}.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int SetFileIoOverlappedRange(MemorySegment callState, MemorySegment FileHandle,
                                               MemorySegment OverlappedRangeStart, int Length) {
        try {
            return (int) SetFileIoOverlappedRange.HANDLE.invokeExact(callState, FileHandle, OverlappedRangeStart,
                    Length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class VirtualAlloc {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "VirtualAlloc");
        static final MethodHandle HANDLE = bind("VirtualAlloc", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * LPVOID VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect)
     * }
     */
    public static FunctionDescriptor VirtualAlloc$descriptor() {
        return VirtualAlloc.DESC;
    }

    /** Address of {@code VirtualAlloc}, NULL where kernel32 is absent. */
    public static MemorySegment VirtualAlloc$address() {
        return VirtualAlloc.ADDR;
    }

    /** Downcall handle of {@code VirtualAlloc}; its first parameter is the {@link CallState}. */
    public static MethodHandle VirtualAlloc$handle() {
        return VirtualAlloc.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * LPVOID VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect)
     * }
     *
     * <p>Reserves and/or commits a region of pages.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return the base of the region (a zero-length segment), or NULL on failure
     */
    public static MemorySegment VirtualAlloc(MemorySegment callState, MemorySegment lpAddress, long dwSize,
                                             int flAllocationType, int flProtect) {
        try {
            return (MemorySegment) VirtualAlloc.HANDLE.invokeExact(callState, lpAddress, dwSize, flAllocationType,
                    flProtect);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class VirtualFree {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "VirtualFree");
        static final MethodHandle HANDLE = bind("VirtualFree", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType)
     * }
     */
    public static FunctionDescriptor VirtualFree$descriptor() {
        return VirtualFree.DESC;
    }

    /** Address of {@code VirtualFree}, NULL where kernel32 is absent. */
    public static MemorySegment VirtualFree$address() {
        return VirtualFree.ADDR;
    }

    /** Downcall handle of {@code VirtualFree}; its first parameter is the {@link CallState}. */
    public static MethodHandle VirtualFree$handle() {
        return VirtualFree.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType)
     * }
     *
     * <p>Decommits and/or releases a region of pages.
     *
     * @param callState receives {@code GetLastError()} of this call ({@link CallState#getLastError})
     * @return non-zero on success
     */
    public static int VirtualFree(MemorySegment callState, MemorySegment lpAddress, long dwSize, int dwFreeType) {
        try {
            return (int) VirtualFree.HANDLE.invokeExact(callState, lpAddress, dwSize, dwFreeType);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetSystemInfo {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetSystemInfo");
        // GetSystemInfo cannot fail and does not set the last error: no capture.
        static final MethodHandle HANDLE = Downcalls.downcall(LIBRARY, "GetSystemInfo", ADDR, DESC, null);
    }

    /**
     * {@snippet lang=c :
     * void GetSystemInfo(LPSYSTEM_INFO lpSystemInfo)
     * }
     */
    public static FunctionDescriptor GetSystemInfo$descriptor() {
        return GetSystemInfo.DESC;
    }

    /** Address of {@code GetSystemInfo}, NULL where kernel32 is absent. */
    public static MemorySegment GetSystemInfo$address() {
        return GetSystemInfo.ADDR;
    }

    /** Downcall handle of {@code GetSystemInfo} (no call state: it cannot fail). */
    public static MethodHandle GetSystemInfo$handle() {
        return GetSystemInfo.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * void GetSystemInfo(LPSYSTEM_INFO lpSystemInfo)
     * }
     *
     * <p>Fills a {@link SYSTEM_INFO} (page size, allocation granularity, processor count).
     */
    public static void GetSystemInfo(MemorySegment lpSystemInfo) {
        try {
            GetSystemInfo.HANDLE.invokeExact(lpSystemInfo);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
