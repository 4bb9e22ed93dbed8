package org.iocp4j.bindings.windows.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iocp4j.bindings.testing.BindingScan;

/**
 * Checks {@link BindingScan} against the mingw-w64 headers (and, for RIO, {@link DocumentedDeclarations}) by
 * compiling generated C++ with the x86_64 Windows cross compiler.
 *
 * <p>Every checked item is one line of C++. The check file holds one {@code static_assert} per item,
 * tagged {@code I<n>}; its failures (attributed by line and tag) are the verdicts. A second file holds,
 * per item, a variable of the incomplete type {@code iocp4j::value_is<values...>}, so that every line
 * fails with an error message that prints the C values; those values go into the report. An item whose
 * symbol the headers do not declare fails in both files and is reported as "no reference".
 */
final class WindowsConformance {
    /**
     * The mingw-w64 C++ compiler for x86_64 Windows; its absence fails the check. On Linux that is the
     * cross compiler; on a Windows host (the windows-latest runners ship MinGW-w64) the native
     * {@code g++} is the same target. {@code -Diocp4j.mingw.cxx=...} names another.
     */
    static final String COMPILER = System.getProperty("iocp4j.mingw.cxx",
            System.getProperty("os.name").startsWith("Windows") ? "g++" : "x86_64-w64-mingw32-g++");
    /** How to get {@link #COMPILER} on Debian. */
    static final String INSTALL_HINT = "apt-get install -y g++-mingw-w64-x86-64";

    private WindowsConformance() {
    }

    /** Formats the C values of an item (as printed by the compiler) the way the Java side is shown. */
    @FunctionalInterface
    interface Format {
        String format(long[] values);
    }

    /**
     * One checked item: a line of C++ ({@code declare}, then the {@code condition} asserted / the
     * {@code values} printed) and the Java side as text.
     */
    record Item(Class<?> owner, String label, String declare, String condition, String values, String java,
                Format format, boolean comparable, boolean doc, BindingScan.Constant constant) {
        Item(Class<?> owner, String label, String declare, String condition, String values, String java,
             Format format, boolean comparable, boolean doc) {
            this(owner, label, declare, condition, values, java, format, comparable, doc, null);
        }
    }

    /** One report line; {@code ok} is the compiler's verdict. */
    record Line(Item item, boolean ok, String text) {
    }

    /** The report: one line per item, in item order. */
    record Report(List<Line> lines) {
        /** The lines that are mismatches. */
        List<Line> mismatches() {
            return lines.stream().filter(l -> !l.ok()).toList();
        }

        /** The line for {@code label}, which must exist exactly once. */
        Line line(String label) {
            List<Line> found = lines.stream().filter(l -> l.item().label().equals(label)).toList();
            if (found.size() != 1) {
                throw new IllegalArgumentException(found.size() + " report lines for " + label);
            }
            return found.get(0);
        }

        /** Writes the lines to {@code file}. */
        void write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            Files.write(file, lines.stream().map(Line::text).toList(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------ items

    /** All items for {@code b}, in a stable order. */
    static List<Item> items(BindingScan b) {
        List<Item> items = new ArrayList<>();
        for (BindingScan.Struct s : b.structs()) {
            structItems(s, items);
        }
        int fn = 0;
        for (BindingScan.Function f : b.functions()) {
            functionItems(f, "F" + fn++, items);
        }
        for (BindingScan.Constant c : b.constants()) {
            items.add(constantItem(c));
        }
        for (BindingScan.Guid g : b.guids()) {
            items.add(guidItem(g));
        }
        return items;
    }

    private static final Format NUMBER = v -> Long.toString(v[0]);
    private static final Format SIZE_KIND = v -> v[0] < 0 ? "no such parameter"
            : v[0] + (v[1] != 0 ? " pointer" : " non-pointer");

    private static boolean doc(String name) {
        return DocumentedDeclarations.NAMES.contains(name);
    }

    private static void structItems(BindingScan.Struct s, List<Item> items) {
        boolean doc = doc(s.name());
        String t = (doc ? "doc::" : "::") + s.name();
        GroupLayout l = s.layout();
        items.add(new Item(s.owner(), "struct " + s.name() + " sizeof", "", "sizeof(" + t + ") == " + l.byteSize(),
                "sizeof(" + t + ")", Long.toString(l.byteSize()), NUMBER, true, doc));
        items.add(new Item(s.owner(), "struct " + s.name() + " alignof", "", "alignof(" + t + ") == " + l.byteAlignment(),
                "alignof(" + t + ")", Long.toString(l.byteAlignment()), NUMBER, true, doc));
        members(s, t, doc, l, "", 0, items);
    }

    /** Items for the members of {@code group}, C11-style: anonymous levels ({@code $anon$N}) are skipped. */
    private static void members(BindingScan.Struct s, String t, boolean doc, GroupLayout group, String prefix,
                                long base, List<Item> items) {
        long offset = base;
        for (MemoryLayout m : group.memberLayouts()) {
            long at = group instanceof UnionLayout ? base : offset;
            offset += m.byteSize();
            if (m instanceof PaddingLayout) {
                continue;
            }
            String name = m.name().orElseThrow(() -> new IllegalArgumentException(
                    s.name() + ": unnamed member at offset " + at + " (name anonymous levels $anon$N)"));
            if (name.startsWith("$anon$")) {
                if (!(m instanceof GroupLayout g)) {
                    throw new IllegalArgumentException(s.name() + ": anonymous member " + name + " is not a struct/union");
                }
                members(s, t, doc, g, prefix, at, items);
                continue;
            }
            String path = prefix + name;
            String label = "struct " + s.name() + "." + path;
            items.add(new Item(s.owner(), label + " offset", "", "offsetof(" + t + ", " + path + ") == " + at,
                    "offsetof(" + t + ", " + path + ")", Long.toString(at), NUMBER, true, doc));
            boolean pointer = m instanceof AddressLayout;
            String field = "IOCP4J_FIELD(" + t + ", " + path + ")";
            items.add(new Item(s.owner(), label + " size", "",
                    "sizeof(" + field + ") == " + m.byteSize() + " && std::is_pointer_v<" + field + "> == " + pointer,
                    "sizeof(" + field + "), std::is_pointer_v<" + field + ">",
                    SIZE_KIND.format(new long[] {m.byteSize(), pointer ? 1 : 0}), SIZE_KIND, true, doc));
            if (m instanceof GroupLayout g) {
                members(s, t, doc, g, path + ".", at, items);
            } else if (!(m instanceof ValueLayout || m instanceof SequenceLayout)) {
                throw new IllegalArgumentException(label + ": unexpected layout " + m);
            }
        }
    }

    private static void functionItems(BindingScan.Function f, String alias, List<Item> items) {
        String typedef = f.pointerTypedef();
        boolean doc = doc(typedef);
        String pick = doc ? "iocp4j::pick<doc::" + typedef + ", iocp4j::absent>"
                : "iocp4j::pick<::" + typedef + ", decltype(&::" + f.name() + ")>";
        String label = "fn " + f.owner().getSimpleName() + "." + f.name();
        String[] sources = {"no reference (neither " + typedef + " nor ::" + f.name() + ")", typedef, "::" + f.name()};
        items.add(new Item(f.owner(), label + " reference", "using " + alias + " = " + pick + ";",
                alias + "::source != 0", alias + "::source", f.name() + "$descriptor()",
                v -> sources[(int) v[0]], false, doc));
        FunctionDescriptor d = f.descriptor();
        Format arity = v -> v[0] < 0 ? "no reference" : Long.toString(v[0]);
        items.add(new Item(f.owner(), label + " arity", "", alias + "::fn::arity == " + d.argumentLayouts().size(),
                alias + "::fn::arity", Integer.toString(d.argumentLayouts().size()), arity, true, doc));
        for (int i = 0; i < d.argumentLayouts().size(); i++) {
            MemoryLayout p = d.argumentLayouts().get(i);
            boolean pointer = p instanceof AddressLayout;
            items.add(new Item(f.owner(), label + " param[" + i + "]", "",
                    alias + "::fn::param_size<" + i + ">() == " + p.byteSize() + " && " + alias + "::fn::param_ptr<" + i
                            + ">() == " + pointer,
                    alias + "::fn::param_size<" + i + ">(), " + alias + "::fn::param_ptr<" + i + ">()",
                    SIZE_KIND.format(new long[] {p.byteSize(), pointer ? 1 : 0}), SIZE_KIND, true, doc));
        }
        long retSize = d.returnLayout().map(MemoryLayout::byteSize).orElse(0L);
        boolean retPointer = d.returnLayout().filter(r -> r instanceof AddressLayout).isPresent();
        Format ret = v -> v[0] < 0 ? "no reference" : v[0] == 0 ? "void" : SIZE_KIND.format(v);
        items.add(new Item(f.owner(), label + " return", "",
                alias + "::fn::ret_size == " + retSize + " && " + alias + "::fn::ret_ptr == " + retPointer,
                alias + "::fn::ret_size, " + alias + "::fn::ret_ptr",
                ret.format(new long[] {retSize, retPointer ? 1 : 0}), ret, true, doc));
    }

    private static Item constantItem(BindingScan.Constant c) {
        boolean doc = doc(c.name());
        String expr = doc ? "doc::" + c.name() : c.name();
        long mask = c.bits() == 64 ? -1L : (1L << c.bits()) - 1;
        Format format = v -> {
            String hex = "0x" + Long.toHexString(v[0] & mask).toUpperCase(Locale.ROOT);
            boolean fits = c.bits() == 64 || (v[0] >= -(1L << (c.bits() - 1)) && v[0] <= mask);
            return fits ? hex : v[0] + " (does not fit " + c.bits() + " bits)";
        };
        return new Item(c.owner(), "const " + c.owner().getSimpleName() + "." + c.name(), "",
                "iocp4j::same_bits<" + c.bits() + ">(" + expr + ", 0x" + Long.toHexString(c.value() & mask) + "ULL)",
                "(long long)(" + expr + ")", format.format(new long[] {c.value()}), format, true, doc, c);
    }

    private static final Pattern GUID = Pattern.compile(
            "([0-9A-Fa-f]{8})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{12})");

    /** The 11 GUID components (Data1, Data2, Data3, Data4[0..7]) of a registry-format string. */
    static long[] guidComponents(String where, String value) {
        Matcher m = GUID.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": not a registry-format GUID: \"" + value + "\"");
        }
        long[] v = new long[11];
        v[0] = Long.parseLong(m.group(1), 16);
        v[1] = Long.parseLong(m.group(2), 16);
        v[2] = Long.parseLong(m.group(3), 16);
        String d4 = m.group(4) + m.group(5);
        for (int i = 0; i < 8; i++) {
            v[3 + i] = Long.parseLong(d4.substring(2 * i, 2 * i + 2), 16);
        }
        return v;
    }

    private static final Format GUID_TEXT = v -> String.format(Locale.ROOT,
            "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
            v[9], v[10]);

    private static Item guidItem(BindingScan.Guid g) {
        boolean doc = doc(g.name());
        String label = "guid " + g.owner().getSimpleName() + "." + g.name();
        long[] v = guidComponents(label, g.value());
        String expr = doc ? "(doc::" + g.name() + ")" : "(GUID " + g.name() + ")";
        StringBuilder literal = new StringBuilder("GUID{0x" + Long.toHexString(v[0]) + ", 0x" + Long.toHexString(v[1])
                + ", 0x" + Long.toHexString(v[2]) + ", {");
        StringBuilder values = new StringBuilder("(long long)" + expr + ".Data1, (long long)" + expr
                + ".Data2, (long long)" + expr + ".Data3");
        for (int i = 0; i < 8; i++) {
            literal.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(v[3 + i]));
            values.append(", (long long)").append(expr).append(".Data4[").append(i).append("]");
        }
        literal.append("}}");
        return new Item(g.owner(), label, "", "iocp4j::same_guid(" + expr + ", " + literal + ")", values.toString(),
                GUID_TEXT.format(v), GUID_TEXT, true, doc);
    }

    // ------------------------------------------------------------------------------------ C++ source

    private static final String PRELUDE = """
            // Generated by WindowsConformanceTest from the org.iocp4j.bindings.windows classes. Do not edit.
            #define _WIN32_WINNT 0x0A00
            #include <winsock2.h>
            #include <ws2tcpip.h>
            #include <windows.h>
            #include <mswsock.h>
            #include <mstcpip.h>
            #include <cstddef>
            #include <tuple>
            #include <type_traits>

            namespace iocp4j {
            struct absent {};
            // Never defined: declaring a variable of it is an error whose message prints V...
            template<auto... V> struct value_is;

            template<typename T> constexpr long long size_of() {
              if constexpr (std::is_void_v<T>) return 0; else return sizeof(T);
            }
            // Function traits; the primary template is "no such function" (absent).
            template<typename F> struct fn {
              static constexpr long long arity = -1;
              template<int I> static constexpr long long param_size() { return -1; }
              template<int I> static constexpr bool param_ptr() { return false; }
              static constexpr long long ret_size = -1;
              static constexpr bool ret_ptr = false;
            };
            template<typename R, typename... A> struct fn<R(A...)> {
              static constexpr long long arity = sizeof...(A);
              template<int I> static constexpr long long param_size() {
                if constexpr (I < sizeof...(A)) return sizeof(std::tuple_element_t<I, std::tuple<A...>>); else return -1;
              }
              template<int I> static constexpr bool param_ptr() {
                if constexpr (I < sizeof...(A)) return std::is_pointer_v<std::tuple_element_t<I, std::tuple<A...>>>;
                else return false;
              }
              static constexpr long long ret_size = size_of<R>();
              static constexpr bool ret_ptr = std::is_pointer_v<R>;
            };
            template<typename P> constexpr bool is_fn_ptr = std::is_pointer_v<P> && std::is_function_v<std::remove_pointer_t<P>>;
            // The reference for a function: the LPFN_ typedef A if declared, else the prototype B (source 1, 2; 0: none).
            template<typename A, typename B> struct pick {
              static constexpr int source = is_fn_ptr<A> ? 1 : is_fn_ptr<B> ? 2 : 0;
              using type = std::conditional_t<is_fn_ptr<A>, std::remove_pointer_t<A>,
                  std::conditional_t<is_fn_ptr<B>, std::remove_pointer_t<B>, absent>>;
              using fn = iocp4j::fn<type>;
            };
            // Same bit pattern in the Java field's width; the C value must fit that width, signed or unsigned.
            template<int Bits, typename T> constexpr bool same_bits(T v, unsigned long long expected) {
              if constexpr (std::is_enum_v<T>) {
                return same_bits<Bits>(static_cast<std::underlying_type_t<T>>(v), expected);
              } else if constexpr (!std::is_integral_v<T>) {
                return false;
              } else {
                constexpr unsigned long long mask = Bits == 64 ? ~0ULL : ((1ULL << Bits) - 1);
                bool fits = Bits == 64;
                if constexpr (std::is_signed_v<T>) {
                  fits = fits || ((long long) v >= -(1LL << (Bits - 1)) && (long long) v <= (long long) mask);
                } else {
                  fits = fits || (unsigned long long) v <= mask;
                }
                return fits && (((unsigned long long) v) & mask) == expected;
              }
            }
            constexpr bool same_guid(const GUID &a, const GUID &b) {
              if (a.Data1 != b.Data1 || a.Data2 != b.Data2 || a.Data3 != b.Data3) return false;
              for (int i = 0; i < 8; i++) if (a.Data4[i] != b.Data4[i]) return false;
              return true;
            }
            }
            #define IOCP4J_FIELD(T, m) std::remove_reference_t<decltype(std::declval<T &>().m)>
            """;

    /** The generated file: its text and, per item, its line number (1-based). */
    private record Source(String text, Map<Integer, Integer> itemAtLine) {
    }

    private static final Pattern PICK = Pattern.compile("iocp4j::pick<::(\\w+), decltype\\(&::(\\w+)\\)>");

    private static Source source(List<Item> items, boolean values) {
        StringBuilder cpp = new StringBuilder(PRELUDE).append(DocumentedDeclarations.CPP);
        // Fallbacks, found only where the headers declare nothing (qualified lookup of ::X reaches a
        // namespace nominated by a using-directive only when the global namespace has no X).
        Set<String> fallbacks = new LinkedHashSet<>();
        for (Item it : items) {
            Matcher m = PICK.matcher(it.declare());
            if (m.find()) {
                fallbacks.add("using " + m.group(1) + " = iocp4j::absent;");
                fallbacks.add("inline constexpr iocp4j::absent " + m.group(2) + "{};");
            }
        }
        cpp.append("namespace iocp4j_fallback {\n");
        fallbacks.forEach(f -> cpp.append(f).append('\n'));
        cpp.append("}\nusing namespace iocp4j_fallback;\n");
        Map<Integer, Integer> lines = new HashMap<>();
        int line = (int) cpp.chars().filter(c -> c == '\n').count();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String tag = "I" + i;
            cpp.append(it.declare()).append(it.declare().isEmpty() ? "" : " ");
            cpp.append(values
                    ? "iocp4j::value_is<" + castAll(it.values()) + "> v_" + tag + ";"
                    : "static_assert(" + it.condition() + ", \"" + tag + "\");");
            cpp.append('\n');
            lines.put(++line, i);
        }
        return new Source(cpp.toString(), lines);
    }

    /** Casts each top-level comma-separated expression to {@code long long}, so the compiler prints plain integers. */
    private static String castAll(String values) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < values.length(); i++) {
            char ch = values.charAt(i);
            if (ch == '(' || ch == '<' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == '>' || ch == ']' || ch == '}') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(values.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(values.substring(start).trim());
        return String.join(", ", parts.stream().map(p -> "(long long)(" + p + ")").toList());
    }

    // ----------------------------------------------------------------------------------- compiling

    private static final Pattern ERROR = Pattern.compile("^(.*?):(\\d+):(\\d+): error: (.*)$");
    private static final Pattern VALUE = Pattern.compile("value_is<([-0-9, ]*)> v_I(\\d+)");

    /** Compiler errors per source line. */
    private static Map<Integer, List<String>> compile(Path file, String... language) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(COMPILER));
        command.addAll(List.of(language));
        command.addAll(List.of("-fsyntax-only", "-fmax-errors=0", "-w", file.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(file.getParent().toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(COMPILER + " not found; install the mingw-w64 C++ cross compiler: "
                    + INSTALL_HINT, e);
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        return errors(file, out);
    }

    /**
     * The errors in {@code out} (the compiler's output for {@code file}) per source line of {@code file}.
     * Split on any line break: MinGW's g++ on Windows ends lines with CRLF, and a line that keeps its
     * '\r' does not {@code matches()} {@code ERROR}: no error would be seen at all, mismatches included
     * (and the '\r' must not end up in the error text either).
     */
    static Map<Integer, List<String>> errors(Path file, String out) {
        Map<Integer, List<String>> errors = new HashMap<>();
        String name = file.getFileName().toString();
        for (String l : out.split("\\R")) {
            Matcher m = ERROR.matcher(l);
            if (m.matches()) {
                if (!m.group(1).endsWith(name)) {
                    throw new IllegalStateException("error outside the generated lines (" + file + "):\n" + out);
                }
                errors.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>()).add(m.group(4));
            }
        }
        return errors;
    }

    /** Generates, compiles and reports, writing the generated files into {@code dir}. */
    static Report check(BindingScan bindings, Path dir) throws IOException, InterruptedException {
        List<Item> items = items(bindings);
        Files.createDirectories(dir);
        Source asserts = source(items, false);
        Source values = source(items, true);
        Path checkFile = dir.resolve("windows-check.cpp");
        Path valuesFile = dir.resolve("windows-values.cpp");
        Files.writeString(checkFile, asserts.text());
        Files.writeString(valuesFile, values.text());

        Map<Integer, List<String>> failed = attribute(checkFile, compile(checkFile, "-std=c++17"), asserts);
        Map<Integer, List<String>> printed = attribute(valuesFile, compile(valuesFile, "-std=c++17"), values);

        Map<Integer, Verdict> verdicts = new HashMap<>();
        List<Integer> pointerValued = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> errs = failed.getOrDefault(i, List.of());
            for (String e : errs) {
                if (e.startsWith("static assertion failed: ") && !e.equals("static assertion failed: I" + i)) {
                    throw new IllegalStateException("line of I" + i + " failed with another tag: " + e);
                }
            }
            long[] c = null;
            String reason = errs.isEmpty() ? null : errs.get(0);
            for (String e : printed.getOrDefault(i, List.of())) {
                Matcher m = VALUE.matcher(e);
                if (m.find() && Integer.parseInt(m.group(2)) == i) {
                    c = Arrays.stream(m.group(1).split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
                } else {
                    reason = e;
                    if (items.get(i).constant() != null && !items.get(i).doc() && e.contains("reinterpret_cast")) {
                        pointerValued.add(i);
                    }
                }
            }
            verdicts.put(i, new Verdict(errs.isEmpty(), c, reason));
        }
        if (!pointerValued.isEmpty()) {
            verdicts.putAll(checkInC(items, pointerValued, dir));
        }

        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Verdict v = verdicts.get(i);
            String doc = it.doc() ? " (doc)" : "";
            String cText = v.c() != null ? it.format().format(v.c()) : "no reference: " + v.reason();
            if (v.ok() && v.c() == null) {
                throw new IllegalStateException("I" + i + " (" + it.label() + ") passed but no C value was printed");
            }
            if (v.ok() && it.comparable() && !cText.equals(it.java())) {
                throw new IllegalStateException("I" + i + " (" + it.label() + ") passed but C " + cText + " != Java " + it.java());
            }
            lines.add(new Line(it, v.ok(), v.ok()
                    ? "OK " + it.label() + " = " + cText + doc
                    : "MISMATCH " + it.label() + " expected " + cText + " got " + it.java() + doc));
        }
        return new Report(lines);
    }

    /** The compiler's verdict on one item: asserted OK, the C values printed (null: none), the first error. */
    private record Verdict(boolean ok, long[] c, String reason) {
    }

    private static final Pattern CHUNK = Pattern.compile("char \\(\\*\\)\\[(\\d+)\\]");

    /**
     * Constants whose header value is a pointer cast (e.g. {@code INVALID_HANDLE_VALUE},
     * {@code ((HANDLE)(LONG_PTR)-1)}), which C++ cannot evaluate at compile time, are checked by GCC's C
     * front end, which folds such casts in {@code _Static_assert}. C has no template to print a value, so
     * each 16-bit chunk of it becomes the bound of an array type named in an error message.
     */
    private static Map<Integer, Verdict> checkInC(List<Item> items, List<Integer> which, Path dir)
            throws IOException, InterruptedException {
        StringBuilder check = new StringBuilder("#define _WIN32_WINNT 0x0A00\n#include <winsock2.h>\n"
                + "#include <ws2tcpip.h>\n#include <windows.h>\n#include <mswsock.h>\n#include <mstcpip.h>\n");
        StringBuilder values = new StringBuilder(check);
        Map<Integer, Integer> lines = new HashMap<>();
        int line = (int) check.chars().filter(ch -> ch == '\n').count();
        for (int i : which) {
            BindingScan.Constant c = items.get(i).constant();
            String v = "(long long)(" + c.name() + ")";
            long mask = c.bits() == 64 ? -1L : (1L << c.bits()) - 1;
            String fits = c.bits() == 64 ? "1" : v + " >= " + -(1L << (c.bits() - 1)) + "LL && " + v + " <= " + mask + "LL";
            check.append("_Static_assert(").append(fits).append(" && ((unsigned long long)").append(v).append(" & 0x")
                    .append(Long.toHexString(mask)).append("ULL) == 0x").append(Long.toHexString(c.value() & mask))
                    .append("ULL, \"I").append(i).append("\");\n");
            for (int k = 0; k < 4; k++) {
                values.append("char (*v_I").append(i).append('_').append(k).append(")[(((unsigned long long)").append(v)
                        .append(" >> ").append(16 * k).append(") & 0xFFFF) + 1] = 1.0; ");
            }
            values.append('\n');
            lines.put(++line, i);
        }
        Path checkFile = dir.resolve("windows-check-pointers.c");
        Path valuesFile = dir.resolve("windows-values-pointers.c");
        Files.writeString(checkFile, check);
        Files.writeString(valuesFile, values);
        Map<Integer, List<String>> failed = compile(checkFile, "-x", "c", "-std=c11");
        Map<Integer, List<String>> printed = compile(valuesFile, "-x", "c", "-std=c11");
        Map<Integer, Verdict> verdicts = new HashMap<>();
        for (var e : lines.entrySet()) {
            List<String> errs = failed.getOrDefault(e.getKey(), List.of());
            long value = 0;
            int chunks = 0;
            String reason = errs.isEmpty() ? null : errs.get(0);
            for (String msg : printed.getOrDefault(e.getKey(), List.of())) {
                Matcher m = CHUNK.matcher(msg);
                if (m.find()) {
                    value |= (Long.parseLong(m.group(1)) - 1) << (16 * chunks++);
                } else {
                    reason = msg;
                }
            }
            verdicts.put(e.getValue(), new Verdict(errs.isEmpty(), chunks == 4 ? new long[] {value} : null, reason));
        }
        return verdicts;
    }

    /** Errors per item index; an error on a line that is no item's line is a generator or header problem. */
    private static Map<Integer, List<String>> attribute(Path file, Map<Integer, List<String>> errors, Source s) {
        Map<Integer, List<String>> byItem = new HashMap<>();
        errors.forEach((line, list) -> {
            Integer item = s.itemAtLine().get(line);
            if (item == null) {
                throw new IllegalStateException(file + ":" + line + " is not an item line: " + list);
            }
            byItem.put(item, list);
        });
        return byItem;
    }
}
