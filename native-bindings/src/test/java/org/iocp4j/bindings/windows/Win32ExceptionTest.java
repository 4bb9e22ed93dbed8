package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Messages and symbolic names of {@link Win32Exception}; codes as Microsoft's System Error Codes list them. */
class Win32ExceptionTest {

    @Test
    void messageNamesFunctionSymbolAndCode() {
        Win32Exception e = new Win32Exception("CancelIoEx", 1168);
        assertEquals("CancelIoEx failed: ERROR_NOT_FOUND (1168)", e.getMessage());
        assertEquals("CancelIoEx", e.function());
        assertEquals(1168, e.code());
        assertEquals("ERROR_NOT_FOUND", e.symbol());
    }

    @Test
    void waitResultsKeepTheirWaitNames() {
        assertEquals("GetQueuedCompletionStatus failed: WAIT_TIMEOUT (258)",
                new Win32Exception("GetQueuedCompletionStatus", 258).getMessage());
        // 192 is also winerror.h's ERROR_EXE_MARKED_INVALID; an alertable GetQueuedCompletionStatusEx means this.
        assertEquals("WAIT_IO_COMPLETION", Win32Exception.symbolOf(192));
    }

    @Test
    void unknownCodeIsUnknownAndPrintedUnsigned() {
        int unknown = 0x7FFF0000;
        assertFalse(Arrays.stream(Win32Errors.class.getFields()).anyMatch(f -> intValue(f) == unknown));
        assertEquals("UNKNOWN", Win32Exception.symbolOf(unknown));
        assertEquals("ReadFile failed: UNKNOWN (2147418112)", new Win32Exception("ReadFile", unknown).getMessage());
        // An NTSTATUS passed by mistake (STATUS_CANCELLED, 0xC0000120) is shown as the unsigned number.
        assertEquals("ReadFile failed: UNKNOWN (3221225760)", new Win32Exception("ReadFile", 0xC0000120).getMessage());
    }

    @Test
    void everyWin32ErrorResolvesToItsOwnName() {
        for (Field f : Win32Errors.class.getFields()) {
            assertEquals(f.getName(), Win32Exception.symbolOf(intValue(f)));
        }
    }

    @Test
    void isANativeException() {
        NativeException e = new Win32Exception("CloseHandle", Win32Errors.ERROR_INVALID_HANDLE);
        assertEquals("CloseHandle failed: ERROR_INVALID_HANDLE (6)", e.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void factoriesReadTheWindowsCaptureWhichLinuxDoesNotHave() {
        // The factories read through CallState; Linux's capture block holds errno only.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            assertThrows(UnsupportedOperationException.class, () -> Win32Exception.lastError("CloseHandle", state));
            assertThrows(UnsupportedOperationException.class, () -> Win32Exception.wsaLastError("WSARecv", state));
        }
    }

    private static int intValue(Field f) {
        try {
            return f.getInt(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
