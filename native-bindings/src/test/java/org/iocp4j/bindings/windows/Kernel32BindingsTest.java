package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What Linux can check of the kernel32 bindings: loading, the jextract shape, and failing calls. */
class Kernel32BindingsTest {

    /** The functions the brief asks for, plus GetOverlappedResult for file completions. */
    private static final Set<String> FUNCTIONS = Set.of(
            "CreateIoCompletionPort", "GetQueuedCompletionStatus", "GetQueuedCompletionStatusEx",
            "PostQueuedCompletionStatus", "CloseHandle", "CancelIoEx", "CreateFileW", "ReadFile", "WriteFile",
            "GetOverlappedResult", "GetFileSizeEx", "SetFileCompletionNotificationModes",
            "SetFileIoOverlappedRange", "VirtualAlloc", "VirtualFree", "GetSystemInfo");

    /** GetSystemInfo returns void and, per its Microsoft documentation, cannot fail. */
    private static final Set<String> WITHOUT_CALL_STATE = Set.of("GetSystemInfo");

    static List<Method> invokers() {
        return Arrays.stream(Kernel32.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.getName().contains("$"))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kernel32", "Kernel32Constants", "Win32Errors", "Win32Exception", "OVERLAPPED",
            "OVERLAPPED_ENTRY", "SYSTEM_INFO"})
    void classLoadsAndInitialises(String simpleName) throws ReflectiveOperationException {
        // initialize=true runs the static initialiser here, on a host without kernel32.dll: one that looks a
        // symbol up eagerly fails the call with ExceptionInInitializerError.
        Class<?> c = Class.forName("org.iocp4j.bindings.windows." + simpleName, true,
                getClass().getClassLoader());
        // An initialiser that swallowed a failure would leave a static reference unset.
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && !f.isSynthetic()) {
                f.setAccessible(true);
                assertNotNull(f.get(null), c.getName() + "." + f.getName() + " after initialisation");
            }
        }
    }

    @Test
    void bindsExactlyTheExpectedFunctionsOncePerName() {
        List<String> names = invokers().stream().map(Method::getName).toList();
        assertEquals(new TreeSet<>(FUNCTIONS), new TreeSet<>(names));
        assertEquals(names.size(), Set.copyOf(names).size(), "overloaded invoker in " + names);
    }

    @ParameterizedTest
    @MethodSource("invokers")
    void handleTypeMatchesDescriptorAndInvoker(Method invoker) throws ReflectiveOperationException {
        String name = invoker.getName();
        FunctionDescriptor descriptor = (FunctionDescriptor) Kernel32.class.getMethod(name + "$descriptor").invoke(null);
        MethodHandle handle = (MethodHandle) Kernel32.class.getMethod(name + "$handle").invoke(null);
        MemorySegment address = (MemorySegment) Kernel32.class.getMethod(name + "$address").invoke(null);

        MethodType expected = descriptor.toMethodType();
        if (!WITHOUT_CALL_STATE.contains(name)) {
            expected = expected.insertParameterTypes(0, MemorySegment.class);
        }
        assertEquals(expected, handle.type(), name + "$handle type");
        // The invoker calls invokeExact: its own signature must be the handle's type exactly.
        assertEquals(expected, MethodType.methodType(invoker.getReturnType(), invoker.getParameterTypes()),
                name + " invoker signature");
        if (OS.LINUX.isCurrentOs()) {
            assertEquals(MemorySegment.NULL, address, name + "$address on Linux");
        }
    }

    @ParameterizedTest
    @MethodSource("invokers")
    @EnabledOnOs(OS.LINUX)
    void callingOnLinuxThrowsUnsatisfiedLinkErrorNamingTheFunction(Method invoker) {
        Object[] args = Arrays.stream(invoker.getParameterTypes()).map(Kernel32BindingsTest::zero).toArray();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> invoker.invoke(null, args));
        UnsatisfiedLinkError error = assertInstanceOf(UnsatisfiedLinkError.class, thrown.getCause());
        assertTrue(error.getMessage().startsWith("kernel32!" + invoker.getName() + " "), error.getMessage());
    }

    private static Object zero(Class<?> type) {
        if (type == MemorySegment.class) {
            return MemorySegment.NULL;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        throw new IllegalArgumentException("no zero value for parameter type " + type);
    }
}
