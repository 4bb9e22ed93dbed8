package org.iocp4j.bindings.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Code-to-name tables built from the {@code public static final int} fields of the error classes
 * ({@code Win32Errors}, {@code WinsockErrors}, {@code Errno}), so that the names an exception prints
 * cannot drift from the constants the conformance tests check against the headers.
 */
public final class ErrorNames {
    private ErrorNames() {
    }

    /**
     * The table of {@code classes}, in order of precedence: where two fields share a value, the one in
     * the earlier class wins, and within a class the one declared first (HotSpot reflects fields in
     * declaration order; the error classes declare a code's primary name before its aliases).
     */
    public static Map<Integer, String> of(Class<?>... classes) {
        Map<Integer, String> names = new HashMap<>();
        for (Class<?> errors : classes) {
            for (Field field : errors.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == int.class && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)
                        && Modifier.isFinal(modifiers)) {
                    try {
                        names.putIfAbsent(field.getInt(null), field.getName());
                    } catch (IllegalAccessException e) {
                        throw new AssertionError("public field " + field + " is not readable", e);
                    }
                }
            }
        }
        return Map.copyOf(names);
    }
}
