package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.iocp4j.bindings.NativeException;
import org.junit.jupiter.api.Test;

class PageAllocatorTest {
    private final PageAllocator allocator = PageAllocator.forCurrentOs();

    @Test
    void pageSizeIsAPowerOfTwo() {
        long page = allocator.pageSize();
        assertTrue(page >= 4096 && Long.bitCount(page) == 1, "page size " + page);
    }

    @Test
    void allocatesAlignedZeroedWritableMemory() throws Exception {
        long bytes = 3 * allocator.pageSize();
        MemorySegment pages = allocator.allocate(bytes);
        try {
            assertEquals(bytes, pages.byteSize());
            assertEquals(0, pages.address() % allocator.pageSize());
            for (long i = 0; i < bytes; i += 512) {
                assertEquals(0, pages.get(ValueLayout.JAVA_BYTE, i));
            }
            pages.set(ValueLayout.JAVA_LONG, bytes - 8, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, pages.get(ValueLayout.JAVA_LONG, bytes - 8));
        } finally {
            allocator.free(pages);
        }
    }

    @Test
    void rejectsSizesThatAreNotWholePages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> allocator.allocate(allocator.pageSize() + 1));
        assertTrue(e.getMessage().contains("multiple of the page size"), e.getMessage());
    }

    @Test
    void refusalNamesTheCallAndItsCode() {
        // Far beyond any address space: the OS must refuse (mmap with ENOMEM, VirtualAlloc with an error).
        long absurd = (1L << 62) / allocator.pageSize() * allocator.pageSize();
        NativeException e = assertThrows(NativeException.class, () -> allocator.allocate(absurd));
        assertTrue(e.function().equals("mmap") || e.function().equals("VirtualAlloc"), e.getMessage());
        assertTrue(e.code() != 0, e.getMessage());
    }
}
