package org.iocp4j.core;

import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_COMMIT;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_RELEASE;
import static org.iocp4j.bindings.windows.Kernel32Constants.MEM_RESERVE;
import static org.iocp4j.bindings.windows.Kernel32Constants.PAGE_READWRITE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.windows.Kernel32;
import org.iocp4j.bindings.windows.SYSTEM_INFO;

/**
 * Pages from {@code VirtualAlloc(NULL, n, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)}, which returns
 * memory aligned to the allocation granularity and zero-filled; returned with
 * {@code VirtualFree(p, 0, MEM_RELEASE)}. The page size is {@code SYSTEM_INFO.dwPageSize}.
 */
final class WindowsPageAllocator implements PageAllocator {
    private final long pageSize;

    WindowsPageAllocator() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = SYSTEM_INFO.allocate(arena);
            Kernel32.GetSystemInfo(info);
            this.pageSize = Integer.toUnsignedLong(SYSTEM_INFO.dwPageSize(info));
        }
    }

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public MemorySegment allocate(long bytes) throws IOException {
        PageAllocator.checkRequest(bytes, pageSize);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            MemorySegment pages = Kernel32.VirtualAlloc(state, MemorySegment.NULL, bytes,
                    MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            if (pages.address() == 0) {
                throw new NativeException("VirtualAlloc", CallState.getLastError(state), null);
            }
            return pages.reinterpret(bytes);
        }
    }

    @Override
    public void free(MemorySegment pages) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            // MEM_RELEASE requires dwSize == 0: the whole reservation made by VirtualAlloc is released.
            if (Kernel32.VirtualFree(state, pages, 0, MEM_RELEASE) == 0) {
                throw new NativeException("VirtualFree", CallState.getLastError(state), null);
            }
        }
    }
}
