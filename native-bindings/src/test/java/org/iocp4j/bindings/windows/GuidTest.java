package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** GUID text to the in-memory {@code GUID}: Data1..Data3 little endian, Data4 as written. */
class GuidTest {

    @Test
    void acceptExGuidHasTheLittleEndianLayoutOfItsHeaderInitializer() {
        // mingw-w64 mswsock.h: WSAID_ACCEPTEX {0xb5367df1,0xcbac,0x11cf,{0x95,0xca,0x00,0x80,0x5f,0x48,0xa1,0x92}};
        // on x86_64 Data1 (4 bytes) and Data2/Data3 (2 bytes each) are stored least significant byte first.
        byte[] expected = {(byte) 0xF1, 0x7D, 0x36, (byte) 0xB5, (byte) 0xAC, (byte) 0xCB, (byte) 0xCF, 0x11,
                (byte) 0x95, (byte) 0xCA, 0x00, (byte) 0x80, 0x5F, 0x48, (byte) 0xA1, (byte) 0x92};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment guid = WinsockGuids.allocate(WinsockGuids.WSAID_ACCEPTEX, arena);
            assertArrayEquals(expected, guid.toArray(JAVA_BYTE));
            assertEquals(0xB5367DF1, GUID.Data1(guid));
            assertEquals((short) 0xCBAC, GUID.Data2(guid));
            assertEquals((short) 0x11CF, GUID.Data3(guid));
        }
    }

    @Test
    void everyWinsockGuidRoundTrips() throws IllegalAccessException {
        int seen = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (Field field : WinsockGuids.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    String text = (String) field.get(null);
                    assertEquals(text, GUID.read(WinsockGuids.allocate(text, arena)), field.getName());
                    seen++;
                }
            }
        }
        assertEquals(6, seen, "WSAID_ACCEPTEX, _GETACCEPTEXSOCKADDRS, _CONNECTEX, _DISCONNECTEX, _TRANSMITFILE, _MULTIPLE_RIO");
    }

    @Test
    void bracesAndLowerCaseAreAccepted() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment guid = GUID.allocate(arena);
            GUID.write(guid, "{25a207b9-ddf3-4660-8ee9-76e58c74063e}");
            assertEquals(WinsockGuids.WSAID_CONNECTEX, GUID.read(guid));
        }
    }

    @Test
    void malformedTextIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment guid = GUID.allocate(arena);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GUID.write(guid, "B5367DF1-CBAC-11CF-95CA-00805F48A1"));
            assertTrue(e.getMessage().contains("B5367DF1-CBAC-11CF-95CA-00805F48A1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> GUID.write(guid, "G5367DF1-CBAC-11CF-95CA-00805F48A192"));
        }
    }
}
