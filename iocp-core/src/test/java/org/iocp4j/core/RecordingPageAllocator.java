package org.iocp4j.core;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real OS allocator, remembering which regions are mapped so tests can check that all are freed. */
final class RecordingPageAllocator implements PageAllocator {
    private final PageAllocator os = PageAllocator.forCurrentOs();
    /** Address to size of every region allocated and not yet freed. */
    final Map<Long, Long> live = new ConcurrentHashMap<>();
    volatile int allocations;

    @Override
    public long pageSize() {
        return os.pageSize();
    }

    @Override
    public MemorySegment allocate(long bytes) throws IOException {
        MemorySegment pages = os.allocate(bytes);
        live.put(pages.address(), bytes);
        allocations++;
        return pages;
    }

    @Override
    public void free(MemorySegment pages) throws IOException {
        Long size = live.remove(pages.address());
        if (size == null || size != pages.byteSize()) {
            throw new AssertionError("freeing " + pages + " which was not allocated as such (" + size + ")");
        }
        os.free(pages);
    }
}
