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
        assertEquals("WSAECONNRESET", WinsockErrors.nameOf(10054));
        assertEquals("WSA_IO_PENDING", WinsockErrors.nameOf(997));
        assertEquals("WSAEOPNOTSUPP", WinsockErrors.nameOf(WinsockErrors.WSAEOPNOTSUPP));
        assertNull(WinsockErrors.nameOf(10000));
    }

    @Test
    void everyCodeHasOneNameSoThatReverseLookupIsUnambiguous() throws IllegalAccessException {
        Map<Integer, String> byCode = new HashMap<>();
        for (Field field : WinsockErrors.class.getFields()) {
            String previous = byCode.put(field.getInt(null), field.getName());
            assertNull(previous, () -> field.getName() + " shares its code with another field");
            assertEquals(field.getName(), WinsockErrors.nameOf(field.getInt(null)));
        }
        assertTrue(byCode.size() > 60, "the WSA error codes of winsock2.h");
    }
}
