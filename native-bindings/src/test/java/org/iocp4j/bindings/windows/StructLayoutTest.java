package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The struct classes against the x86_64 Windows ground truth, and their accessors against their own
 * layouts. Sizes and offsets of OVERLAPPED and OVERLAPPED_ENTRY come from /work/shared/WINDOWS-TESTING.md
 * ("Ground truth for layouts"); SYSTEM_INFO's from {@code offsetof}/{@code sizeof} compiled with
 * x86_64-w64-mingw32-gcc 12 against the mingw-w64 10 headers.
 */
class StructLayoutTest {

    static Stream<Class<?>> structs() {
        return Stream.of(OVERLAPPED.class, OVERLAPPED_ENTRY.class, SYSTEM_INFO.class);
    }

    @Test
    void overlapped() throws ReflectiveOperationException {
        assertLayout(OVERLAPPED.class, "_OVERLAPPED", 32, 8, Map.of(
                "Internal", 0L, "InternalHigh", 8L, "Offset", 16L, "OffsetHigh", 20L, "Pointer", 16L, "hEvent", 24L));
    }

    @Test
    void overlappedEntry() throws ReflectiveOperationException {
        assertLayout(OVERLAPPED_ENTRY.class, "_OVERLAPPED_ENTRY", 32, 8, Map.of(
                "lpCompletionKey", 0L, "lpOverlapped", 8L, "Internal", 16L, "dwNumberOfBytesTransferred", 24L));
    }

    @Test
    void systemInfo() throws ReflectiveOperationException {
        Map<String, Long> offsets = new LinkedHashMap<>();
        offsets.put("dwOemId", 0L);
        offsets.put("wProcessorArchitecture", 0L);
        offsets.put("wReserved", 2L);
        offsets.put("dwPageSize", 4L);
        offsets.put("lpMinimumApplicationAddress", 8L);
        offsets.put("lpMaximumApplicationAddress", 16L);
        offsets.put("dwActiveProcessorMask", 24L);
        offsets.put("dwNumberOfProcessors", 32L);
        offsets.put("dwProcessorType", 36L);
        offsets.put("dwAllocationGranularity", 40L);
        offsets.put("wProcessorLevel", 44L);
        offsets.put("wProcessorRevision", 46L);
        assertLayout(SYSTEM_INFO.class, "_SYSTEM_INFO", 48, 8, offsets);
    }

    private static void assertLayout(Class<?> struct, String tag, long size, long alignment,
                                     Map<String, Long> offsets) throws ReflectiveOperationException {
        GroupLayout layout = (GroupLayout) struct.getMethod("layout").invoke(null);
        assertEquals(tag, layout.name().orElseThrow());
        assertEquals(size, layout.byteSize(), "sizeof");
        assertEquals(alignment, layout.byteAlignment(), "alignment");
        assertEquals(size, (long) struct.getMethod("sizeof").invoke(null));
        assertEquals(offsets.keySet(), leaves(layout, List.of()).keySet(), "named members of " + tag);
        for (Map.Entry<String, Long> e : offsets.entrySet()) {
            assertEquals(e.getValue(), (long) struct.getMethod(e.getKey() + "$offset").invoke(null),
                    e.getKey() + "$offset");
        }
    }

    /** Each named value member, found by walking the layout, with the path the C11 name hides. */
    private static Map<String, List<MemoryLayout.PathElement>> leaves(GroupLayout group,
                                                                      List<MemoryLayout.PathElement> path) {
        Map<String, List<MemoryLayout.PathElement>> found = new LinkedHashMap<>();
        for (MemoryLayout member : group.memberLayouts()) {
            if (member.name().isEmpty()) {
                continue; // padding
            }
            List<MemoryLayout.PathElement> here = new ArrayList<>(path);
            here.add(MemoryLayout.PathElement.groupElement(member.name().get()));
            if (member instanceof GroupLayout inner) {
                assertTrue(member.name().get().startsWith("$anon$"), "nested group " + member);
                found.putAll(leaves(inner, here));
            } else {
                found.put(member.name().get(), here);
            }
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("structs")
    void accessorsAgreeWithTheLayoutAndRoundTrip(Class<?> struct) throws ReflectiveOperationException {
        GroupLayout layout = (GroupLayout) struct.getMethod("layout").invoke(null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(layout);
            long value = 0x1122334455667788L;
            for (Map.Entry<String, List<MemoryLayout.PathElement>> leaf : leaves(layout, List.of()).entrySet()) {
                String name = leaf.getKey();
                MemoryLayout.PathElement[] path = leaf.getValue().toArray(MemoryLayout.PathElement[]::new);
                assertEquals(layout.byteOffset(path), (long) struct.getMethod(name + "$offset").invoke(null),
                        name + "$offset");
                Object memberLayout = struct.getMethod(name + "$layout").invoke(null);
                assertEquals(layout.select(path), memberLayout, name + "$layout");

                Class<?> carrier = ((ValueLayout) memberLayout).carrier();
                Object written = valueOf(carrier, value++);
                struct.getMethod(name, MemorySegment.class, carrier).invoke(null, segment, written);
                Object read = struct.getMethod(name, MemorySegment.class).invoke(null, segment);
                assertEquals(written, carrier == MemorySegment.class ? address(read) : read, name);
                // The setter wrote where the layout says the member is.
                long at = layout.byteOffset(path);
                Object direct = switch (written) {
                    case Integer i -> segment.get(ValueLayout.JAVA_INT_UNALIGNED, at);
                    case Long l -> segment.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
                    case Short s -> segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
                    case MemorySegment m -> MemorySegment.ofAddress(segment.get(ValueLayout.JAVA_LONG_UNALIGNED, at));
                    default -> throw new IllegalArgumentException("unexpected carrier " + carrier);
                };
                assertEquals(written, direct, name + " in memory");
            }
        }
    }

    private static Object valueOf(Class<?> carrier, long v) {
        if (carrier == int.class) {
            return (int) v;
        }
        if (carrier == long.class) {
            return v;
        }
        if (carrier == short.class) {
            return (short) v;
        }
        if (carrier == MemorySegment.class) {
            return MemorySegment.ofAddress(v);
        }
        throw new IllegalArgumentException("unexpected carrier " + carrier);
    }

    private static MemorySegment address(Object segment) {
        return MemorySegment.ofAddress(((MemorySegment) segment).address());
    }

    @ParameterizedTest
    @MethodSource("structs")
    void everyAccessorHasItsLayoutAndOffset(Class<?> struct) {
        for (Method m : struct.getDeclaredMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == MemorySegment.class
                    && !m.getName().equals("asSlice")) {
                assertNotNull(assertDoesNotThrowGet(struct, m.getName() + "$offset"), m.getName());
                assertNotNull(assertDoesNotThrowGet(struct, m.getName() + "$layout"), m.getName());
            }
        }
    }

    private static Method assertDoesNotThrowGet(Class<?> struct, String name) {
        try {
            return struct.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(struct.getSimpleName() + " lacks " + name, e);
        }
    }

    @Test
    void arraysOfEntriesAreContiguousAndSlicesBounded() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entries = OVERLAPPED_ENTRY.allocateArray(3, arena);
            assertEquals(3 * OVERLAPPED_ENTRY.sizeof(), entries.byteSize());
            MemorySegment second = OVERLAPPED_ENTRY.asSlice(entries, 2);
            assertEquals(OVERLAPPED_ENTRY.sizeof(), second.byteSize());
            assertEquals(entries.address() + 2 * OVERLAPPED_ENTRY.sizeof(), second.address());
            OVERLAPPED_ENTRY.dwNumberOfBytesTransferred(second, 4096);
            assertEquals(4096, entries.get(ValueLayout.JAVA_INT, 2 * 32 + 24));

            MemorySegment overlapped = OVERLAPPED.allocateArray(2, arena);
            OVERLAPPED.Offset(OVERLAPPED.asSlice(overlapped, 1), 7);
            assertEquals(7, overlapped.get(ValueLayout.JAVA_INT, 32 + 16));
        }
    }
}
