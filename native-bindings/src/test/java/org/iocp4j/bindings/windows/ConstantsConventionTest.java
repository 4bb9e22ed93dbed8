package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The conventions of BINDINGS.md that the header conformance test relies on: constant classes hold only
 * public static final int/long/short fields named as the C macros, and no name is defined twice in the
 * package's constant classes (the Winsock ones are included when present).
 */
class ConstantsConventionTest {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(int.class, long.class, short.class);

    private static List<Class<?>> constantClasses() {
        List<Class<?>> classes = new ArrayList<>(List.of(Kernel32Constants.class, Win32Errors.class));
        for (String other : List.of("WinsockConstants", "WinsockErrors")) {
            optional("org.iocp4j.bindings.windows." + other).ifPresent(classes::add);
        }
        return classes;
    }

    private static Optional<Class<?>> optional(String name) {
        try {
            return Optional.of(Class.forName(name));
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Test
    void onlyPublicStaticFinalIntegerFields() {
        for (Class<?> c : List.of(Kernel32Constants.class, Win32Errors.class)) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                assertTrue(Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m), f.toString());
                assertTrue(VALUE_TYPES.contains(f.getType()), f.toString());
                assertTrue(f.getName().matches("[A-Z][A-Z0-9_]*"), "not a C macro name: " + f);
            }
        }
    }

    @Test
    void everyConstantNameIsDefinedOnce() {
        Map<String, Class<?>> owner = new HashMap<>();
        for (Class<?> c : constantClasses()) {
            for (Field f : c.getDeclaredFields()) {
                Class<?> previous = owner.putIfAbsent(f.getName(), c);
                assertTrue(previous == null, f.getName() + " is in both " + previous + " and " + c);
            }
        }
    }

    @Test
    void win32ErrorValuesAreDistinct() throws IllegalAccessException {
        Map<Integer, String> byValue = new HashMap<>();
        for (Field f : Win32Errors.class.getDeclaredFields()) {
            String previous = byValue.putIfAbsent(f.getInt(null), f.getName());
            assertTrue(previous == null, f.getName() + " and " + previous + " share a value");
        }
    }

    @Test
    void handleAndTimeoutSentinelsHaveTheirCWidths() throws ReflectiveOperationException {
        // INVALID_HANDLE_VALUE is a pointer-sized -1 (compared with MemorySegment.address()); INFINITE a DWORD.
        assertEquals(long.class, Kernel32Constants.class.getField("INVALID_HANDLE_VALUE").getType());
        assertEquals(int.class, Kernel32Constants.class.getField("INFINITE").getType());
    }
}
