package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * Bindings to {@code kernel32.dll}, in the shape jextract generates: per function a lazy holder with its
 * descriptor, address and handle, the accessors {@code NAME$descriptor()}, {@code NAME$address()},
 * {@code NAME$handle()}, and an invoker named after the function.
 *
 * <p>Functions that report failure through {@code GetLastError()} take a {@link CallState} segment as
 * their first argument and capture the code into it; read it with {@link CallState#getLastError}.
 * Loading this class never fails; on a system without kernel32 a call throws
 * {@link UnsatisfiedLinkError}.
 *
 * <p>Type mapping (x86_64 Windows): {@code HANDLE}, {@code LPVOID} and other pointers are
 * {@code ADDRESS}; {@code DWORD}, {@code BOOL}, {@code ULONG} are {@code JAVA_INT}; {@code ULONG_PTR},
 * {@code SIZE_T} and {@code LARGE_INTEGER} are {@code JAVA_LONG}.
 */
public final class Kernel32 {
    static final String LIBRARY = "kernel32";
    private static final SymbolLookup SYMBOLS = Downcalls.library(LIBRARY);

    private Kernel32() {
    }

    private static MethodHandle bind(String name, MemorySegment address, FunctionDescriptor descriptor) {
        return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.GET_LAST_ERROR_STATE);
    }

    private static final class VirtualAlloc {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "VirtualAlloc");
        static final MethodHandle HANDLE = bind("VirtualAlloc", ADDR, DESC);
    }

    /** {@snippet lang=c : LPVOID VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect) } */
    public static FunctionDescriptor VirtualAlloc$descriptor() {
        return VirtualAlloc.DESC;
    }

    /** Address of {@code VirtualAlloc}, NULL where kernel32 is absent. */
    public static MemorySegment VirtualAlloc$address() {
        return VirtualAlloc.ADDR;
    }

    /** Downcall handle of {@code VirtualAlloc}; its first parameter is the {@link CallState}. */
    public static MethodHandle VirtualAlloc$handle() {
        return VirtualAlloc.HANDLE;
    }

    /**
     * {@snippet lang=c : LPVOID VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect) }
     *
     * @return the base of the region (a zero-length segment), or NULL on failure
     */
    public static MemorySegment VirtualAlloc(MemorySegment callState, MemorySegment lpAddress, long dwSize,
                                             int flAllocationType, int flProtect) {
        try {
            return (MemorySegment) VirtualAlloc.HANDLE.invokeExact(callState, lpAddress, dwSize,
                    flAllocationType, flProtect);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class VirtualFree {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "VirtualFree");
        static final MethodHandle HANDLE = bind("VirtualFree", ADDR, DESC);
    }

    /** {@snippet lang=c : BOOL VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType) } */
    public static FunctionDescriptor VirtualFree$descriptor() {
        return VirtualFree.DESC;
    }

    /** Address of {@code VirtualFree}, NULL where kernel32 is absent. */
    public static MemorySegment VirtualFree$address() {
        return VirtualFree.ADDR;
    }

    /** Downcall handle of {@code VirtualFree}; its first parameter is the {@link CallState}. */
    public static MethodHandle VirtualFree$handle() {
        return VirtualFree.HANDLE;
    }

    /**
     * {@snippet lang=c : BOOL VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType) }
     *
     * @return non-zero on success
     */
    public static int VirtualFree(MemorySegment callState, MemorySegment lpAddress, long dwSize, int dwFreeType) {
        try {
            return (int) VirtualFree.HANDLE.invokeExact(callState, lpAddress, dwSize, dwFreeType);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetSystemInfo {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "GetSystemInfo");
        // GetSystemInfo cannot fail and does not set the last error: no capture.
        static final MethodHandle HANDLE = Downcalls.downcall(LIBRARY, "GetSystemInfo", ADDR, DESC, null);
    }

    /** {@snippet lang=c : void GetSystemInfo(LPSYSTEM_INFO lpSystemInfo) } */
    public static FunctionDescriptor GetSystemInfo$descriptor() {
        return GetSystemInfo.DESC;
    }

    /** Address of {@code GetSystemInfo}, NULL where kernel32 is absent. */
    public static MemorySegment GetSystemInfo$address() {
        return GetSystemInfo.ADDR;
    }

    /** Downcall handle of {@code GetSystemInfo} (no call state: it cannot fail). */
    public static MethodHandle GetSystemInfo$handle() {
        return GetSystemInfo.HANDLE;
    }

    /** {@snippet lang=c : void GetSystemInfo(LPSYSTEM_INFO lpSystemInfo) } */
    public static void GetSystemInfo(MemorySegment lpSystemInfo) {
        try {
            GetSystemInfo.HANDLE.invokeExact(lpSystemInfo);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
