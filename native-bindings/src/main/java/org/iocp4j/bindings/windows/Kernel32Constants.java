package org.iocp4j.bindings.windows;

/**
 * Constants of the kernel32 API that an IOCP proactor serving sockets and streaming files needs, named
 * as in the Windows SDK headers ({@code winnt.h}, {@code winbase.h}, {@code fileapi.h}). Values as
 * Microsoft documents them; the Windows conformance test checks every field against the mingw-w64
 * headers. {@code DWORD} constants are Java {@code int}s holding the same 32 bits, so the ones with the
 * top bit set ({@link #GENERIC_READ}, {@link #INFINITE}) are negative in Java.
 *
 * <p>Error codes, including {@code WAIT_TIMEOUT} which {@code GetLastError()} reports, are in
 * {@link Win32Errors}.
 */
public final class Kernel32Constants {
    private Kernel32Constants() {
    }

    // handleapi.h
    /**
     * {@code INVALID_HANDLE_VALUE}, {@code (HANDLE)(LONG_PTR)-1}, as an address: what {@code CreateFileW}
     * returns on failure, and the file handle that makes {@code CreateIoCompletionPort} create a port.
     */
    public static final long INVALID_HANDLE_VALUE = -1L;

    // winbase.h
    /** {@code INFINITE} ({@code 0xFFFFFFFF}): a timeout that never expires. */
    public static final int INFINITE = 0xFFFFFFFF;

    // winnt.h: NTSTATUS values found in OVERLAPPED.Internal / OVERLAPPED_ENTRY.Internal
    /** {@code STATUS_PENDING}: the request is still in flight ({@code HasOverlappedIoCompleted} is false). */
    public static final int STATUS_PENDING = 0x103;

    // winnt.h: VirtualAlloc / VirtualFree
    /** {@code MEM_COMMIT}: back the pages with memory. */
    public static final int MEM_COMMIT = 0x1000;
    /** {@code MEM_RESERVE}: reserve address space without backing it. */
    public static final int MEM_RESERVE = 0x2000;
    /** {@code MEM_DECOMMIT}: release the backing but keep the reservation. */
    public static final int MEM_DECOMMIT = 0x4000;
    /** {@code MEM_RELEASE}: release the whole reservation (size must be 0). */
    public static final int MEM_RELEASE = 0x8000;
    /** {@code MEM_LARGE_PAGES}: use large pages; needs {@code SeLockMemoryPrivilege}. */
    public static final int MEM_LARGE_PAGES = 0x20000000;
    /** {@code PAGE_NOACCESS}: any access faults (guard regions). */
    public static final int PAGE_NOACCESS = 0x01;
    /** {@code PAGE_READONLY}: read-only pages. */
    public static final int PAGE_READONLY = 0x02;
    /** {@code PAGE_READWRITE}: readable and writable pages. */
    public static final int PAGE_READWRITE = 0x04;

    // winnt.h: CreateFileW dwDesiredAccess and dwShareMode
    /** {@code GENERIC_READ}: open for reading. */
    public static final int GENERIC_READ = 0x80000000;
    /** {@code GENERIC_WRITE}: open for writing. */
    public static final int GENERIC_WRITE = 0x40000000;
    /** {@code FILE_SHARE_READ}: others may open the file for reading meanwhile. */
    public static final int FILE_SHARE_READ = 0x00000001;
    /** {@code FILE_SHARE_WRITE}: others may open the file for writing meanwhile. */
    public static final int FILE_SHARE_WRITE = 0x00000002;
    /** {@code FILE_SHARE_DELETE}: others may delete or rename the file meanwhile. */
    public static final int FILE_SHARE_DELETE = 0x00000004;

    // fileapi.h: CreateFileW dwCreationDisposition
    /** {@code CREATE_NEW}: create; fail with {@code ERROR_FILE_EXISTS} if it exists. */
    public static final int CREATE_NEW = 1;
    /** {@code CREATE_ALWAYS}: create or truncate. */
    public static final int CREATE_ALWAYS = 2;
    /** {@code OPEN_EXISTING}: open; fail with {@code ERROR_FILE_NOT_FOUND} if it does not exist. */
    public static final int OPEN_EXISTING = 3;
    /** {@code OPEN_ALWAYS}: open or create. */
    public static final int OPEN_ALWAYS = 4;
    /** {@code TRUNCATE_EXISTING}: open and truncate to 0; needs {@code GENERIC_WRITE}. */
    public static final int TRUNCATE_EXISTING = 5;

    // winnt.h / winbase.h: CreateFileW dwFlagsAndAttributes
    /** {@code FILE_ATTRIBUTE_NORMAL}: no other attributes. */
    public static final int FILE_ATTRIBUTE_NORMAL = 0x00000080;
    /** {@code FILE_ATTRIBUTE_TEMPORARY}: keep the data in the cache if memory allows. */
    public static final int FILE_ATTRIBUTE_TEMPORARY = 0x00000100;
    /** {@code FILE_FLAG_WRITE_THROUGH}: writes go through the cache to the device. */
    public static final int FILE_FLAG_WRITE_THROUGH = 0x80000000;
    /** {@code FILE_FLAG_OVERLAPPED}: asynchronous I/O; required to associate with a completion port. */
    public static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    /** {@code FILE_FLAG_NO_BUFFERING}: bypass the cache; offsets, sizes and buffers sector-aligned. */
    public static final int FILE_FLAG_NO_BUFFERING = 0x20000000;
    /** {@code FILE_FLAG_RANDOM_ACCESS}: hint for random access (no read-ahead). */
    public static final int FILE_FLAG_RANDOM_ACCESS = 0x10000000;
    /** {@code FILE_FLAG_SEQUENTIAL_SCAN}: hint for sequential reading (aggressive read-ahead). */
    public static final int FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000;
    /** {@code FILE_FLAG_DELETE_ON_CLOSE}: delete the file when its last handle closes. */
    public static final int FILE_FLAG_DELETE_ON_CLOSE = 0x04000000;

    // winbase.h: SetFileCompletionNotificationModes
    /**
     * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}: a request that succeeds at once queues no completion
     * packet; the caller handles it inline.
     */
    public static final int FILE_SKIP_COMPLETION_PORT_ON_SUCCESS = 0x1;
    /** {@code FILE_SKIP_SET_EVENT_ON_HANDLE}: do not signal the handle itself when a request completes. */
    public static final int FILE_SKIP_SET_EVENT_ON_HANDLE = 0x2;
}
