package org.iocp4j.bindings.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iocp4j.bindings.CallState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What can be checked of the Winsock bindings without Windows: the classes load, each ws2_32 call fails
 * with an {@link UnsatisfiedLinkError} naming {@code ws2_32!function}, handles have the capture
 * parameter exactly where documented, and the extension-function loaders refuse NULL pointers.
 */
class WinsockBindingsTest {

    private static final List<String> WS2_32 = List.of("WSAStartup", "WSACleanup", "WSASocketW", "bind", "listen",
            "closesocket", "shutdown", "setsockopt", "getsockopt", "getsockname", "getpeername", "WSAIoctl",
            "WSARecv", "WSASend", "WSARecvFrom", "WSASendTo", "WSAGetOverlappedResult", "ioctlsocket");

    private static Object zero(Class<?> type) {
        if (type == MemorySegment.class) {
            return MemorySegment.NULL;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        throw new IllegalArgumentException("no zero for " + type);
    }

    private static Method invoker(Class<?> owner, String name) {
        List<Method> found = Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers())).toList();
        assertEquals(1, found.size(), () -> owner.getSimpleName() + "." + name + " invokers: " + found);
        return found.get(0);
    }

    private static Object descriptorOf(Class<?> owner, String name) throws ReflectiveOperationException {
        return owner.getMethod(name + "$descriptor").invoke(null);
    }

    @Test
    void everyWs2_32FunctionIsBoundWithTheCallStateWhereItReportsThroughWSAGetLastError()
            throws ReflectiveOperationException {
        List<String> declared = new ArrayList<>();
        for (Method m : Ws2_32.class.getMethods()) {
            if (m.getName().endsWith("$descriptor")) {
                declared.add(m.getName().substring(0, m.getName().length() - "$descriptor".length()));
            }
        }
        assertEquals(WS2_32.stream().sorted().toList(), declared.stream().sorted().toList());
        for (String name : WS2_32) {
            FunctionDescriptor descriptor = (FunctionDescriptor) descriptorOf(Ws2_32.class, name);
            MethodHandle handle = (MethodHandle) Ws2_32.class.getMethod(name + "$handle").invoke(null);
            Method invoker = invoker(Ws2_32.class, name);
            boolean captures = !name.equals("WSAStartup");
            int extra = captures ? 1 : 0;
            assertEquals(descriptor.argumentLayouts().size() + extra, handle.type().parameterCount(), name);
            assertEquals(descriptor.argumentLayouts().size() + extra, invoker.getParameterCount(), name);
            if (captures) {
                assertEquals(MemorySegment.class, handle.type().parameterType(0), name);
                assertEquals(MemorySegment.class, invoker.getParameterTypes()[0], name);
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void callsFailWithAnUnsatisfiedLinkErrorNamingWs2_32AndTheFunction() throws ReflectiveOperationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = CallState.allocate(arena);
            for (String name : WS2_32) {
                assertEquals(MemorySegment.NULL, Ws2_32.class.getMethod(name + "$address").invoke(null), name);
                Method invoker = invoker(Ws2_32.class, name);
                Object[] args = Arrays.stream(invoker.getParameterTypes()).map(WinsockBindingsTest::zero).toArray();
                if (invoker.getParameterCount() > 0 && !name.equals("WSAStartup")) {
                    args[0] = callState;
                }
                InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                        () -> invoker.invoke(null, args), name);
                UnsatisfiedLinkError error = assertInstanceOf(UnsatisfiedLinkError.class, thrown.getCause(), name);
                assertTrue(error.getMessage().startsWith("ws2_32!" + name + " is not available"), error.getMessage());
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void loadingExtensionFunctionsGoesThroughWSAIoctl() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = CallState.allocate(arena);
            UnsatisfiedLinkError mswsock = assertThrows(UnsatisfiedLinkError.class, () -> Mswsock.load(callState, 1));
            assertTrue(mswsock.getMessage().startsWith("ws2_32!WSAIoctl"), mswsock.getMessage());
            UnsatisfiedLinkError rio = assertThrows(UnsatisfiedLinkError.class, () -> Rio.load(callState, 1));
            assertTrue(rio.getMessage().startsWith("ws2_32!WSAIoctl"), rio.getMessage());
        }
    }

    @Test
    void mswsockRefusesANullFunctionPointerNamingTheFunction() {
        MemorySegment nonNull = MemorySegment.ofAddress(0x1000);
        IllegalArgumentException acceptEx = assertThrows(IllegalArgumentException.class, () -> Mswsock.bind(
                MemorySegment.NULL, nonNull, nonNull, nonNull, nonNull));
        assertTrue(acceptEx.getMessage().contains("AcceptEx"), acceptEx.getMessage());
        IllegalArgumentException connectEx = assertThrows(IllegalArgumentException.class, () -> Mswsock.bind(
                nonNull, nonNull, MemorySegment.NULL, nonNull, nonNull));
        // every pointer is checked before any is bound, so the NULL one is named whatever its position
        assertTrue(connectEx.getMessage().contains("ConnectEx is NULL"), connectEx.getMessage());
    }

    @Test
    void rioRefusesAnEmptyTableNamingTheFirstMissingFunctionAndATableTooSmall() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment table = RIO_EXTENSION_FUNCTION_TABLE.allocate(arena);
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Rio.bind(table));
            assertTrue(empty.getMessage().contains("RIOReceive is NULL"), empty.getMessage());
            IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                    () -> Rio.bind(arena.allocate(RIO_EXTENSION_FUNCTION_TABLE.sizeof() - 8)));
            assertTrue(small.getMessage().contains("112"), small.getMessage());
        }
    }

    @Test
    void extensionDescriptorsAreStaticAndRioCoversTheWholeTable() throws ReflectiveOperationException {
        for (String name : List.of("AcceptEx", "GetAcceptExSockaddrs", "ConnectEx", "DisconnectEx", "TransmitFile")) {
            assertInstanceOf(FunctionDescriptor.class, descriptorOf(Mswsock.class, name), name);
        }
        for (var member : RIO_EXTENSION_FUNCTION_TABLE.layout().memberLayouts()) {
            String name = member.name().orElse("");
            if (name.startsWith("RIO")) {
                assertInstanceOf(FunctionDescriptor.class, descriptorOf(Rio.class, name), name);
            }
        }
    }
}
