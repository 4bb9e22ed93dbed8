package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.iocp4j.core.backend.BackendProvider;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.junit.jupiter.api.Test;

/** The operation table's O(1) mapping, generations, exhaustion and close rules; backend selection. */
class OperationTableTest {

    @Test
    void mapsAddressesAndUserDataBackAndRejectsStaleGenerations() throws Exception {
        OperationTable table = new OperationTable(PageAllocator.forCurrentOs(), 64, 100);
        Operation op = table.acquire(OpKind.RECV, "a");
        assertSame(op, table.byAddress(table.base() + (long) op.index() * 64));
        assertSame(op, table.byUserData(op.userData()));
        assertTrue(op.userData() > 0, "user_data is never 0 or negative");
        long stale = op.userData();
        table.release(op);
        assertNull(table.byUserData(stale), "released");
        Operation again = table.acquire(OpKind.SEND, "b");
        assertSame(op, again, "LIFO free list");
        assertNotEquals(stale, again.userData(), "a new generation");
        assertNull(table.byUserData(stale), "the earlier life's user_data no longer resolves");
        assertThrows(IllegalArgumentException.class, () -> table.byAddress(table.base() + 3));
        assertThrows(IllegalStateException.class, table::close, "closing with an operation in flight");
        table.release(again);
        assertThrows(IllegalStateException.class, () -> table.release(again));
    }

    @Test
    void exhaustionReturnsNullAndEveryBlockIsDistinctAndZeroed() throws Exception {
        OperationTable table = new OperationTable(PageAllocator.forCurrentOs(), 32, 10);
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Operation op = table.acquire(OpKind.READ, i);
            op.block().fill((byte) 7);
            ops.add(op);
        }
        assertNull(table.acquire(OpKind.READ, "none left"));
        assertEquals(10, table.inUse());
        assertEquals(10, ops.stream().mapToLong(Operation::address).distinct().count());
        ops.forEach(table::release);
        Operation fresh = table.acquire(OpKind.READ, "x");
        for (long i = 0; i < 32; i++) {
            assertEquals(0, fresh.block().get(java.lang.foreign.ValueLayout.JAVA_BYTE, i));
        }
        table.release(fresh);
        table.close();
        assertEquals(0, table.inUse());
    }

    @Test
    void backendSelectionNamesWhatIsWrong() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BackendProvider.forName("kqueue"));
        assertTrue(unknown.getMessage().contains("kqueue"), unknown.getMessage());
        assertEquals(EngineTesting.BACKEND, BackendProvider.forName(null).name(), "the OS's default");
        assertThrows(IllegalArgumentException.class, () -> new OperationTable(PageAllocator.forCurrentOs(), 24, 1));
    }
}
