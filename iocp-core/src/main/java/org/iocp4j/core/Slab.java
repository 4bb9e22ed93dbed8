package org.iocp4j.core;

import java.lang.foreign.MemorySegment;

/**
 * One block of pages obtained from the {@link PageAllocator}, cut into buffers of one size class.
 *
 * <p>The slab is the unit a later RIO / io_uring backend registers with the kernel (one registration per
 * slab); every buffer therefore keeps its slab's {@link #id} and its offset inside it.
 *
 * @param id       pool-wide number of this slab, in allocation order from 0
 * @param raw      the memory exactly as the page allocator returned it, used only to free it
 * @param memory   the same memory bound to the pool's arena, so that any access after the pool closes
 *                 fails with {@link IllegalStateException} instead of touching unmapped pages
 * @param sizeClass the buffer size the slab is cut into
 */
record Slab(int id, MemorySegment raw, MemorySegment memory, SizeClass sizeClass) {
}
