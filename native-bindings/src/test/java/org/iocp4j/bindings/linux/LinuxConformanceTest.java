package org.iocp4j.bindings.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iocp4j.bindings.testing.BindingScan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Linux conformance test: every struct class, constant and function of
 * {@code org.iocp4j.bindings.linux} against the installed headers (linux-libc-dev, libc6-dev), through a
 * C program compiled with gcc. Writes {@code target/conformance/linux.txt}.
 */
class LinuxConformanceTest {
    /** Classes the io_uring backend relies on; the check fails if any of them was not checked. */
    private static final Set<String> REQUIRED = Set.of("IoUring", "Libc", "IoUringConstants", "LinuxConstants",
            "Errno", "io_uring_params", "io_sqring_offsets", "io_cqring_offsets", "io_uring_sqe", "io_uring_cqe",
            "io_uring_buf", "io_uring_buf_ring", "io_uring_buf_reg", "__kernel_timespec", "sockaddr_in",
            "sockaddr_in6", "sockaddr_storage", "iovec", "msghdr");

    private static String gcc;
    private static Path dir;

    @BeforeAll
    static void linuxWithGcc() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "the Linux conformance test compiles against the Linux headers; this is "
                        + System.getProperty("os.name"));
        gcc = LinuxConformance.gcc().orElseGet(() -> fail(
                "gcc is not on the PATH: install the Debian packages gcc and linux-libc-dev (apt-get install gcc linux-libc-dev)"));
        dir = Path.of(System.getProperty("basedir", "."), "target", "conformance");
    }

    @Test
    void bindingsMatchTheHeaders() throws Exception {
        LinuxConformance.Model model = LinuxConformance.describe(BindingScan.packageOf(Libc.class));
        List<String> lines = LinuxConformance.check(model, LinuxConformance.citedConstants(),
                LinuxConformance.syscallPrototypes(), dir.resolve("linux-work"), gcc);
        Files.createDirectories(dir);
        Files.write(dir.resolve("linux.txt"), lines);

        assertFalse(lines.isEmpty(), "the conformance check produced no lines");
        TreeSet<String> missingRequired = new TreeSet<>(REQUIRED);
        missingRequired.removeAll(model.classes());
        assertTrue(missingRequired.isEmpty(), "classes not found or with nothing to check: " + missingRequired);
        TreeSet<String> unchecked = LinuxConformance.unchecked(model, lines);
        assertTrue(unchecked.isEmpty(), "classes without a line in linux.txt: " + unchecked);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("OK ") || l.startsWith("MISMATCH ")),
                "every line starts with OK or MISMATCH");
        List<String> mismatches = lines.stream().filter(l -> l.startsWith("MISMATCH ")).toList();
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches (see " + dir.resolve("linux.txt") + "):\n"
                + String.join("\n", mismatches));
    }

    /**
     * The comparison can fail: a struct with a wrong layout, a wrong constant, an accessor offset that
     * disagrees with its layout and a function with a missing parameter each yield MISMATCH, while their
     * correct counterparts yield OK.
     */
    @Test
    void wrongDescriptionsAreReported() throws Exception {
        GroupLayout wrongSockaddrIn = MemoryLayout.structLayout(
                ValueLayout.JAVA_SHORT.withName("sin_family"),
                MemoryLayout.paddingLayout(2),
                ValueLayout.JAVA_INT.withName("sin_port"),
                ValueLayout.JAVA_INT.withName("sin_addr")).withName("sockaddr_in");
        LinuxConformance.Model model = new LinuxConformance.Model(
                List.of("selfcheck_bad", "selfcheck_good"),
                List.of(new LinuxConformance.StructItem("selfcheck_bad", "sockaddr_in", wrongSockaddrIn,
                                Map.of("sin_family", 0L, "sin_addr", 6L)),
                        new LinuxConformance.StructItem("selfcheck_good", "sockaddr_in", sockaddr_in.layout(),
                                Map.of("sin_port", sockaddr_in.sin_port$offset()))),
                List.of(new LinuxConformance.ConstItem("selfcheck_bad", "AF_INET6", LinuxConstants.AF_INET, 32),
                        new LinuxConformance.ConstItem("selfcheck_good", "AF_INET", LinuxConstants.AF_INET, 32),
                        new LinuxConformance.ConstItem("selfcheck_good", "__NR_io_uring_register",
                                IoUringConstants.__NR_io_uring_register, 64),
                        new LinuxConformance.ConstItem("selfcheck_bad", "IORING_OFF_MMAP_MASK", 0xf8000001L, 64)),
                List.of(new LinuxConformance.FuncItem("selfcheck_bad", "socket", "socket", null,
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)),
                        new LinuxConformance.FuncItem("selfcheck_bad", "read", "read", null,
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                                        ValueLayout.JAVA_INT)),
                        new LinuxConformance.FuncItem("selfcheck_good", "bind", "bind", null, Libc.bind$descriptor()),
                        new LinuxConformance.FuncItem("selfcheck_bad", "io_uring_enter", "syscall", "__NR_io_uring_enter",
                                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                                        ValueLayout.JAVA_INT)),
                        new LinuxConformance.FuncItem("selfcheck_bad", "io_uring_setup", "syscall", "__NR_io_uring_setup",
                                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)),
                        new LinuxConformance.FuncItem("selfcheck_good", "io_uring_register", "syscall",
                                "__NR_io_uring_register", IoUring.io_uring_register$descriptor())));
        List<String> lines = LinuxConformance.check(model, Map.of(), LinuxConformance.syscallPrototypes(),
                dir.resolve("selfcheck-work"), gcc);

        List<String> bad = lines.stream().filter(l -> l.contains("selfcheck_bad")).toList();
        List<String> good = lines.stream().filter(l -> l.contains("selfcheck_good")).toList();
        assertTrue(good.stream().allMatch(l -> l.startsWith("OK ")), "correct items: " + good);
        for (String expected : List.of("selfcheck_bad sizeof(struct sockaddr_in)", "selfcheck_bad.sin_port offsetof",
                "selfcheck_bad.sin_port sizeof", "selfcheck_bad.sin_addr offsetof", "selfcheck_bad.sin_addr$offset()",
                "selfcheck_bad.AF_INET6", "selfcheck_bad.IORING_OFF_MMAP_MASK", "selfcheck_bad.socket parameter count",
                "selfcheck_bad.read parameter 3 sizeof(size_t)", "selfcheck_bad.read return sizeof(ssize_t)",
                "selfcheck_bad.io_uring_enter via syscall system call argument 6 sizeof(size_t)",
                "selfcheck_bad.io_uring_setup via syscall system call argument count",
                "selfcheck_bad.io_uring_enter via syscall: system call number constant __NR_io_uring_enter missing")) {
            assertTrue(bad.stream().anyMatch(l -> l.startsWith("MISMATCH " + expected)),
                    "expected a MISMATCH for " + expected + " in:\n" + String.join("\n", bad));
        }
        assertEquals(0, bad.stream().filter(l -> l.contains("sin_family offsetof")).filter(l -> l.startsWith("MISMATCH")).count(),
                "sin_family is right even in the wrong layout");
    }
}
