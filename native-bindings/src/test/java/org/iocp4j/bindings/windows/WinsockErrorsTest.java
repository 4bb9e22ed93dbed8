package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinsockErrorsTest {

    @Test
    void namesAreFoundByCode() {
        assertEquals("WSAECONNRESET", Win32Exception.symbolOf(10054));
        // winsock2.h defines WSA_IO_PENDING as ERROR_IO_PENDING; the Win32 name is the one printed.
        assertEquals("ERROR_IO_PENDING", Win32Exception.symbolOf(WinsockErrors.WSA_IO_PENDING));
        assertEquals("WSAEOPNOTSUPP", Win32Exception.symbolOf(WinsockErrors.WSAEOPNOTSUPP));
        assertEquals("UNKNOWN", Win32Exception.symbolOf(10000));
    }

    @Test
    void everyCodeHasOneNameSoThatReverseLookupIsUnambiguous() throws IllegalAccessException {
        Map<Integer, String> byCode = new HashMap<>();
        for (Field field : WinsockErrors.class.getFields()) {
            String previous = byCode.put(field.getInt(null), field.getName());
            assertNull(previous, () -> field.getName() + " shares its code with another field");
            int code = field.getInt(null);
            if (code >= 10000) {
                assertEquals(field.getName(), Win32Exception.symbolOf(code));
            } else {
                assertTrue(Win32Exception.symbolOf(code).startsWith("ERROR_"), field::getName);
            }
        }
        assertTrue(byCode.size() > 60, "the WSA error codes of winsock2.h");
    }
}
