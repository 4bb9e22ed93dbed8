package org.iocp4j.bindings.windows.conformance;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iocp4j.bindings.testing.BindingScan;
import org.iocp4j.bindings.windows.Kernel32;
import org.junit.jupiter.api.Test;

/**
 * Conformance of {@code org.iocp4j.bindings.windows} with the Windows headers (mingw-w64) and, for RIO,
 * Microsoft's documentation; writes {@code target/conformance/windows.txt}. See {@link WindowsConformance}.
 */
class WindowsConformanceTest {
    private static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "conformance");

    /**
     * The classes BINDINGS.md names for Windows (library classes, constant/error classes, GUIDs); each
     * must exist and produce items. Struct and extension-function classes are found by their shape.
     */
    private static final List<String> NAMED_IN_CONVENTIONS = List.of(
            "Kernel32", "Ws2_32", "Kernel32Constants", "Win32Errors", "WinsockConstants", "WinsockErrors",
            BindingScan.GUIDS_CLASS);

    @Test
    void bindingsMatchHeadersAndDocumentation() throws Exception {
        BindingScan bindings = BindingScan.packageOf(Kernel32.class);
        WindowsConformance.Report report = WindowsConformance.check(bindings, OUT.resolve("windows"));
        report.write(OUT.resolve("windows.txt"));

        Map<Class<?>, Long> perClass = report.lines().stream()
                .collect(Collectors.groupingBy(l -> l.item().owner(), Collectors.counting()));
        StringBuilder problems = new StringBuilder();
        for (Class<?> c : bindings.classes()) {
            if (bindings.declaresBindings(c) && perClass.getOrDefault(c, 0L) == 0) {
                problems.append("class ").append(c.getSimpleName()).append(" produced no items\n");
            }
        }
        Map<String, Class<?>> bySimpleName = bindings.classes().stream()
                .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        for (String name : NAMED_IN_CONVENTIONS) {
            Class<?> c = bySimpleName.get(name);
            if (c == null || perClass.getOrDefault(c, 0L) == 0) {
                problems.append("BINDINGS.md names windows.").append(name).append(", which produced no items\n");
            }
        }
        report.mismatches().forEach(l -> problems.append(l.text()).append('\n'));
        if (!problems.isEmpty()) {
            fail(report.mismatches().size() + " mismatches of " + report.lines().size() + " items (see "
                    + OUT.resolve("windows.txt") + "):\n" + problems);
        }
    }

    /** The generator must be able to fail: wrong layouts, descriptors, constants and GUIDs are MISMATCHes. */
    @Test
    void reportsDeliberateMistakes() throws Exception {
        Class<?> owner = WindowsConformanceTest.class;
        // OVERLAPPED without InternalHigh: Offset, OffsetHigh and hEvent 8 bytes too early, size 24.
        var overlapped = new BindingScan.Struct(owner, "OVERLAPPED", MemoryLayout.structLayout(
                JAVA_LONG.withName("Internal"),
                MemoryLayout.unionLayout(
                        MemoryLayout.structLayout(JAVA_INT.withName("Offset"), JAVA_INT.withName("OffsetHigh"))
                                .withName("$anon$1"),
                        ADDRESS.withName("Pointer")).withName("$anon$0"),
                ADDRESS.withName("hEvent")).withName("_OVERLAPPED"));
        // RIO_BUF as documented: checked against the declarations transcribed from Microsoft's pages.
        var rioBuf = new BindingScan.Struct(owner, "RIO_BUF", MemoryLayout.structLayout(
                ADDRESS.withName("BufferId"), JAVA_INT.withName("Offset"), JAVA_INT.withName("Length")));
        var functions = List.of(
                // CompletionKey is a ULONG_PTR (8 bytes), not 4.
                new BindingScan.Function(owner, "CreateIoCompletionPort",
                        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT)),
                new BindingScan.Function(owner, "AcceptEx",
                        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                                ADDRESS, ADDRESS)),
                new BindingScan.Function(owner, "NoSuchFunctionAnywhere", FunctionDescriptor.ofVoid()));
        var constants = List.of(
                new BindingScan.Constant(owner, "SIO_GET_EXTENSION_FUNCTION_POINTER", 0xC8000006, 32),
                new BindingScan.Constant(owner, "INFINITE", 0, 32),
                new BindingScan.Constant(owner, "RIO_CORRUPT_CQ", 0xFFFFFFFF, 32),
                new BindingScan.Constant(owner, "NO_SUCH_CONSTANT_ANYWHERE", 1, 32),
                // A pointer-valued macro, ((HANDLE)(LONG_PTR)-1): checked through the C front end.
                new BindingScan.Constant(owner, "INVALID_HANDLE_VALUE", -1, 64),
                new BindingScan.Constant(WindowsConformance.class, "INVALID_HANDLE_VALUE", 0, 64));
        var guids = List.of(
                new BindingScan.Guid(owner, "WSAID_ACCEPTEX", "B5367DF1-CBAC-11CF-95CA-00805F48A192"),
                new BindingScan.Guid(owner, "WSAID_CONNECTEX", "25A207B9-DDF3-4660-8EE9-76E58C74063F"));
        var report = WindowsConformance.check(new BindingScan(List.of(owner), List.of(overlapped, rioBuf),
                functions, constants, guids), OUT.resolve("selftest"));
        report.write(OUT.resolve("selftest-windows.txt"));

        assertEquals("MISMATCH struct OVERLAPPED.hEvent offset expected 24 got 16",
                report.line("struct OVERLAPPED.hEvent offset").text());
        assertEquals("MISMATCH struct OVERLAPPED sizeof expected 32 got 24", report.line("struct OVERLAPPED sizeof").text());
        assertTrue(report.line("struct OVERLAPPED.Internal offset").ok());
        assertTrue(report.line("struct OVERLAPPED.hEvent size").ok());
        assertEquals("OK struct RIO_BUF.Length offset = 12 (doc)", report.line("struct RIO_BUF.Length offset").text());
        String fn = "fn " + owner.getSimpleName() + ".";
        assertEquals("MISMATCH " + fn + "CreateIoCompletionPort param[2] expected 8 non-pointer got 4 non-pointer",
                report.line(fn + "CreateIoCompletionPort param[2]").text());
        assertEquals("OK " + fn + "CreateIoCompletionPort reference = ::CreateIoCompletionPort",
                report.line(fn + "CreateIoCompletionPort reference").text());
        assertEquals("OK " + fn + "AcceptEx reference = LPFN_ACCEPTEX", report.line(fn + "AcceptEx reference").text());
        assertTrue(report.line(fn + "AcceptEx param[7]").ok());
        assertTrue(report.line(fn + "NoSuchFunctionAnywhere reference").text()
                .startsWith("MISMATCH " + fn + "NoSuchFunctionAnywhere reference expected no reference"));
        String c = "const " + owner.getSimpleName() + ".";
        assertEquals("OK " + c + "SIO_GET_EXTENSION_FUNCTION_POINTER = 0xC8000006",
                report.line(c + "SIO_GET_EXTENSION_FUNCTION_POINTER").text());
        assertEquals("MISMATCH " + c + "INFINITE expected 0xFFFFFFFF got 0x0", report.line(c + "INFINITE").text());
        assertEquals("OK " + c + "RIO_CORRUPT_CQ = 0xFFFFFFFF (doc)", report.line(c + "RIO_CORRUPT_CQ").text());
        assertTrue(report.line(c + "NO_SUCH_CONSTANT_ANYWHERE").text().startsWith("MISMATCH " + c
                + "NO_SUCH_CONSTANT_ANYWHERE expected no reference"));
        assertEquals("OK " + c + "INVALID_HANDLE_VALUE = 0xFFFFFFFFFFFFFFFF", report.line(c + "INVALID_HANDLE_VALUE").text());
        assertEquals("MISMATCH const WindowsConformance.INVALID_HANDLE_VALUE expected 0xFFFFFFFFFFFFFFFF got 0x0",
                report.line("const WindowsConformance.INVALID_HANDLE_VALUE").text());
        String g = "guid " + owner.getSimpleName() + ".";
        assertTrue(report.line(g + "WSAID_ACCEPTEX").ok());
        assertEquals("MISMATCH " + g + "WSAID_CONNECTEX expected 25A207B9-DDF3-4660-8EE9-76E58C74063E got "
                + "25A207B9-DDF3-4660-8EE9-76E58C74063F", report.line(g + "WSAID_CONNECTEX").text());
        assertFalse(report.mismatches().isEmpty());
    }
}
