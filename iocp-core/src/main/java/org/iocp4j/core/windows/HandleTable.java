package org.iocp4j.core.windows;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The backend's handle → {@link HandleState} map: open addressing on {@code long} keys, so the issue and
 * completion paths look a handle up without boxing it (a {@code Map<Long, ...>} would allocate a
 * {@code Long} per I/O for handles beyond the {@code Long} cache).
 *
 * <p>Lookups are lock-free; {@link #put} and {@link #remove} (once per socket, not per I/O) take the
 * table's lock. A removed entry leaves a tombstone that is never reused in place: a slot's key only ever
 * goes empty → key → tombstone, so a reader that matched a key and then reads the value sees that key's
 * state or null (removed), never another handle's. Tombstones are dropped when the table is rebuilt,
 * which happens when live entries plus tombstones reach half the capacity.
 */
final class HandleTable {
    private static final long EMPTY = 0;
    private static final long TOMBSTONE = -2;
    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(HandleState[].class);

    /** Keys and values of one generation of the table; replaced as a whole on rebuild. */
    private record Slots(long[] keys, HandleState[] values) {
        Slots(int capacity) {
            this(new long[capacity], new HandleState[capacity]);
        }
    }

    private volatile Slots slots = new Slots(64);
    /** Slots holding a key or a tombstone; guarded by {@code this}. */
    private int used;
    private int live;

    /**
     * The state of {@code handle}, or null (also for the two values the table reserves, 0 and -2, which
     * are no handle this backend creates: INVALID_SOCKET is -1). Any thread, allocation-free.
     */
    HandleState get(long handle) {
        if (handle == EMPTY || handle == TOMBSTONE) {
            return null;
        }
        Slots s = slots;
        long[] keys = s.keys;
        int mask = keys.length - 1;
        for (int i = index(handle, mask); ; i = (i + 1) & mask) {
            long k = (long) KEYS.getAcquire(keys, i);
            if (k == handle) {
                return (HandleState) VALUES.getAcquire(s.values, i);
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** Maps {@code handle} to {@code state}, replacing an earlier mapping. */
    synchronized void put(long handle, HandleState state) {
        checkKey(handle);
        removeLocked(handle);
        if ((used + 1) * 2 > slots.keys.length) {
            rebuild();
        }
        insert(slots, handle, state);
        used++;
        live++;
    }

    /** Removes {@code handle}'s mapping if it is {@code state}. */
    synchronized void remove(long handle, HandleState state) {
        checkKey(handle);
        Slots s = slots;
        int i = find(s, handle);
        if (i >= 0 && s.values[i] == state) {
            clear(s, i);
        }
    }

    /** Removes {@code handle}'s mapping, whatever it is. */
    synchronized void remove(long handle) {
        checkKey(handle);
        removeLocked(handle);
    }

    /** Live mappings. */
    synchronized int size() {
        return live;
    }

    private void removeLocked(long handle) {
        Slots s = slots;
        int i = find(s, handle);
        if (i >= 0) {
            clear(s, i);
        }
    }

    private void clear(Slots s, int i) {
        VALUES.setRelease(s.values, i, (HandleState) null);
        KEYS.setRelease(s.keys, i, TOMBSTONE);
        live--;
    }

    private static int find(Slots s, long handle) {
        long[] keys = s.keys;
        int mask = keys.length - 1;
        for (int i = index(handle, mask); ; i = (i + 1) & mask) {
            if (keys[i] == handle) {
                return i;
            }
            if (keys[i] == EMPTY) {
                return -1;
            }
        }
    }

    /** Copies the live entries into a fresh table, big enough to stay under a quarter full. */
    private void rebuild() {
        int capacity = 64;
        while (capacity < live * 4) {
            capacity <<= 1;
        }
        Slots old = slots;
        Slots fresh = new Slots(capacity);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.keys[i] != EMPTY && old.keys[i] != TOMBSTONE) {
                insert(fresh, old.keys[i], old.values[i]);
            }
        }
        used = live;
        slots = fresh;
    }

    /** Value first, then the key with release: a reader that sees the key sees the value. */
    private static void insert(Slots s, long handle, HandleState state) {
        int mask = s.keys.length - 1;
        int i = index(handle, mask);
        while (s.keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        VALUES.setRelease(s.values, i, state);
        KEYS.setRelease(s.keys, i, handle);
    }

    private static int index(long handle, int mask) {
        long h = handle * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static void checkKey(long handle) {
        if (handle == EMPTY || handle == TOMBSTONE) {
            throw new IllegalArgumentException("handle " + handle + " is reserved by the handle table");
        }
    }
}
