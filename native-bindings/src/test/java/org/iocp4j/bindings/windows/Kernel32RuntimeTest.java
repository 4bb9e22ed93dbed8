package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_FLAG_OVERLAPPED;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_SHARE_READ;
import static org.iocp4j.bindings.windows.Kernel32Constants.FILE_SHARE_WRITE;
import static org.iocp4j.bindings.windows.Kernel32Constants.GENERIC_READ;
import static org.iocp4j.bindings.windows.Kernel32Constants.GENERIC_WRITE;
import static org.iocp4j.bindings.windows.Kernel32Constants.INVALID_HANDLE_VALUE;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_COMMIT;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_DECOMMIT;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_RELEASE;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_RESERVE;
import static org.iocp4j.bindings.windows.Kernel32Constants.OPEN_EXISTING;
import static org.iocp4j.bindings.windows.Kernel32Constants.PAGE_READWRITE;
import static org.iocp4j.bindings.windows.WindowsRuntime.assertSucceeded;
import static org.iocp4j.bindings.windows.WindowsRuntime.poisoned;
import static org.iocp4j.bindings.windows.WindowsRuntime.wide;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.windows.WindowsRuntime.Completion;
import org.iocp4j.bindings.windows.WindowsRuntime.Port;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel32 bindings against the real kernel32 of a Windows JVM (Windows, or Wine in the windows-jvm lane):
 * system information, virtual memory, completion ports and overlapped file I/O.
 */
@EnabledOnOs(OS.WINDOWS)
class Kernel32RuntimeTest extends WindowsRuntimeTestBase {
    private static final long FILE_KEY = 0x1F11EL;
    /** {@code PROCESSOR_ARCHITECTURE_AMD64} (winnt.h). */
    private static final short PROCESSOR_ARCHITECTURE_AMD64 = 9;
    /** {@code STATUS_END_OF_FILE} (ntstatus.h), the NTSTATUS of a read at the end of a file. */
    private static final long STATUS_END_OF_FILE = 0xC0000011L;

    @TempDir
    Path dir;

    private MemorySegment systemInfo() {
        MemorySegment info = SYSTEM_INFO.allocate(arena);
        Kernel32.GetSystemInfo(info);
        return info;
    }

    @Test
    void getSystemInfoReportsTheX64PageSizeAllocationGranularityAndProcessors() {
        MemorySegment info = systemInfo();
        assertEquals(4096, SYSTEM_INFO.dwPageSize(info));
        assertEquals(65536, SYSTEM_INFO.dwAllocationGranularity(info));
        assertEquals(PROCESSOR_ARCHITECTURE_AMD64, SYSTEM_INFO.wProcessorArchitecture(info));
        int processors = SYSTEM_INFO.dwNumberOfProcessors(info);
        assertTrue(processors > 0, "dwNumberOfProcessors " + processors);
        // The mask has a bit per active processor of the group (at most 64, the mask's width).
        assertEquals(Math.min(processors, 64), Long.bitCount(SYSTEM_INFO.dwActiveProcessorMask(info)));
        // The lowest usable address is the first allocation granule above the NULL region.
        assertEquals(65536, SYSTEM_INFO.lpMinimumApplicationAddress(info).address());
        assertTrue(SYSTEM_INFO.lpMaximumApplicationAddress(info).address() > 0xFFFF_FFFFL,
                "a 64-bit process has more than 4 GiB of address space");
    }

    @Test
    void virtualAllocCommitsZeroFilledWritablePagesAndVirtualFreeDecommitsAndReleasesThem() {
        int page = SYSTEM_INFO.dwPageSize(systemInfo());
        long size = 3L * page;
        MemorySegment base = Kernel32.VirtualAlloc(state, MemorySegment.NULL, size, MEM_RESERVE | MEM_COMMIT,
                PAGE_READWRITE);
        assertNotEquals(MemorySegment.NULL, base, () -> Win32Exception.lastError("VirtualAlloc", state).getMessage());
        opened.add(() -> assertSucceeded(Kernel32.VirtualFree(state, base, 0, MEM_RELEASE), "VirtualFree", state));
        assertEquals(0, base.address() % 65536, "a new reservation starts at the allocation granularity");
        MemorySegment pages = base.reinterpret(size);
        assertEquals(-1L, pages.mismatch(arena.allocate(size)), "committed pages are zero-filled");
        pages.fill((byte) 0xA5);

        // Decommitting the middle page and committing it again gives it back zero-filled.
        MemorySegment middle = pages.asSlice(page, page);
        assertSucceeded(Kernel32.VirtualFree(state, middle, page, MEM_DECOMMIT), "VirtualFree(MEM_DECOMMIT)", state);
        MemorySegment recommitted = Kernel32.VirtualAlloc(state, middle, page, MEM_COMMIT, PAGE_READWRITE);
        assertEquals(middle.address(), recommitted.address());
        assertEquals(0, middle.get(JAVA_LONG, 0));
        assertEquals(0, middle.get(JAVA_LONG, page - 8L));
        assertEquals((byte) 0xA5, pages.get(JAVA_BYTE, page - 1L));
        assertEquals((byte) 0xA5, pages.get(JAVA_BYTE, 2L * page));

        // MEM_RELEASE takes size 0 ("the entire region that is reserved in the initial allocation call").
        assertEquals(0, Kernel32.VirtualFree(poisoned(state), base, size, MEM_RELEASE));
        assertEquals(Win32Errors.ERROR_INVALID_PARAMETER, CallState.getLastError(state));
    }

    @Test
    void postedPacketsComeBackAsPostedInBatchesOfAtMostTheRequestedCount() {
        Port port = new Port(arena, state, opened);
        MemorySegment overlapped = OVERLAPPED.allocateArray(3, arena);
        long[] keys = {7L, 0x7FFF_FFFF_FFFF_FFF0L, -2L};
        int[] bytes = {0, 4096, -1};
        for (int i = 0; i < 3; i++) {
            assertSucceeded(Kernel32.PostQueuedCompletionStatus(state, port.handle, bytes[i], keys[i],
                    OVERLAPPED.asSlice(overlapped, i)), "PostQueuedCompletionStatus", state);
        }

        List<Completion> first = port.dequeue(2);
        List<Completion> rest = port.dequeue(8);
        assertEquals(2, first.size(), "the count is respected");
        assertEquals(1, rest.size());
        List<Completion> all = Stream.concat(first.stream(), rest.stream()).toList();
        for (int i = 0; i < 3; i++) {
            assertEquals(new Completion(keys[i], OVERLAPPED.asSlice(overlapped, i).address(), 0, bytes[i]), all.get(i));
        }
    }

    @Test
    void getQueuedCompletionStatusReturnsOnePostedPacketWithANullOverlapped() {
        Port port = new Port(arena, state, opened);
        assertSucceeded(Kernel32.PostQueuedCompletionStatus(state, port.handle, 12345, 99L, MemorySegment.NULL),
                "PostQueuedCompletionStatus", state);
        MemorySegment transferred = arena.allocate(JAVA_INT);
        MemorySegment key = arena.allocate(JAVA_LONG);
        MemorySegment overlapped = arena.allocate(ADDRESS).fill((byte) 1);
        assertSucceeded(Kernel32.GetQueuedCompletionStatus(state, port.handle, transferred, key, overlapped,
                WindowsRuntime.COMPLETION_TIMEOUT_MS), "GetQueuedCompletionStatus", state);
        assertEquals(12345, transferred.get(JAVA_INT, 0));
        assertEquals(99L, key.get(JAVA_LONG, 0));
        assertEquals(MemorySegment.NULL, overlapped.get(ADDRESS, 0));

        // Nothing left: FALSE, *lpOverlapped NULL (nothing was dequeued), WAIT_TIMEOUT.
        assertEquals(0, Kernel32.GetQueuedCompletionStatus(poisoned(state), port.handle, transferred, key, overlapped,
                0));
        assertEquals(MemorySegment.NULL, overlapped.get(ADDRESS, 0));
        assertEquals(Win32Errors.WAIT_TIMEOUT, CallState.getLastError(state));
    }

    @Test
    void anEmptyPortTimesOutWithWaitTimeoutCapturedThroughTheCallState() {
        Port port = new Port(arena, state, opened);
        long start = System.nanoTime();
        assertEquals(Win32Errors.WAIT_TIMEOUT, port.assertNothingWithin(50));
        assertTrue(System.nanoTime() - start >= 40_000_000L, "waited the timeout");
        assertEquals("GetQueuedCompletionStatusEx failed: WAIT_TIMEOUT (258)",
                Win32Exception.lastError("GetQueuedCompletionStatusEx", state).getMessage());
    }

    @Test
    void closeHandleOfNullFailsWithInvalidHandle() {
        assertEquals(0, Kernel32.CloseHandle(poisoned(state), MemorySegment.NULL));
        assertEquals(Win32Errors.ERROR_INVALID_HANDLE, CallState.getLastError(state));
    }

    @Test
    void createFileWOfAMissingFileFailsWithFileNotFound() {
        MemorySegment file = Kernel32.CreateFileW(poisoned(state), wide(dir.resolve("missing").toAbsolutePath()
                .toString(), arena), GENERIC_READ, FILE_SHARE_READ, MemorySegment.NULL, OPEN_EXISTING, 0,
                MemorySegment.NULL);
        assertEquals(INVALID_HANDLE_VALUE, file.address());
        assertEquals(Win32Errors.ERROR_FILE_NOT_FOUND, CallState.getLastError(state));
    }

    /** A file of three pages of known bytes, opened for overlapped reading and writing. */
    private MemorySegment openOverlapped(byte[] content) throws IOException {
        Path path = Files.write(dir.resolve("data.bin"), content);
        MemorySegment file = Kernel32.CreateFileW(state, wide(path.toAbsolutePath().toString(), arena),
                GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, MemorySegment.NULL, OPEN_EXISTING,
                FILE_FLAG_OVERLAPPED, MemorySegment.NULL);
        assertNotEquals(INVALID_HANDLE_VALUE, file.address(),
                () -> Win32Exception.lastError("CreateFileW", state).getMessage());
        opened.add(() -> assertSucceeded(Kernel32.CloseHandle(state, file), "CloseHandle(file)", state));
        return file;
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** An {@code OVERLAPPED} positioned at {@code offset}. */
    private MemorySegment at(long offset) {
        MemorySegment overlapped = OVERLAPPED.allocate(arena);
        OVERLAPPED.Offset(overlapped, (int) offset);
        OVERLAPPED.OffsetHigh(overlapped, (int) (offset >>> 32));
        return overlapped;
    }

    /**
     * Issues an overlapped ReadFile or WriteFile and takes its completion from the port. Windows may complete
     * file I/O at once (TRUE), Wine never does (FALSE, ERROR_IO_PENDING); either way, without
     * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, the completion is queued to the port. GetOverlappedResult and the
     * OVERLAPPED itself must agree with it.
     */
    private Completion transfer(Port port, MemorySegment file, MemorySegment overlapped,
                                ToIntFunction<MemorySegment> call) {
        if (call.applyAsInt(poisoned(state)) == 0) {
            assertEquals(Win32Errors.ERROR_IO_PENDING, CallState.getLastError(state),
                    () -> Win32Exception.lastError("ReadFile/WriteFile", state).getMessage());
        }
        Completion completion = port.dequeueOne(FILE_KEY, overlapped);
        assertEquals(0, completion.status(), "STATUS_SUCCESS");
        MemorySegment transferred = arena.allocate(JAVA_INT);
        assertSucceeded(Kernel32.GetOverlappedResult(state, file, overlapped, transferred, 0), "GetOverlappedResult",
                state);
        assertEquals(completion.bytes(), transferred.get(JAVA_INT, 0));
        assertEquals(completion.bytes(), OVERLAPPED.InternalHigh(overlapped));
        assertEquals(0, OVERLAPPED.Internal(overlapped));
        return completion;
    }

    @Test
    void overlappedReadFileAtAnOffsetCompletesThroughThePortWithTheBytesThere() throws IOException {
        byte[] content = pattern(3 * 4096);
        MemorySegment file = openOverlapped(content);
        MemorySegment size = arena.allocate(JAVA_LONG);
        assertSucceeded(Kernel32.GetFileSizeEx(state, file, size), "GetFileSizeEx", state);
        assertEquals(content.length, size.get(JAVA_LONG, 0));
        Port port = new Port(arena, state, opened);
        port.associate(file, FILE_KEY);

        int offset = 5000;
        MemorySegment buffer = arena.allocate(100);
        MemorySegment overlapped = at(offset);
        Completion read = transfer(port, file, overlapped,
                s -> Kernel32.ReadFile(s, file, buffer, 100, MemorySegment.NULL, overlapped));
        assertEquals(100, read.bytes());
        assertArrayEquals(Arrays.copyOfRange(content, offset, offset + 100), buffer.toArray(JAVA_BYTE));
    }

    @Test
    void overlappedWriteFileAtAnOffsetLandsThere() throws IOException {
        byte[] content = pattern(3 * 4096);
        MemorySegment file = openOverlapped(content);
        Port port = new Port(arena, state, opened);
        port.associate(file, FILE_KEY);

        byte[] text = "iocp4j".getBytes(StandardCharsets.US_ASCII);
        MemorySegment overlapped = at(4099);
        MemorySegment data = arena.allocateFrom(JAVA_BYTE, text);
        assertEquals(text.length, transfer(port, file, overlapped,
                s -> Kernel32.WriteFile(s, file, data, text.length, MemorySegment.NULL, overlapped)).bytes());
        System.arraycopy(text, 0, content, 4099, text.length);
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("data.bin")));
    }

    @Test
    void aReadAtTheEndOfTheFileFailsWithHandleEof() throws IOException {
        MemorySegment file = openOverlapped(pattern(4096));
        Port port = new Port(arena, state, opened);
        port.associate(file, FILE_KEY);
        MemorySegment overlapped = at(4096);
        assertEquals(0, Kernel32.ReadFile(poisoned(state), file, arena.allocate(16), 16, MemorySegment.NULL,
                overlapped));
        int error = CallState.getLastError(state);
        if (WindowsRuntime.wine()) {
            assertEquals(Win32Errors.ERROR_IO_PENDING, error, "Wine never completes overlapped file I/O at once");
        }
        if (error == Win32Errors.ERROR_HANDLE_EOF) {
            // Windows usually fails the read at once; a request that fails at once queues no completion.
            assertEquals(Win32Errors.WAIT_TIMEOUT, port.assertNothingWithin(0));
        } else {
            // Wine always goes pending (WINDOWS-TESTING.md), and so may Windows: the failure comes as a
            // completion, and GetOverlappedResult turns its NTSTATUS into ERROR_HANDLE_EOF.
            assertEquals(Win32Errors.ERROR_IO_PENDING, error);
            Completion completion = port.dequeueOne(FILE_KEY, overlapped);
            assertEquals(STATUS_END_OF_FILE, completion.status());
            assertEquals(0, completion.bytes());
            assertEquals(0, Kernel32.GetOverlappedResult(poisoned(state), file, overlapped, arena.allocate(JAVA_INT),
                    1));
            assertEquals(Win32Errors.ERROR_HANDLE_EOF, CallState.getLastError(state));
        }
    }

    @Test
    void cancelIoExWithNothingPendingFailsWithNotFound() throws IOException {
        MemorySegment file = openOverlapped(pattern(16));
        assertEquals(0, Kernel32.CancelIoEx(poisoned(state), file, OVERLAPPED.allocate(arena)));
        assertEquals(Win32Errors.ERROR_NOT_FOUND, CallState.getLastError(state));
        assertEquals("CancelIoEx failed: ERROR_NOT_FOUND (1168)",
                Win32Exception.lastError("CancelIoEx", state).getMessage());

        int all = Kernel32.CancelIoEx(poisoned(state), file, MemorySegment.NULL);
        if (WindowsRuntime.wine()) {
            // Wine 8 reports success for "all of the handle's requests" even when there are none (measured with
            // a C probe too); only a named OVERLAPPED that is not pending gives ERROR_NOT_FOUND.
            assertEquals(1, all);
        } else {
            assertEquals(0, all);
            assertEquals(Win32Errors.ERROR_NOT_FOUND, CallState.getLastError(state));
        }
    }

    @Test
    void setFileCompletionNotificationModesAcceptsBothFlagsOnAnOverlappedFileAndRefusesNull() throws IOException {
        MemorySegment file = openOverlapped(pattern(16));
        byte flags = (byte) (Kernel32Constants.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
                | Kernel32Constants.FILE_SKIP_SET_EVENT_ON_HANDLE);
        assertSucceeded(Kernel32.SetFileCompletionNotificationModes(state, file, flags),
                "SetFileCompletionNotificationModes", state);
        assertEquals(0, Kernel32.SetFileCompletionNotificationModes(poisoned(state), MemorySegment.NULL, flags));
        assertEquals(Win32Errors.ERROR_INVALID_HANDLE, CallState.getLastError(state));
    }

    @Test
    void setFileIoOverlappedRangeNeedsTheLockMemoryPrivilegeOnWindowsAndIsAbsentFromWine() throws IOException {
        MemorySegment file = openOverlapped(pattern(16));
        MemorySegment range = OVERLAPPED.allocateArray(4, arena);
        if (WindowsRuntime.wine()) {
            // Wine 8's kernel32 has no SetFileIoOverlappedRange (a stub GetProcAddress does not return): the
            // binding's address is NULL and a call is the UnsatisfiedLinkError naming it, as off Windows.
            assertEquals(MemorySegment.NULL, Kernel32.SetFileIoOverlappedRange$address());
            UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                    () -> Kernel32.SetFileIoOverlappedRange(state, file, range, (int) range.byteSize()));
            assertTrue(e.getMessage().startsWith("kernel32!SetFileIoOverlappedRange "), e.getMessage());
            return;
        }
        // Microsoft: "requires the caller to have the SeLockMemoryPrivilege"; an ordinary account lacks it.
        if (Kernel32.SetFileIoOverlappedRange(poisoned(state), file, range, (int) range.byteSize()) == 0) {
            assertEquals(Win32Errors.ERROR_PRIVILEGE_NOT_HELD, CallState.getLastError(state));
        }
    }
}
