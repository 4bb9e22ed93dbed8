package org.iocp4j.bindings.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves symbols and builds downcall handles for the binding classes.
 *
 * <p>A library or symbol that is missing (kernel32 on Linux, a kernel without a syscall) must not break
 * class loading: the lazy holders of the binding classes still initialise, and only a call fails, with
 * an {@link UnsatisfiedLinkError} that names the library and the function. Native access that the JVM
 * refuses is not a missing library: every downcall would fail too, so that is reported at once, naming the
 * flag that enables it.
 */
public final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();

    private Downcalls() {
    }

    /** The platform linker. */
    public static Linker linker() {
        return LINKER;
    }

    /**
     * A lookup over the named system library, or an empty lookup where it cannot be loaded. The library
     * stays loaded for the life of the JVM (global arena), as a DLL bound by the loader would.
     *
     * @throws IllegalCallerException if the JVM refuses this module native access; the message names the
     *         {@code --enable-native-access} value that grants it
     */
    public static SymbolLookup library(String name) {
        return library(name, () -> SymbolLookup.libraryLookup(name, Arena.global()));
    }

    /** {@link #library(String)} with the loading passed in, so that tests can make it fail either way. */
    static SymbolLookup library(String name, Supplier<SymbolLookup> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException notHere) {
            return symbol -> Optional.empty();
        } catch (IllegalCallerException refused) {
            throw nativeAccessRefused(name, refused);
        }
    }

    /**
     * What {@code SymbolLookup.libraryLookup} throwing {@link IllegalCallerException} for {@code library}
     * becomes. The JDK checks native access before it looks for the library, so this says nothing about
     * the library being there; the JDK's own message does not say how to enable access.
     */
    static IllegalCallerException nativeAccessRefused(String library, IllegalCallerException refused) {
        Module module = Downcalls.class.getModule();
        String target = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        String manifest = module.isNamed() ? ""
                : " (or, for an executable JAR, the manifest attribute Enable-Native-Access: ALL-UNNAMED)";
        return new IllegalCallerException("native access was refused, so " + library + " cannot be loaded: run"
                + " the JVM with --enable-native-access=" + target + manifest, refused);
    }

    /** Symbols of the C runtime the linker knows (libc on Linux, ucrt/msvcrt on Windows). */
    public static SymbolLookup libc() {
        return LINKER.defaultLookup();
    }

    /** The symbol's address, or {@link MemorySegment#NULL} where it is not present. */
    public static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElse(MemorySegment.NULL);
    }

    /**
     * A downcall handle for the function at {@code address}. With {@code capture} non-null the handle
     * takes a {@link org.iocp4j.bindings.CallState} segment first and captures that state
     * ({@code "GetLastError"}, {@code "WSAGetLastError"} or {@code "errno"}) into it. If the address is
     * NULL, the result is a handle of the same type that throws {@link UnsatisfiedLinkError} naming
     * {@code library!name}; it is built without asking the linker, whose capture names are per platform.
     */
    public static MethodHandle downcall(String library, String name, MemorySegment address,
                                        FunctionDescriptor descriptor, String capture) {
        if (!address.equals(MemorySegment.NULL)) {
            return capture == null
                    ? LINKER.downcallHandle(address, descriptor)
                    : LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState(capture));
        }
        MethodType type = descriptor.toMethodType();
        if (capture != null) {
            type = type.insertParameterTypes(0, MemorySegment.class);
        }
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), UnsatisfiedLinkError.class)
                .bindTo(new UnsatisfiedLinkError(library + "!" + name + " is not available on "
                        + System.getProperty("os.name")));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /**
     * A downcall handle for a function pointer obtained at run time (for example an extension function
     * from {@code WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)}).
     */
    public static MethodHandle downcall(MemorySegment address, FunctionDescriptor descriptor, String capture) {
        if (address.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("function pointer is NULL for " + descriptor);
        }
        return capture == null
                ? LINKER.downcallHandle(address, descriptor)
                : LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState(capture));
    }

    /** Rethrows what a downcall handle threw: errors and unchecked exceptions as they are. */
    public static AssertionError rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new AssertionError("downcall threw a checked exception", t);
    }
}
