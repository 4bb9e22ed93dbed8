package org.iocp4j.core;

import static org.iocp4j.bindings.linux.LinuxConstants.MAP_ANONYMOUS;
import static org.iocp4j.bindings.linux.LinuxConstants.MAP_FAILED;
import static org.iocp4j.bindings.linux.LinuxConstants.MAP_PRIVATE;
import static org.iocp4j.bindings.linux.LinuxConstants.PROT_READ;
import static org.iocp4j.bindings.linux.LinuxConstants.PROT_WRITE;
import static org.iocp4j.bindings.linux.LinuxConstants._SC_PAGESIZE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.linux.Libc;

/**
 * Pages from anonymous private {@code mmap(2)} mappings, which the kernel hands out page-aligned and
 * zero-filled; returned with {@code munmap(2)}. The page size is {@code sysconf(_SC_PAGESIZE)}.
 */
final class LinuxPageAllocator implements PageAllocator {
    private final long pageSize;

    LinuxPageAllocator() {
        // Slab allocation is rare (once per slab), so a fresh confined call-state block per call is
        // cheaper to reason about than sharing one between threads.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            long size = Libc.sysconf(state, _SC_PAGESIZE);
            if (size <= 0) {
                throw new IllegalStateException(new NativeException("sysconf(_SC_PAGESIZE)",
                        CallState.errno(state), null));
            }
            this.pageSize = size;
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
            MemorySegment pages = Libc.mmap(state, MemorySegment.NULL, bytes, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (pages.address() == MAP_FAILED) {
                throw new NativeException("mmap", CallState.errno(state), null);
            }
            return pages.reinterpret(bytes);
        }
    }

    @Override
    public void free(MemorySegment pages) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            if (Libc.munmap(state, pages, pages.byteSize()) != 0) {
                throw new NativeException("munmap", CallState.errno(state), null);
            }
        }
    }
}
