package org.iocp4j.core;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * Where a {@link BufferPool} gets its slabs: page-aligned, committed, read-write memory straight from the
 * operating system, never from the Java heap or {@code malloc}.
 *
 * <p>Page alignment matters because overlapped I/O locks the pages a buffer touches (the WSAENOBUFS lesson
 * of seed 001): a buffer that straddles one more page than it must locks one more page. The pool takes an
 * allocator through {@link BufferPool.Builder#pageAllocator} so that a backend can supply memory of its
 * own. Backends (the internal SPI) hand theirs to the engine, which builds the pool and the operation table
 * on it.
 */
public interface PageAllocator {

    /** The operating system's page size in bytes, a power of two. */
    long pageSize();

    /**
     * Maps {@code bytes} of zero-filled read-write memory.
     *
     * @param bytes a positive multiple of {@link #pageSize()}
     * @return a segment of exactly {@code bytes} bytes whose address is a multiple of the page size
     * @throws IOException naming the native call and its error code when the OS refuses
     */
    MemorySegment allocate(long bytes) throws IOException;

    /**
     * Gives memory obtained from {@link #allocate} back to the operating system. Nothing may touch it
     * afterwards.
     *
     * @throws IOException naming the native call and its error code when the OS refuses
     */
    void free(MemorySegment pages) throws IOException;

    /** The allocator for the operating system this JVM runs on: VirtualAlloc on Windows, mmap elsewhere. */
    static PageAllocator forCurrentOs() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? new WindowsPageAllocator()
                : new LinuxPageAllocator();
    }

    /** Checks an allocation request against the contract of {@link #allocate}. */
    static void checkRequest(long bytes, long pageSize) {
        if (bytes <= 0 || bytes % pageSize != 0) {
            throw new IllegalArgumentException("allocation of " + bytes
                    + " bytes is not a positive multiple of the page size " + pageSize);
        }
    }
}
