package org.iocp4j.core.windows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.linux.Libc;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.core.PageAllocator;

/**
 * A {@code /dev/shm} file mapped at a fixed address ({@link #BASE} for the Wine bridge, which maps it there
 * too, so that a pointer means the same memory in both processes). Its first {@code dataOffset} bytes are the bridge's
 * header and request slots; the rest is handed out page by page as the {@link PageAllocator} behind
 * {@link Win32#memory()} (first fit over a
 * coalescing free list, zero-filled, every free checked against the live allocations).
 */
final class SharedRegion implements PageAllocator, AutoCloseable {
    /** The agreed address of the region in the JVM and in the bridge (win32bridge.c REGION_BASE). */
    static final long BASE = 0x2000_0000_0000L;
    /** Windows' page size on x86_64, which is also Linux's. */
    static final long PAGE = 4096;

    private final Path file;
    private final MemorySegment all;
    private final long dataOffset;
    /** Free ranges of the data area: offset → length, never adjacent (coalesced). */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Live allocations: offset → length. */
    private final Map<Long, Long> live = new HashMap<>();
    private boolean closed;

    private SharedRegion(Path file, MemorySegment all, long dataOffset) {
        this.file = file;
        this.all = all;
        this.dataOffset = dataOffset;
        free.put(dataOffset, all.byteSize() - dataOffset);
    }

    /**
     * Creates {@code file} (which must not exist) with {@code size} bytes and maps it at {@code address}.
     *
     * @param address where to map it; nothing may be mapped there yet
     * @param dataOffset where the allocatable part starts, a multiple of {@link #PAGE}
     */
    static SharedRegion create(Path file, long address, long size, long dataOffset) throws IOException {
        if (size % PAGE != 0 || dataOffset % PAGE != 0 || dataOffset <= 0 || dataOffset >= size) {
            throw new IllegalArgumentException("region of " + size + " bytes with data at " + dataOffset
                    + " is not page-aligned or has no data area");
        }
        Files.createFile(file);
        try {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size);
            }
            return new SharedRegion(file, map(file, address, size), dataOffset);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static MemorySegment map(Path file, long address, long size) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            MemorySegment path = arena.allocateFrom(file.toString(), StandardCharsets.UTF_8);
            int fd = Libc.open(state, path, LinuxConstants.O_RDWR | LinuxConstants.O_CLOEXEC, 0);
            if (fd < 0) {
                throw new NativeException("open(" + file + ")", CallState.errno(state), null);
            }
            try {
                MemorySegment mapped = Libc.mmap(state, MemorySegment.ofAddress(address), size,
                        LinuxConstants.PROT_READ | LinuxConstants.PROT_WRITE,
                        LinuxConstants.MAP_SHARED | LinuxConstants.MAP_FIXED_NOREPLACE, fd, 0);
                if (mapped.address() == LinuxConstants.MAP_FAILED) {
                    throw new NativeException(String.format("mmap(0x%x, MAP_FIXED_NOREPLACE) of %s", address, file),
                            CallState.errno(state), null);
                }
                if (mapped.address() != address) {
                    // A kernel older than 4.17 treats the unknown flag as a hint and maps elsewhere.
                    Libc.munmap(state, mapped, size);
                    throw new IOException(String.format("mmap placed %s at 0x%x instead of 0x%x", file,
                            mapped.address(), address));
                }
                return mapped.reinterpret(size);
            } finally {
                Libc.close(state, fd);
            }
        }
    }

    /** The whole region, header and slots included. */
    MemorySegment all() {
        return all;
    }

    /** The file backing the region. */
    Path file() {
        return file;
    }

    /** Offset of the first allocatable byte. */
    long dataOffset() {
        return dataOffset;
    }

    @Override
    public long pageSize() {
        return PAGE;
    }

    @Override
    public synchronized MemorySegment allocate(long bytes) throws IOException {
        PageAllocator.checkRequest(bytes, PAGE);
        checkOpen();
        for (Map.Entry<Long, Long> range : free.entrySet()) {
            if (range.getValue() >= bytes) {
                long offset = range.getKey();
                free.remove(offset);
                if (range.getValue() > bytes) {
                    free.put(offset + bytes, range.getValue() - bytes);
                }
                live.put(offset, bytes);
                return all.asSlice(offset, bytes).fill((byte) 0);
            }
        }
        throw new IOException("the shared region (" + all.byteSize() + " bytes at 0x"
                + Long.toHexString(all.address()) + ") has no " + bytes + " free contiguous bytes left");
    }

    @Override
    public synchronized void free(MemorySegment pages) {
        checkOpen();
        long offset = pages.address() - all.address();
        Long length = live.get(offset);
        if (length == null) {
            throw new IllegalArgumentException(String.format(
                    "free of 0x%x, which is not the start of a live allocation from the shared region", pages.address()));
        }
        live.remove(offset);
        long start = offset;
        long end = offset + length;
        Map.Entry<Long, Long> before = free.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            free.remove(start);
        }
        Long after = free.remove(end);
        if (after != null) {
            end += after;
        }
        free.put(start, end - start);
    }

    /** Free bytes of the data area, in its free ranges (offset → length), for tests. */
    synchronized Map<Long, Long> freeRanges() {
        return Map.copyOf(free);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the shared region is closed");
        }
    }

    /** Unmaps the region and deletes its file; memory handed out must no longer be touched. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            if (Libc.munmap(state, all, all.byteSize()) != 0) {
                throw new NativeException("munmap of the shared region", CallState.errno(state), null);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
