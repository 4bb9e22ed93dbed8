package org.iocp4j.bindings.linux;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iocp4j.bindings.testing.BindingScan;

/**
 * Checks the Linux binding classes against the installed C headers: it describes every struct class,
 * constant and function by reflection, generates a C program that compares each item with what the
 * compiler knows, compiles it with gcc and runs it. Each item yields one line starting {@code OK } or
 * {@code MISMATCH }.
 *
 * <p>Function prototypes come from gcc itself ({@code -aux-info} lists every prototype the headers
 * declare), so parameter counts and the sizes of the real parameter types are the compiler's.
 */
final class LinuxConformance {
    /** The headers every generated program includes, with {@code _GNU_SOURCE} (for accept4, O_DIRECT). */
    static final List<String> HEADERS = List.of("linux/io_uring.h", "linux/time_types.h", "sys/socket.h",
            "netinet/in.h", "netinet/tcp.h", "sys/uio.h", "sys/mman.h", "sys/syscall.h", "sys/eventfd.h",
            "unistd.h", "fcntl.h", "errno.h");

    /** A C struct described by a struct class. */
    record StructItem(String javaClass, String cTag, GroupLayout layout, Map<String, Long> accessorOffsets) {
    }

    /** A constant field: its class, C name, value and Java width in bits. */
    record ConstItem(String javaClass, String name, long value, int bits) {
    }

    /**
     * A function binding: its class and Java name, the C function it calls ({@code syscall} for a system
     * call), the system call number's constant name (or null) and the descriptor.
     */
    record FuncItem(String javaClass, String name, String cSymbol, String syscallConstant,
                    FunctionDescriptor descriptor) {
    }

    /** A prototype as gcc's {@code -aux-info} reports it. */
    record Prototype(String returnType, List<String> parameterTypes, boolean variadic) {
    }

    /** Everything found in the package, by kind; {@code classes} are those with something to check. */
    record Model(List<String> classes, List<StructItem> structs, List<ConstItem> constants, List<FuncItem> functions) {
    }

    private LinuxConformance() {
    }

    // ---- discovery ------------------------------------------------------------------------------------

    /**
     * The items to check for what {@code scan} found: struct classes with their {@code $offset()}
     * accessors, constants, and functions, each told apart by its address as a libc function or a system
     * call made through {@code syscall}.
     */
    static Model describe(BindingScan scan) throws ReflectiveOperationException {
        List<StructItem> structs = new ArrayList<>();
        for (BindingScan.Struct s : scan.structs()) {
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (Method m : s.owner().getMethods()) {
                if (m.getName().endsWith("$offset") && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers())) {
                    offsets.put(m.getName().substring(0, m.getName().length() - "$offset".length()), (Long) m.invoke(null));
                }
            }
            structs.add(new StructItem(s.name(), s.layout().name().orElseThrow(
                    () -> new AssertionError(s.owner() + ".layout() has no name")), s.layout(), offsets));
        }
        List<ConstItem> constants = new ArrayList<>();
        for (BindingScan.Constant k : scan.constants()) {
            constants.add(new ConstItem(k.owner().getSimpleName(), k.name(), k.value(), k.bits()));
        }
        List<FuncItem> functions = new ArrayList<>();
        MemorySegment syscall = Linker.nativeLinker().defaultLookup().find("syscall").orElse(MemorySegment.NULL);
        for (BindingScan.Function f : scan.functions()) {
            String owner = f.owner().getSimpleName();
            MemorySegment address = (MemorySegment) f.owner().getMethod(f.name() + "$address").invoke(null);
            Optional<MemorySegment> own = Linker.nativeLinker().defaultLookup().find(f.name());
            if (own.isPresent() && own.get().equals(address)) {
                functions.add(new FuncItem(owner, f.name(), f.name(), null, f.descriptor()));
            } else if (!syscall.equals(MemorySegment.NULL) && syscall.equals(address)) {
                functions.add(new FuncItem(owner, f.name(), "syscall", "__NR_" + f.name(), f.descriptor()));
            } else {
                functions.add(new FuncItem(owner, f.name(), f.name(), null, f.descriptor()));
            }
        }
        List<String> checked = scan.classes().stream().filter(scan::declaresBindings).map(Class::getSimpleName).toList();
        return new Model(checked, structs, constants, functions);
    }

    /** Cited values of constants newer than the installed header: name to value. */
    static Map<String, Long> citedConstants() throws IOException {
        Map<String, Long> cited = new LinkedHashMap<>();
        try (InputStream in = LinuxConformance.class.getResourceAsStream("/linux/cited-constants.txt")) {
            if (in == null) {
                throw new IOException("test resource /linux/cited-constants.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                cited.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return cited;
    }

    /** Cited kernel prototypes of system calls (arguments after the number), by system call name. */
    static Map<String, Prototype> syscallPrototypes() throws IOException {
        Map<String, Prototype> cited = new LinkedHashMap<>();
        try (InputStream in = LinuxConformance.class.getResourceAsStream("/linux/syscall-prototypes.txt")) {
            if (in == null) {
                throw new IOException("test resource /linux/syscall-prototypes.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\|");
                cited.put(parts[0], new Prototype(parts[1], splitParameters(parts[2]), false));
            }
        }
        return cited;
    }

    // ---- C generation -----------------------------------------------------------------------------------

    private static String includes() {
        StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n");
        HEADERS.forEach(h -> c.append("#include <").append(h).append(">\n"));
        return c.toString();
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The C program comparing {@code model} with the headers, given the prototypes gcc reported. */
    static String program(Model model, Map<String, Long> cited, Map<String, Prototype> prototypes,
                          Map<String, Prototype> syscalls) {
        StringBuilder c = new StringBuilder(includes());
        c.append("""
                #include <stddef.h>
                #include <stdint.h>
                #include <stdio.h>

                static void eq(const char *item, unsigned long long c, unsigned long long java) {
                    printf("%s %s: C=%llu Java=%llu\\n", c == java ? "OK" : "MISMATCH", item, c, java);
                }

                /* A constant matches if the C value equals the Java value read signed or unsigned at its width. */
                static void cnst(const char *item, unsigned long long c, long long java, int bits, const char *from) {
                    unsigned long long mask = bits == 64 ? ~0ULL : (1ULL << bits) - 1;
                    int ok = c == (unsigned long long) java || c == ((unsigned long long) java & mask);
                    printf("%s %s: %s=%llu (0x%llx) Java=%lld\\n", ok ? "OK" : "MISMATCH", item, from, c, c, java);
                }

                int main(void) {
                """);
        for (StructItem s : model.structs()) {
            String type = "struct " + s.cTag();
            String item = s.javaClass();
            c.append("    eq(").append(str(item + " sizeof(" + type + ")")).append(", sizeof(").append(type).append("), ")
                    .append(s.layout().byteSize()).append("ULL);\n");
            c.append("    eq(").append(str(item + " _Alignof(" + type + ")")).append(", _Alignof(").append(type).append("), ")
                    .append(s.layout().byteAlignment()).append("ULL);\n");
            members(c, s, s.layout(), "", 0);
        }
        for (ConstItem k : model.constants()) {
            String item = k.javaClass() + "." + k.name();
            String java = k.value() + "LL";
            if (k.value() == Long.MIN_VALUE) {
                java = "(-9223372036854775807LL - 1)";
            }
            String header = "    cnst(" + str(item) + ", (unsigned long long) (uintptr_t) (" + k.name() + "), " + java
                    + ", " + k.bits() + ", \"header\");\n";
            Long citedValue = cited.get(k.name());
            if (citedValue == null) {
                c.append(header);
            } else {
                c.append("#ifdef ").append(k.name()).append('\n').append(header).append("#else\n")
                        .append("    cnst(").append(str(item)).append(", ").append(Long.toUnsignedString(citedValue))
                        .append("ULL, ").append(java).append(", ").append(k.bits())
                        .append(", \"cited (test resource linux/cited-constants.txt)\");\n#endif\n");
            }
        }
        for (FuncItem f : model.functions()) {
            Prototype p = prototypes.get(f.cSymbol());
            if (p == null) {
                continue;
            }
            String item = f.javaClass() + "." + f.name() + (f.cSymbol().equals(f.name()) ? "" : " via " + f.cSymbol());
            List<MemoryLayout> args = f.descriptor().argumentLayouts();
            int n = Math.min(args.size(), p.parameterTypes().size());
            for (int i = 0; i < n; i++) {
                String t = p.parameterTypes().get(i);
                c.append("    eq(").append(str(item + " parameter " + (i + 1) + " sizeof(" + t + ")"))
                        .append(", sizeof(").append(t).append("), ").append(args.get(i).byteSize()).append("ULL);\n");
            }
            Prototype kernel = f.syscallConstant() == null ? null : syscalls.get(f.name());
            if (kernel != null) {
                int m = Math.min(args.size() - 1, kernel.parameterTypes().size());
                for (int i = 0; i < m; i++) {
                    String t = kernel.parameterTypes().get(i);
                    c.append("    eq(").append(str(item + " system call argument " + (i + 1) + " sizeof(" + t + ")"))
                            .append(", sizeof(").append(t).append("), ").append(args.get(i + 1).byteSize()).append("ULL);\n");
                }
            }
            if (!p.returnType().equals("void")) {
                long javaSize = f.descriptor().returnLayout().map(MemoryLayout::byteSize).orElse(0L);
                c.append("    eq(").append(str(item + " return sizeof(" + p.returnType() + ")")).append(", sizeof(")
                        .append(p.returnType()).append("), ").append(javaSize).append("ULL);\n");
            }
        }
        c.append("    return 0;\n}\n");
        return c.toString();
    }

    /** Offset and size checks of every named member, addressed as C11 does (anonymous levels dropped). */
    private static void members(StringBuilder c, StructItem s, GroupLayout group, String prefix, long base) {
        long offset = 0;
        for (MemoryLayout m : group.memberLayouts()) {
            long at = base + (group instanceof java.lang.foreign.StructLayout ? offset : 0);
            offset += m.byteSize();
            if (m instanceof PaddingLayout || m.name().isEmpty()) {
                continue;
            }
            String name = m.name().get();
            boolean anonymous = name.startsWith("$anon$");
            String path = anonymous ? prefix : prefix + name;
            if (!anonymous) {
                String type = "struct " + s.cTag();
                c.append("    eq(").append(str(s.javaClass() + "." + path + " offsetof")).append(", offsetof(")
                        .append(type).append(", ").append(path).append("), ").append(at).append("ULL);\n");
                boolean flexible = m instanceof SequenceLayout seq && seq.elementCount() == 0;
                if (!flexible) {
                    c.append("    eq(").append(str(s.javaClass() + "." + path + " sizeof")).append(", sizeof(((")
                            .append(type).append(" *) 0)->").append(path).append("), ").append(m.byteSize()).append("ULL);\n");
                }
            }
            if (m instanceof GroupLayout g) {
                members(c, s, g, anonymous ? prefix : path + ".", at);
            }
        }
    }

    // ---- running gcc ------------------------------------------------------------------------------------

    /** Runs a command in {@code dir}; returns its output, or throws with the output if it fails. */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    private static final Pattern AUX = Pattern.compile("^/\\*.*?\\*/\\s*(?:extern\\s+)?(.*?)\\b(\\w+) \\((.*)\\);\\s*$");

    /** The prototypes of {@code names} that the headers declare, as gcc's {@code -aux-info} prints them. */
    static Map<String, Prototype> prototypes(Path dir, String gcc, List<String> names) throws IOException, InterruptedException {
        Path source = dir.resolve("prototypes.c");
        Files.writeString(source, includes());
        Path aux = dir.resolve("prototypes.aux");
        run(dir, List.of(gcc, "-std=gnu11", "-aux-info", aux.toString(), "-c", source.toString(), "-o",
                dir.resolve("prototypes.o").toString()));
        Map<String, Prototype> found = new LinkedHashMap<>();
        for (String line : Files.readAllLines(aux)) {
            Matcher m = AUX.matcher(line);
            if (!m.matches() || !names.contains(m.group(2)) || found.containsKey(m.group(2))) {
                continue;
            }
            List<String> params = splitParameters(m.group(3));
            boolean variadic = !params.isEmpty() && params.getLast().equals("...");
            if (variadic) {
                params = params.subList(0, params.size() - 1);
            }
            if (params.size() == 1 && params.getFirst().equals("void")) {
                params = List.of();
            }
            found.put(m.group(2), new Prototype(m.group(1).strip(), List.copyOf(params), variadic));
        }
        return found;
    }

    private static List<String> splitParameters(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : list.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /**
     * Checks {@code model}: compiles and runs the generated program in {@code dir} with {@code gcc} and adds
     * the checks done on the Java side (parameter counts against the prototypes, accessor offsets against
     * the layout, system call constants present). Returns every line.
     */
    static List<String> check(Model model, Map<String, Long> cited, Map<String, Prototype> syscalls, Path dir,
                              String gcc) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> symbols = model.functions().stream().map(FuncItem::cSymbol).distinct().toList();
        Map<String, Prototype> prototypes = prototypes(dir, gcc, symbols);
        List<String> lines = new ArrayList<>();
        for (FuncItem f : model.functions()) {
            String item = f.javaClass() + "." + f.name() + (f.cSymbol().equals(f.name()) ? "" : " via " + f.cSymbol());
            Prototype p = prototypes.get(f.cSymbol());
            int java = f.descriptor().argumentLayouts().size();
            if (p == null) {
                lines.add("MISMATCH " + item + ": no prototype of " + f.cSymbol() + " in " + HEADERS);
                continue;
            }
            int fixed = p.parameterTypes().size();
            boolean ok = p.variadic() ? java >= fixed : java == fixed;
            lines.add((ok ? "OK " : "MISMATCH ") + item + " parameter count: C=" + fixed + (p.variadic() ? " + ..." : "")
                    + " Java=" + java + " (" + p.returnType() + " " + f.cSymbol() + "(" + String.join(", ", p.parameterTypes())
                    + (p.variadic() ? ", ..." : "") + "))");
            if (f.syscallConstant() != null) {
                boolean has = model.constants().stream().anyMatch(k -> k.name().equals(f.syscallConstant()));
                lines.add((has ? "OK " : "MISMATCH ") + item + ": system call number constant " + f.syscallConstant()
                        + (has ? " present (value checked below)" : " missing"));
                Prototype kernel = syscalls.get(f.name());
                int passed = java - 1;
                boolean same = kernel != null && kernel.parameterTypes().size() == passed;
                lines.add((same ? "OK " : "MISMATCH ") + item + " system call argument count: kernel="
                        + (kernel == null ? "no cited prototype" : kernel.parameterTypes().size() + " (" + kernel.returnType() + " "
                        + f.name() + "(" + String.join(", ", kernel.parameterTypes()) + "))") + " Java=" + passed);
            }
        }
        for (StructItem s : model.structs()) {
            for (Map.Entry<String, Long> e : s.accessorOffsets().entrySet()) {
                Long layoutOffset = offsetOf(s.layout(), e.getKey(), 0);
                boolean ok = layoutOffset != null && layoutOffset.equals(e.getValue());
                lines.add((ok ? "OK " : "MISMATCH ") + s.javaClass() + "." + e.getKey() + "$offset(): accessor="
                        + e.getValue() + " layout=" + layoutOffset);
            }
        }
        Path source = dir.resolve("conformance.c");
        Files.writeString(source, program(model, cited, prototypes, syscalls));
        Path exe = dir.resolve("conformance");
        run(dir, List.of(gcc, "-std=gnu11", "-Wall", "-Werror=implicit-function-declaration", "-o", exe.toString(),
                source.toString()));
        lines.addAll(run(dir, List.of(exe.toString())).lines().toList());
        for (String k : cited.keySet()) {
            boolean used = model.constants().stream().anyMatch(x -> x.name().equals(k));
            if (!used) {
                lines.add("MISMATCH cited constant " + k + " has no Java field");
            }
        }
        return lines;
    }

    /** Offset of the (first) member named {@code name} anywhere in {@code group}, or null. */
    static Long offsetOf(GroupLayout group, String name, long base) {
        long offset = 0;
        for (MemoryLayout m : group.memberLayouts()) {
            long at = base + (group instanceof java.lang.foreign.StructLayout ? offset : 0);
            offset += m.byteSize();
            if (m.name().filter(name::equals).isPresent()) {
                return at;
            }
            if (m instanceof GroupLayout g) {
                Long inner = offsetOf(g, name, at);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** gcc on the PATH, or empty. */
    static Optional<String> gcc() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "gcc");
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    /** Classes that have no line in {@code lines}. */
    static TreeSet<String> unchecked(Model model, List<String> lines) {
        TreeSet<String> missing = new TreeSet<>();
        for (String cls : model.classes()) {
            if (lines.stream().noneMatch(l -> l.matches("(OK|MISMATCH) " + Pattern.quote(cls) + "[. ].*"))) {
                missing.add(cls);
            }
        }
        return missing;
    }
}
