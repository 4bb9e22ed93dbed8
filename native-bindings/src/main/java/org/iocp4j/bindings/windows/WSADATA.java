package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * typedef struct WSAData {
 *     WORD wVersion;
 *     WORD wHighVersion;
 *     unsigned short iMaxSockets;      // _WIN64 order
 *     unsigned short iMaxUdpDg;
 *     char *lpVendorInfo;
 *     char szDescription[WSADESCRIPTION_LEN + 1];
 *     char szSystemStatus[WSASYS_STATUS_LEN + 1];
 * } WSADATA, *LPWSADATA;
 * }
 * On x64 the pointer and the counts come before the strings (the 32-bit layout has them after); this is
 * the x64 layout (mingw-w64 {@code psdk_inc/_wsadata.h}, {@code #ifdef _WIN64}).
 */
public final class WSADATA {
    private WSADATA() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("wVersion"),
            JAVA_SHORT.withName("wHighVersion"),
            JAVA_SHORT.withName("iMaxSockets"),
            JAVA_SHORT.withName("iMaxUdpDg"),
            ADDRESS.withName("lpVendorInfo"),
            MemoryLayout.sequenceLayout(WinsockConstants.WSADESCRIPTION_LEN + 1, JAVA_BYTE).withName("szDescription"),
            MemoryLayout.sequenceLayout(WinsockConstants.WSASYS_STATUS_LEN + 1, JAVA_BYTE).withName("szSystemStatus"),
            MemoryLayout.paddingLayout(6)).withName("WSAData");

    /** The layout of {@code WSADATA}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(WSADATA)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code WSADATA} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code WSADATA} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code WSADATA}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfShort wVersion$LAYOUT = (OfShort) $LAYOUT.select(groupElement("wVersion"));
    private static final long wVersion$OFFSET = $LAYOUT.byteOffset(groupElement("wVersion"));

    /** Layout of {@code wVersion}. */
    public static OfShort wVersion$layout() {
        return wVersion$LAYOUT;
    }

    /** Offset of {@code wVersion} in bytes. */
    public static long wVersion$offset() {
        return wVersion$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wVersion
     * }
     */
    public static short wVersion(MemorySegment struct) {
        return struct.get(wVersion$LAYOUT, wVersion$OFFSET);
    }

    /** Sets {@code wVersion}. */
    public static void wVersion(MemorySegment struct, short fieldValue) {
        struct.set(wVersion$LAYOUT, wVersion$OFFSET, fieldValue);
    }

    private static final OfShort wHighVersion$LAYOUT = (OfShort) $LAYOUT.select(groupElement("wHighVersion"));
    private static final long wHighVersion$OFFSET = $LAYOUT.byteOffset(groupElement("wHighVersion"));

    /** Layout of {@code wHighVersion}. */
    public static OfShort wHighVersion$layout() {
        return wHighVersion$LAYOUT;
    }

    /** Offset of {@code wHighVersion} in bytes. */
    public static long wHighVersion$offset() {
        return wHighVersion$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * WORD wHighVersion
     * }
     */
    public static short wHighVersion(MemorySegment struct) {
        return struct.get(wHighVersion$LAYOUT, wHighVersion$OFFSET);
    }

    /** Sets {@code wHighVersion}. */
    public static void wHighVersion(MemorySegment struct, short fieldValue) {
        struct.set(wHighVersion$LAYOUT, wHighVersion$OFFSET, fieldValue);
    }

    private static final OfShort iMaxSockets$LAYOUT = (OfShort) $LAYOUT.select(groupElement("iMaxSockets"));
    private static final long iMaxSockets$OFFSET = $LAYOUT.byteOffset(groupElement("iMaxSockets"));

    /** Layout of {@code iMaxSockets}. */
    public static OfShort iMaxSockets$layout() {
        return iMaxSockets$LAYOUT;
    }

    /** Offset of {@code iMaxSockets} in bytes. */
    public static long iMaxSockets$offset() {
        return iMaxSockets$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned short iMaxSockets
     * }
     */
    public static short iMaxSockets(MemorySegment struct) {
        return struct.get(iMaxSockets$LAYOUT, iMaxSockets$OFFSET);
    }

    /** Sets {@code iMaxSockets}. */
    public static void iMaxSockets(MemorySegment struct, short fieldValue) {
        struct.set(iMaxSockets$LAYOUT, iMaxSockets$OFFSET, fieldValue);
    }

    private static final OfShort iMaxUdpDg$LAYOUT = (OfShort) $LAYOUT.select(groupElement("iMaxUdpDg"));
    private static final long iMaxUdpDg$OFFSET = $LAYOUT.byteOffset(groupElement("iMaxUdpDg"));

    /** Layout of {@code iMaxUdpDg}. */
    public static OfShort iMaxUdpDg$layout() {
        return iMaxUdpDg$LAYOUT;
    }

    /** Offset of {@code iMaxUdpDg} in bytes. */
    public static long iMaxUdpDg$offset() {
        return iMaxUdpDg$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned short iMaxUdpDg
     * }
     */
    public static short iMaxUdpDg(MemorySegment struct) {
        return struct.get(iMaxUdpDg$LAYOUT, iMaxUdpDg$OFFSET);
    }

    /** Sets {@code iMaxUdpDg}. */
    public static void iMaxUdpDg(MemorySegment struct, short fieldValue) {
        struct.set(iMaxUdpDg$LAYOUT, iMaxUdpDg$OFFSET, fieldValue);
    }

    private static final AddressLayout lpVendorInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("lpVendorInfo"));
    private static final long lpVendorInfo$OFFSET = $LAYOUT.byteOffset(groupElement("lpVendorInfo"));

    /** Layout of {@code lpVendorInfo}. */
    public static AddressLayout lpVendorInfo$layout() {
        return lpVendorInfo$LAYOUT;
    }

    /** Offset of {@code lpVendorInfo} in bytes. */
    public static long lpVendorInfo$offset() {
        return lpVendorInfo$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * char *lpVendorInfo
     * }
     */
    public static MemorySegment lpVendorInfo(MemorySegment struct) {
        return struct.get(lpVendorInfo$LAYOUT, lpVendorInfo$OFFSET);
    }

    /** Sets {@code lpVendorInfo}. */
    public static void lpVendorInfo(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(lpVendorInfo$LAYOUT, lpVendorInfo$OFFSET, fieldValue);
    }

    private static final MemoryLayout szDescription$LAYOUT = $LAYOUT.select(groupElement("szDescription"));
    private static final long szDescription$OFFSET = $LAYOUT.byteOffset(groupElement("szDescription"));

    /** Layout of {@code szDescription}. */
    public static MemoryLayout szDescription$layout() {
        return szDescription$LAYOUT;
    }

    /** Offset of {@code szDescription} in bytes. */
    public static long szDescription$offset() {
        return szDescription$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * char szDescription[WSADESCRIPTION_LEN + 1]
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment szDescription(MemorySegment struct) {
        return struct.asSlice(szDescription$OFFSET, szDescription$LAYOUT.byteSize());
    }

    private static final MemoryLayout szSystemStatus$LAYOUT = $LAYOUT.select(groupElement("szSystemStatus"));
    private static final long szSystemStatus$OFFSET = $LAYOUT.byteOffset(groupElement("szSystemStatus"));

    /** Layout of {@code szSystemStatus}. */
    public static MemoryLayout szSystemStatus$layout() {
        return szSystemStatus$LAYOUT;
    }

    /** Offset of {@code szSystemStatus} in bytes. */
    public static long szSystemStatus$offset() {
        return szSystemStatus$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * char szSystemStatus[WSASYS_STATUS_LEN + 1]
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment szSystemStatus(MemorySegment struct) {
        return struct.asSlice(szSystemStatus$OFFSET, szSystemStatus$LAYOUT.byteSize());
    }
}
