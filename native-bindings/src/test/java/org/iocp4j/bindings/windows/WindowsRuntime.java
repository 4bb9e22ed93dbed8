package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.iocp4j.bindings.CallState;

/**
 * Shared pieces of the runtime tests that make real downcalls into kernel32, ws2_32 and mswsock
 * ({@link Kernel32RuntimeTest}, {@link WinsockRuntimeTest}): they run in a Windows JVM only, on Windows or
 * in the windows-jvm lane under Wine, and use the bindings as a user of the bindings would.
 */
final class WindowsRuntime {
    /** How long a test waits for a completion that must come. */
    static final int COMPLETION_TIMEOUT_MS = 10_000;

    private WindowsRuntime() {
    }

    /**
     * Whether this Windows JVM runs under Wine: Wine's ntdll exports {@code wine_get_version}, Windows' does
     * not. The tests branch on it only where Wine measurably differs (/work/shared/WINDOWS-TESTING.md).
     */
    static boolean wine() {
        try (Arena arena = Arena.ofConfined()) {
            return SymbolLookup.libraryLookup("ntdll", arena).find("wine_get_version").isPresent();
        }
    }

    /**
     * Fills the capture block with a value no call reports, so that a code read after a call is known to be
     * that call's capture and not a leftover.
     */
    static MemorySegment poisoned(MemorySegment callState) {
        return callState.fill((byte) 0x5A);
    }

    /** Fails with the captured {@code GetLastError()} unless the kernel32 BOOL {@code result} is TRUE. */
    static void assertSucceeded(int result, String function, MemorySegment callState) {
        if (result == 0) {
            fail(Win32Exception.lastError(function, callState).getMessage());
        }
    }

    /** Fails with the captured {@code WSAGetLastError()} unless the Winsock {@code result} is 0. */
    static void assertWsaSucceeded(int result, String function, MemorySegment callState) {
        if (result != 0) {
            fail(function + " returned " + result + ": " + Win32Exception.wsaLastError(function, callState).getMessage());
        }
    }

    /** The address a handle or pointer of {@code value} is passed as. */
    static MemorySegment handle(long value) {
        return MemorySegment.ofAddress(value);
    }

    /** A NUL-terminated UTF-16LE string, as the {@code W} functions take it. */
    static MemorySegment wide(String s, Arena arena) {
        return arena.allocateFrom(s, StandardCharsets.UTF_16LE);
    }

    /** What a test opened; closed in reverse order at its end, each close asserted, the first failure thrown. */
    static final class Opened implements AutoCloseable {
        private final Deque<Runnable> closers = new ArrayDeque<>();

        void add(Runnable closer) {
            closers.push(closer);
        }

        /** Closes {@code closeable} (a {@code java.net} socket) with the rest. */
        <T extends Closeable> T closing(T closeable) {
            add(() -> {
                try {
                    closeable.close();
                } catch (IOException e) {
                    throw new AssertionError("closing " + closeable, e);
                }
            });
            return closeable;
        }

        @Override
        public void close() {
            AssertionError first = null;
            while (!closers.isEmpty()) {
                try {
                    closers.pop().run();
                } catch (AssertionError e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** One entry {@code GetQueuedCompletionStatusEx} removed, as {@link OVERLAPPED_ENTRY} holds it. */
    record Completion(long key, long overlapped, long status, int bytes) {
    }

    /**
     * A completion port made with {@code CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)}, which
     * {@link Opened} closes with {@code CloseHandle}.
     */
    static final class Port {
        final MemorySegment handle;
        private final MemorySegment callState;
        private final Arena arena;

        Port(Arena arena, MemorySegment callState, Opened opened) {
            this.arena = arena;
            this.callState = callState;
            handle = Kernel32.CreateIoCompletionPort(callState, handle(Kernel32Constants.INVALID_HANDLE_VALUE),
                    MemorySegment.NULL, 0, 0);
            if (handle.equals(MemorySegment.NULL)) {
                fail(Win32Exception.lastError("CreateIoCompletionPort", callState).getMessage());
            }
            opened.add(() -> assertSucceeded(Kernel32.CloseHandle(callState, handle), "CloseHandle(port)", callState));
        }

        /** Associates {@code fileHandle} (a file or a socket) with the port under {@code key}. */
        void associate(MemorySegment fileHandle, long key) {
            MemorySegment result = Kernel32.CreateIoCompletionPort(callState, fileHandle, handle, key, 0);
            if (result.equals(MemorySegment.NULL)) {
                fail(Win32Exception.lastError("CreateIoCompletionPort(associate)", callState).getMessage());
            }
            assertEquals(handle, result, "associating returns the existing port");
        }

        /** Removes at least one and at most {@code max} entries, waiting up to {@link #COMPLETION_TIMEOUT_MS}. */
        List<Completion> dequeue(int max) {
            MemorySegment entries = OVERLAPPED_ENTRY.allocateArray(max, arena);
            MemorySegment removed = arena.allocate(JAVA_INT);
            assertSucceeded(Kernel32.GetQueuedCompletionStatusEx(callState, handle, entries, max, removed,
                    COMPLETION_TIMEOUT_MS, 0), "GetQueuedCompletionStatusEx", callState);
            int count = removed.get(JAVA_INT, 0);
            assertNotEquals(0, count, "GetQueuedCompletionStatusEx returned TRUE with no entry");
            List<Completion> completions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MemorySegment entry = OVERLAPPED_ENTRY.asSlice(entries, i);
                completions.add(new Completion(OVERLAPPED_ENTRY.lpCompletionKey(entry),
                        OVERLAPPED_ENTRY.lpOverlapped(entry).address(), OVERLAPPED_ENTRY.Internal(entry),
                        OVERLAPPED_ENTRY.dwNumberOfBytesTransferred(entry)));
            }
            return completions;
        }

        /** The one entry the next completion is, checked to be for {@code overlapped} under {@code key}. */
        Completion dequeueOne(long key, MemorySegment overlapped) {
            List<Completion> completions = dequeue(1);
            Completion c = completions.get(0);
            assertEquals(key, c.key(), "completion key of " + c);
            assertEquals(overlapped.address(), c.overlapped(), "OVERLAPPED of " + c);
            return c;
        }

        /**
         * Asserts that {@code GetQueuedCompletionStatusEx} waits {@code milliseconds} and then fails: returns
         * FALSE with nothing dequeued. The removed-entries count is not checked: Microsoft does not define it
         * when the call fails.
         *
         * @return the {@code GetLastError()} code the call state captured
         */
        int assertNothingWithin(int milliseconds) {
            MemorySegment entries = OVERLAPPED_ENTRY.allocateArray(1, arena);
            MemorySegment removed = arena.allocate(JAVA_INT);
            poisoned(callState);
            int result = Kernel32.GetQueuedCompletionStatusEx(callState, handle, entries, 1, removed, milliseconds, 0);
            assertEquals(0, result, () -> "a completion was queued: " + OVERLAPPED_ENTRY.lpCompletionKey(entries));
            return CallState.getLastError(callState);
        }
    }
}
