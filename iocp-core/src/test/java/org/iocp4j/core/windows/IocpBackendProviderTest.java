package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.util.Locale;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.BackendProvider;
import org.junit.jupiter.api.Test;

class IocpBackendProviderTest {

    @Test
    void isFoundByName() {
        BackendProvider provider = BackendProvider.forName("iocp");
        assertInstanceOf(IocpBackendProvider.class, provider);
        assertEquals("iocp", provider.name());
    }

    @Test
    void refusesToStartOutsideWindowsWithAClearMessage() {
        assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"));
        IOException e = assertThrows(IOException.class,
                () -> new IocpBackendProvider().create(new BackendConfig(1, 64, 64, 16, false)));
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
    }
}
