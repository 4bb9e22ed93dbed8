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
 *         struct {
 *             WORD wProcessorArchitecture;
 *             WORD wReserved;
 *         };
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
 * } SYSTEM_INFO, *LPSYSTEM_INFO;
 * }
 * What {@link Kernel32#GetSystemInfo} reports. Anonymous unions and structs are layouts named
 * {@code $anon$N}; their members are addressed in C without the anonymous level (C11 anonymous members),
 * which is how the conformance test spells them.
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

    private static final OfInt dwOemId$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("$anon$0"), groupElement("dwOemId"));
    private static final long dwOemId$OFFSET = 0;

    /** Layout of {@code dwOemId}. */
    public static OfInt dwOemId$layout() {
        return dwOemId$LAYOUT;
    }

    /** Offset of {@code dwOemId} in bytes. */
    public static long dwOemId$offset() {
        return dwOemId$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwOemId
     * }
     *
     * <p>Obsolete; shares its storage with {@code wProcessorArchitecture}/{@code wReserved}.
     */
    public static int dwOemId(MemorySegment struct) {
        return struct.get(dwOemId$LAYOUT, dwOemId$OFFSET);
    }

    /** Sets {@code dwOemId}; see {@link #dwOemId(MemorySegment)}. */
    public static void dwOemId(MemorySegment struct, int fieldValue) {
        struct.set(dwOemId$LAYOUT, dwOemId$OFFSET, fieldValue);
    }

    private static final OfShort wProcessorArchitecture$LAYOUT = (OfShort) $LAYOUT.select(
            groupElement("$anon$0"), groupElement("$anon$1"), groupElement("wProcessorArchitecture"));
    private static final long wProcessorArchitecture$OFFSET = 0;

    /** Layout of {@code wProcessorArchitecture}. */
    public static OfShort wProcessorArchitecture$layout() {
        return wProcessorArchitecture$LAYOUT;
    }

    /** Offset of {@code wProcessorArchitecture} in bytes. */
    public static long wProcessorArchitecture$offset() {
        return wProcessorArchitecture$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wProcessorArchitecture
     * }
     *
     * <p>The processor architecture ({@code PROCESSOR_ARCHITECTURE_AMD64} is 9).
     */
    public static short wProcessorArchitecture(MemorySegment struct) {
        return struct.get(wProcessorArchitecture$LAYOUT, wProcessorArchitecture$OFFSET);
    }

    /** Sets {@code wProcessorArchitecture}; see {@link #wProcessorArchitecture(MemorySegment)}. */
    public static void wProcessorArchitecture(MemorySegment struct, short fieldValue) {
        struct.set(wProcessorArchitecture$LAYOUT, wProcessorArchitecture$OFFSET, fieldValue);
    }

    private static final OfShort wReserved$LAYOUT =
            (OfShort) $LAYOUT.select(groupElement("$anon$0"), groupElement("$anon$1"), groupElement("wReserved"));
    private static final long wReserved$OFFSET = 2;

    /** Layout of {@code wReserved}. */
    public static OfShort wReserved$layout() {
        return wReserved$LAYOUT;
    }

    /** Offset of {@code wReserved} in bytes. */
    public static long wReserved$offset() {
        return wReserved$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wReserved
     * }
     *
     * <p>Reserved.
     */
    public static short wReserved(MemorySegment struct) {
        return struct.get(wReserved$LAYOUT, wReserved$OFFSET);
    }

    /** Sets {@code wReserved}; see {@link #wReserved(MemorySegment)}. */
    public static void wReserved(MemorySegment struct, short fieldValue) {
        struct.set(wReserved$LAYOUT, wReserved$OFFSET, fieldValue);
    }

    private static final OfInt dwPageSize$LAYOUT = (OfInt) $LAYOUT.select(groupElement("dwPageSize"));
    private static final long dwPageSize$OFFSET = 4;

    /** Layout of {@code dwPageSize}. */
    public static OfInt dwPageSize$layout() {
        return dwPageSize$LAYOUT;
    }

    /** Offset of {@code dwPageSize} in bytes. */
    public static long dwPageSize$offset() {
        return dwPageSize$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwPageSize
     * }
     *
     * <p>The page size, the granularity of page protection and commitment.
     */
    public static int dwPageSize(MemorySegment struct) {
        return struct.get(dwPageSize$LAYOUT, dwPageSize$OFFSET);
    }

    /** Sets {@code dwPageSize}; see {@link #dwPageSize(MemorySegment)}. */
    public static void dwPageSize(MemorySegment struct, int fieldValue) {
        struct.set(dwPageSize$LAYOUT, dwPageSize$OFFSET, fieldValue);
    }

    private static final AddressLayout lpMinimumApplicationAddress$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("lpMinimumApplicationAddress"));
    private static final long lpMinimumApplicationAddress$OFFSET = 8;

    /** Layout of {@code lpMinimumApplicationAddress}. */
    public static AddressLayout lpMinimumApplicationAddress$layout() {
        return lpMinimumApplicationAddress$LAYOUT;
    }

    /** Offset of {@code lpMinimumApplicationAddress} in bytes. */
    public static long lpMinimumApplicationAddress$offset() {
        return lpMinimumApplicationAddress$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPVOID lpMinimumApplicationAddress
     * }
     *
     * <p>The lowest address applications can use.
     */
    public static MemorySegment lpMinimumApplicationAddress(MemorySegment struct) {
        return struct.get(lpMinimumApplicationAddress$LAYOUT, lpMinimumApplicationAddress$OFFSET);
    }

    /** Sets {@code lpMinimumApplicationAddress}; see {@link #lpMinimumApplicationAddress(MemorySegment)}. */
    public static void lpMinimumApplicationAddress(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(lpMinimumApplicationAddress$LAYOUT, lpMinimumApplicationAddress$OFFSET, fieldValue);
    }

    private static final AddressLayout lpMaximumApplicationAddress$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("lpMaximumApplicationAddress"));
    private static final long lpMaximumApplicationAddress$OFFSET = 16;

    /** Layout of {@code lpMaximumApplicationAddress}. */
    public static AddressLayout lpMaximumApplicationAddress$layout() {
        return lpMaximumApplicationAddress$LAYOUT;
    }

    /** Offset of {@code lpMaximumApplicationAddress} in bytes. */
    public static long lpMaximumApplicationAddress$offset() {
        return lpMaximumApplicationAddress$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * LPVOID lpMaximumApplicationAddress
     * }
     *
     * <p>The highest address applications can use.
     */
    public static MemorySegment lpMaximumApplicationAddress(MemorySegment struct) {
        return struct.get(lpMaximumApplicationAddress$LAYOUT, lpMaximumApplicationAddress$OFFSET);
    }

    /** Sets {@code lpMaximumApplicationAddress}; see {@link #lpMaximumApplicationAddress(MemorySegment)}. */
    public static void lpMaximumApplicationAddress(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(lpMaximumApplicationAddress$LAYOUT, lpMaximumApplicationAddress$OFFSET, fieldValue);
    }

    private static final OfLong dwActiveProcessorMask$LAYOUT =
            (OfLong) $LAYOUT.select(groupElement("dwActiveProcessorMask"));
    private static final long dwActiveProcessorMask$OFFSET = 24;

    /** Layout of {@code dwActiveProcessorMask}. */
    public static OfLong dwActiveProcessorMask$layout() {
        return dwActiveProcessorMask$LAYOUT;
    }

    /** Offset of {@code dwActiveProcessorMask} in bytes. */
    public static long dwActiveProcessorMask$offset() {
        return dwActiveProcessorMask$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD_PTR dwActiveProcessorMask
     * }
     *
     * <p>One bit per processor configured into the system (first 64 only).
     */
    public static long dwActiveProcessorMask(MemorySegment struct) {
        return struct.get(dwActiveProcessorMask$LAYOUT, dwActiveProcessorMask$OFFSET);
    }

    /** Sets {@code dwActiveProcessorMask}; see {@link #dwActiveProcessorMask(MemorySegment)}. */
    public static void dwActiveProcessorMask(MemorySegment struct, long fieldValue) {
        struct.set(dwActiveProcessorMask$LAYOUT, dwActiveProcessorMask$OFFSET, fieldValue);
    }

    private static final OfInt dwNumberOfProcessors$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("dwNumberOfProcessors"));
    private static final long dwNumberOfProcessors$OFFSET = 32;

    /** Layout of {@code dwNumberOfProcessors}. */
    public static OfInt dwNumberOfProcessors$layout() {
        return dwNumberOfProcessors$LAYOUT;
    }

    /** Offset of {@code dwNumberOfProcessors} in bytes. */
    public static long dwNumberOfProcessors$offset() {
        return dwNumberOfProcessors$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwNumberOfProcessors
     * }
     *
     * <p>The number of logical processors in the current processor group.
     */
    public static int dwNumberOfProcessors(MemorySegment struct) {
        return struct.get(dwNumberOfProcessors$LAYOUT, dwNumberOfProcessors$OFFSET);
    }

    /** Sets {@code dwNumberOfProcessors}; see {@link #dwNumberOfProcessors(MemorySegment)}. */
    public static void dwNumberOfProcessors(MemorySegment struct, int fieldValue) {
        struct.set(dwNumberOfProcessors$LAYOUT, dwNumberOfProcessors$OFFSET, fieldValue);
    }

    private static final OfInt dwProcessorType$LAYOUT = (OfInt) $LAYOUT.select(groupElement("dwProcessorType"));
    private static final long dwProcessorType$OFFSET = 36;

    /** Layout of {@code dwProcessorType}. */
    public static OfInt dwProcessorType$layout() {
        return dwProcessorType$LAYOUT;
    }

    /** Offset of {@code dwProcessorType} in bytes. */
    public static long dwProcessorType$offset() {
        return dwProcessorType$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwProcessorType
     * }
     *
     * <p>Obsolete processor type.
     */
    public static int dwProcessorType(MemorySegment struct) {
        return struct.get(dwProcessorType$LAYOUT, dwProcessorType$OFFSET);
    }

    /** Sets {@code dwProcessorType}; see {@link #dwProcessorType(MemorySegment)}. */
    public static void dwProcessorType(MemorySegment struct, int fieldValue) {
        struct.set(dwProcessorType$LAYOUT, dwProcessorType$OFFSET, fieldValue);
    }

    private static final OfInt dwAllocationGranularity$LAYOUT =
            (OfInt) $LAYOUT.select(groupElement("dwAllocationGranularity"));
    private static final long dwAllocationGranularity$OFFSET = 40;

    /** Layout of {@code dwAllocationGranularity}. */
    public static OfInt dwAllocationGranularity$layout() {
        return dwAllocationGranularity$LAYOUT;
    }

    /** Offset of {@code dwAllocationGranularity} in bytes. */
    public static long dwAllocationGranularity$offset() {
        return dwAllocationGranularity$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * DWORD dwAllocationGranularity
     * }
     *
     * <p>The granularity of the starting address of {@link Kernel32#VirtualAlloc} reservations (64 KiB in practice).
     */
    public static int dwAllocationGranularity(MemorySegment struct) {
        return struct.get(dwAllocationGranularity$LAYOUT, dwAllocationGranularity$OFFSET);
    }

    /** Sets {@code dwAllocationGranularity}; see {@link #dwAllocationGranularity(MemorySegment)}. */
    public static void dwAllocationGranularity(MemorySegment struct, int fieldValue) {
        struct.set(dwAllocationGranularity$LAYOUT, dwAllocationGranularity$OFFSET, fieldValue);
    }

    private static final OfShort wProcessorLevel$LAYOUT = (OfShort) $LAYOUT.select(groupElement("wProcessorLevel"));
    private static final long wProcessorLevel$OFFSET = 44;

    /** Layout of {@code wProcessorLevel}. */
    public static OfShort wProcessorLevel$layout() {
        return wProcessorLevel$LAYOUT;
    }

    /** Offset of {@code wProcessorLevel} in bytes. */
    public static long wProcessorLevel$offset() {
        return wProcessorLevel$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wProcessorLevel
     * }
     *
     * <p>The architecture-dependent processor level.
     */
    public static short wProcessorLevel(MemorySegment struct) {
        return struct.get(wProcessorLevel$LAYOUT, wProcessorLevel$OFFSET);
    }

    /** Sets {@code wProcessorLevel}; see {@link #wProcessorLevel(MemorySegment)}. */
    public static void wProcessorLevel(MemorySegment struct, short fieldValue) {
        struct.set(wProcessorLevel$LAYOUT, wProcessorLevel$OFFSET, fieldValue);
    }

    private static final OfShort wProcessorRevision$LAYOUT =
            (OfShort) $LAYOUT.select(groupElement("wProcessorRevision"));
    private static final long wProcessorRevision$OFFSET = 46;

    /** Layout of {@code wProcessorRevision}. */
    public static OfShort wProcessorRevision$layout() {
        return wProcessorRevision$LAYOUT;
    }

    /** Offset of {@code wProcessorRevision} in bytes. */
    public static long wProcessorRevision$offset() {
        return wProcessorRevision$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wProcessorRevision
     * }
     *
     * <p>The architecture-dependent processor revision.
     */
    public static short wProcessorRevision(MemorySegment struct) {
        return struct.get(wProcessorRevision$LAYOUT, wProcessorRevision$OFFSET);
    }

    /** Sets {@code wProcessorRevision}; see {@link #wProcessorRevision(MemorySegment)}. */
    public static void wProcessorRevision(MemorySegment struct, short fieldValue) {
        struct.set(wProcessorRevision$LAYOUT, wProcessorRevision$OFFSET, fieldValue);
    }
}
