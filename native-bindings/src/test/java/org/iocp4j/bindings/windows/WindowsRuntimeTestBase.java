package org.iocp4j.bindings.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.iocp4j.bindings.CallState;
import org.junit.jupiter.api.AfterEach;

/**
 * What every runtime test against the real Windows functions holds: a confined arena, one call-state block
 * the failures are read from, and the handles, sockets and memory the test opened, closed after it in reverse
 * order (each close checked) before the arena goes.
 */
abstract class WindowsRuntimeTestBase {
    final Arena arena = Arena.ofConfined();
    final MemorySegment state = CallState.allocate(arena);
    final WindowsRuntime.Opened opened = new WindowsRuntime.Opened();

    @AfterEach
    void closeWhatTheTestOpened() {
        try {
            opened.close();
        } finally {
            arena.close();
        }
    }
}
