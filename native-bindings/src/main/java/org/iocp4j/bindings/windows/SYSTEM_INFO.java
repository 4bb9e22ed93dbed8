package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * typedef struct _SYSTEM_INFO {
 *     union {
 *         DWORD dwOemId;
 *         struct { WORD wProcessorArchitecture; WORD wReserved; };
 *     };
 *     DWORD dwPageSize;
 *     LPVOID lpMinimumApplicationAddress;
 *     LPVOID lpMaximumApplicationAddress;
 *     DWORD_PTR dwActiveProcessorMask;
 *     DWORD dwNumberOfProcessors;
 *     DWORD dwProcessorType;
 *     DWORD dwAllocationGranularity;
 *     WORD wProcessorLevel;
 *     WORD wProcessorRevision;
 * } SYSTEM_INFO;
 * }
 * Anonymous unions and structs are layouts named {@code $anon$N}; their members are addressed in C
 * without the anonymous level (C11 anonymous members), which is how the conformance test spells them.
 */
public final class SYSTEM_INFO {
    private SYSTEM_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.unionLayout(
                    JAVA_INT.withName("dwOemId"),
                    MemoryLayout.structLayout(
                            JAVA_SHORT.withName("wProcessorArchitecture"),
                            JAVA_SHORT.withName("wReserved")).withName("$anon$1")).withName("$anon$0"),
            JAVA_INT.withName("dwPageSize"),
            ADDRESS.withName("lpMinimumApplicationAddress"),
            ADDRESS.withName("lpMaximumApplicationAddress"),
            JAVA_LONG.withName("dwActiveProcessorMask"),
            JAVA_INT.withName("dwNumberOfProcessors"),
            JAVA_INT.withName("dwProcessorType"),
            JAVA_INT.withName("dwAllocationGranularity"),
            JAVA_SHORT.withName("wProcessorLevel"),
            JAVA_SHORT.withName("wProcessorRevision")).withName("_SYSTEM_INFO");

    /** The layout of {@code SYSTEM_INFO}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(SYSTEM_INFO)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code SYSTEM_INFO} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    private static final OfShort wProcessorArchitecture$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$0"), groupElement("$anon$1"), groupElement("wProcessorArchitecture"));
    private static final long wProcessorArchitecture$OFFSET = 0;

    /** {@snippet lang=c : WORD wProcessorArchitecture } */
    public static short wProcessorArchitecture(MemorySegment struct) {
        return struct.get(wProcessorArchitecture$LAYOUT, wProcessorArchitecture$OFFSET);
    }

    private static final OfInt dwPageSize$LAYOUT = (OfInt) $LAYOUT.select(groupElement("dwPageSize"));
    private static final long dwPageSize$OFFSET = 4;

    /** Offset of {@code dwPageSize}. */
    public static long dwPageSize$offset() {
        return dwPageSize$OFFSET;
    }

    /** {@snippet lang=c : DWORD dwPageSize } */
    public static int dwPageSize(MemorySegment struct) {
        return struct.get(dwPageSize$LAYOUT, dwPageSize$OFFSET);
    }

    private static final AddressLayout lpMinimumApplicationAddress$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("lpMinimumApplicationAddress"));
    private static final long lpMinimumApplicationAddress$OFFSET = 8;

    /** {@snippet lang=c : LPVOID lpMinimumApplicationAddress } */
    public static MemorySegment lpMinimumApplicationAddress(MemorySegment struct) {
        return struct.get(lpMinimumApplicationAddress$LAYOUT, lpMinimumApplicationAddress$OFFSET);
    }

    private static final AddressLayout lpMaximumApplicationAddress$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("lpMaximumApplicationAddress"));
    private static final long lpMaximumApplicationAddress$OFFSET = 16;

    /** {@snippet lang=c : LPVOID lpMaximumApplicationAddress } */
    public static MemorySegment lpMaximumApplicationAddress(MemorySegment struct) {
        return struct.get(lpMaximumApplicationAddress$LAYOUT, lpMaximumApplicationAddress$OFFSET);
    }

    private static final OfLong dwActiveProcessorMask$LAYOUT =
            (OfLong) $LAYOUT.select(groupElement("dwActiveProcessorMask"));
    private static final long dwActiveProcessorMask$OFFSET = 24;

    /** {@snippet lang=c : DWORD_PTR dwActiveProcessorMask } */
    public static long dwActiveProcessorMask(MemorySegment struct) {
        return struct.get(dwActiveProcessorMask$LAYOUT, dwActiveProcessorMask$OFFSET);
    }

    private static final OfInt dwNumberOfProcessors$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("dwNumberOfProcessors"));
    private static final long dwNumberOfProcessors$OFFSET = 32;

    /** {@snippet lang=c : DWORD dwNumberOfProcessors } */
    public static int dwNumberOfProcessors(MemorySegment struct) {
        return struct.get(dwNumberOfProcessors$LAYOUT, dwNumberOfProcessors$OFFSET);
    }

    private static final OfInt dwAllocationGranularity$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("dwAllocationGranularity"));
    private static final long dwAllocationGranularity$OFFSET = 40;

    /** {@snippet lang=c : DWORD dwAllocationGranularity } */
    public static int dwAllocationGranularity(MemorySegment struct) {
        return struct.get(dwAllocationGranularity$LAYOUT, dwAllocationGranularity$OFFSET);
    }
}
