package org.iocp4j.bindings.windows;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@snippet lang=c :
 * typedef struct _GUID {
 *     unsigned long Data1;
 *     unsigned short Data2;
 *     unsigned short Data3;
 *     unsigned char Data4[8];
 * } GUID;
 * }
 * Data1..Data3 are little-endian integers, Data4 the last eight bytes as written; {@link #write} and
 * {@link #read} convert from and to the registry format {@code XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}.
 */
public final class GUID {
    private GUID() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("Data1"),
            JAVA_SHORT.withName("Data2"),
            JAVA_SHORT.withName("Data3"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("Data4")).withName("_GUID");

    /** The layout of {@code GUID}. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** {@code sizeof(GUID)}. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** A zeroed {@code GUID} from {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** A zeroed array of {@code count} {@code GUID} elements from {@code allocator}. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** Element {@code index} of an array of {@code GUID}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(index * $LAYOUT.byteSize(), $LAYOUT);
    }

    private static final OfInt Data1$LAYOUT = (OfInt) $LAYOUT.select(groupElement("Data1"));
    private static final long Data1$OFFSET = $LAYOUT.byteOffset(groupElement("Data1"));

    /** Layout of {@code Data1}. */
    public static OfInt Data1$layout() {
        return Data1$LAYOUT;
    }

    /** Offset of {@code Data1} in bytes. */
    public static long Data1$offset() {
        return Data1$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned long Data1
     * }
     */
    public static int Data1(MemorySegment struct) {
        return struct.get(Data1$LAYOUT, Data1$OFFSET);
    }

    /** Sets {@code Data1}. */
    public static void Data1(MemorySegment struct, int fieldValue) {
        struct.set(Data1$LAYOUT, Data1$OFFSET, fieldValue);
    }

    private static final OfShort Data2$LAYOUT = (OfShort) $LAYOUT.select(groupElement("Data2"));
    private static final long Data2$OFFSET = $LAYOUT.byteOffset(groupElement("Data2"));

    /** Layout of {@code Data2}. */
    public static OfShort Data2$layout() {
        return Data2$LAYOUT;
    }

    /** Offset of {@code Data2} in bytes. */
    public static long Data2$offset() {
        return Data2$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned short Data2
     * }
     */
    public static short Data2(MemorySegment struct) {
        return struct.get(Data2$LAYOUT, Data2$OFFSET);
    }

    /** Sets {@code Data2}. */
    public static void Data2(MemorySegment struct, short fieldValue) {
        struct.set(Data2$LAYOUT, Data2$OFFSET, fieldValue);
    }

    private static final OfShort Data3$LAYOUT = (OfShort) $LAYOUT.select(groupElement("Data3"));
    private static final long Data3$OFFSET = $LAYOUT.byteOffset(groupElement("Data3"));

    /** Layout of {@code Data3}. */
    public static OfShort Data3$layout() {
        return Data3$LAYOUT;
    }

    /** Offset of {@code Data3} in bytes. */
    public static long Data3$offset() {
        return Data3$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned short Data3
     * }
     */
    public static short Data3(MemorySegment struct) {
        return struct.get(Data3$LAYOUT, Data3$OFFSET);
    }

    /** Sets {@code Data3}. */
    public static void Data3(MemorySegment struct, short fieldValue) {
        struct.set(Data3$LAYOUT, Data3$OFFSET, fieldValue);
    }

    private static final MemoryLayout Data4$LAYOUT = $LAYOUT.select(groupElement("Data4"));
    private static final long Data4$OFFSET = $LAYOUT.byteOffset(groupElement("Data4"));

    /** Layout of {@code Data4}. */
    public static MemoryLayout Data4$layout() {
        return Data4$LAYOUT;
    }

    /** Offset of {@code Data4} in bytes. */
    public static long Data4$offset() {
        return Data4$OFFSET;
    }

    /**
     * {@snippet lang=c :
     * unsigned char Data4[8]
     * }
     * A slice of {@code struct} over this member.
     */
    public static MemorySegment Data4(MemorySegment struct) {
        return struct.asSlice(Data4$OFFSET, Data4$LAYOUT.byteSize());
    }

    /**
     * Writes a GUID given in registry format ({@code "B5367DF1-CBAC-11CF-95CA-00805F48A192"}, braces
     * optional, any case) into {@code guid}.
     *
     * @throws IllegalArgumentException if {@code text} is not a GUID in that format
     */
    public static void write(MemorySegment guid, String text) {
        String hex = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
        if (!hex.matches("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}")) {
            throw new IllegalArgumentException("not a GUID in registry format "
                    + "(XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX): " + text);
        }
        Data1(guid, Integer.parseUnsignedInt(hex.substring(0, 8), 16));
        Data2(guid, (short) Integer.parseInt(hex.substring(9, 13), 16));
        Data3(guid, (short) Integer.parseInt(hex.substring(14, 18), 16));
        String data4 = hex.substring(19, 23) + hex.substring(24);
        MemorySegment bytes = Data4(guid);
        for (int i = 0; i < 8; i++) {
            bytes.set(JAVA_BYTE, i, (byte) Integer.parseInt(data4.substring(2 * i, 2 * i + 2), 16));
        }
    }

    /** The GUID in {@code guid} in registry format, upper case, without braces. */
    public static String read(MemorySegment guid) {
        StringBuilder text = new StringBuilder(36).append(String.format("%08X-%04X-%04X-",
                Data1(guid), Short.toUnsignedInt(Data2(guid)), Short.toUnsignedInt(Data3(guid))));
        MemorySegment bytes = Data4(guid);
        for (int i = 0; i < 8; i++) {
            if (i == 2) {
                text.append('-');
            }
            text.append(String.format("%02X", Byte.toUnsignedInt(bytes.get(JAVA_BYTE, i))));
        }
        return text.toString();
    }
}
