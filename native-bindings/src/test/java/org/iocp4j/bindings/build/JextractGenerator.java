package org.iocp4j.bindings.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.iocp4j.bindings.testing.BindingScan;
import org.iocp4j.bindings.windows.Kernel32;

/**
 * The generation step of the {@code jextract} Maven profile (native-bindings/pom.xml, phase
 * process-test-classes). Writes jextract's {@code --include-*} options for exactly what
 * {@link BindingScan} finds in {@code org.iocp4j.bindings.windows} to {@code OUT/includes.txt}; then,
 * if a {@code jextract} executable is on PATH, generates bindings from the Windows SDK headers into
 * {@code OUT/src} and compiles them into {@code OUT/classes} for {@link JextractComparisonTest}. Without jextract it says so and does nothing
 * more, unless told that jextract is required.
 *
 * <p>Arguments: the header to extract from, the output directory, and {@code true} if a missing
 * jextract is an error.
 */
public final class JextractGenerator {
    /** Package of the generated classes. */
    static final String TARGET_PACKAGE = "org.iocp4j.jextract.windows";
    /** Class holding the generated functions and constants. */
    static final String HEADER_CLASS = "windows_h";

    private static final List<String> LIBRARIES = List.of("kernel32", "ws2_32", "mswsock");

    private JextractGenerator() {
    }

    /**
     * Runs the generation step.
     *
     * @param args header file, output directory, whether jextract is required
     * @throws Exception on any failure, which fails the build
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JextractGenerator <header.h> <output dir> <jextract required: true|false>");
        }
        Path header = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        boolean required = Boolean.parseBoolean(args[2]);

        BindingScan bindings = BindingScan.packageOf(Kernel32.class);
        List<String> includes = includes(bindings);
        Files.createDirectories(out);
        Path includesFile = out.resolve("includes.txt");
        Files.write(includesFile, includes);
        log("%d functions, %d structs/unions, %d constants bound in %s: %d jextract options in %s",
                bindings.functions().size(), bindings.structs().size(), bindings.constants().size(),
                Kernel32.class.getPackageName(), includes.size(), includesFile);

        Optional<Path> jextract = findOnPath();
        if (jextract.isEmpty()) {
            if (required) {
                throw new IllegalStateException("jextract is not on PATH, and iocp4j.jextract.required=true");
            }
            log("jextract is not on PATH: skipping generation; JextractComparisonTest will be skipped");
            return;
        }

        Path sources = out.resolve("src");
        Path classes = out.resolve("classes");
        deleteRecursively(sources);
        deleteRecursively(classes);
        List<String> command = new ArrayList<>(List.of(jextract.get().toString(),
                "@" + includesFile,
                "--output", sources.toString(),
                "--target-package", TARGET_PACKAGE,
                "--header-class-name", HEADER_CLASS));
        for (String library : LIBRARIES) {
            command.add("--library");
            command.add(library);
        }
        command.add(header.toString());
        log("running %s", String.join(" ", command));
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("jextract failed with exit status " + status);
        }
        compile(sources, classes);
        log("generated and compiled into %s", classes);
    }

    /**
     * jextract's {@code --include-*} options for every bound item, one per line and by name within each
     * kind: functions under their own name and their {@code LPFN_} typedef, structs under their tag and
     * typedef, constants by name. jextract ignores names the headers do not declare.
     */
    static List<String> includes(BindingScan bindings) {
        List<String> lines = new ArrayList<>();
        for (BindingScan.Function function : sortedBy(bindings.functions(), BindingScan.Function::name)) {
            lines.add("--include-function " + function.name());
            lines.add("--include-typedef " + function.pointerTypedef());
        }
        for (BindingScan.Struct struct : sortedBy(bindings.structs(), BindingScan.Struct::name)) {
            lines.add((struct.isUnion() ? "--include-union " : "--include-struct ") + struct.tag());
            if (!struct.tag().equals(struct.name())) {
                lines.add("--include-typedef " + struct.name());
            }
        }
        for (BindingScan.Constant constant : sortedBy(bindings.constants(), BindingScan.Constant::name)) {
            lines.add("--include-constant " + constant.name());
        }
        return lines;
    }

    private static <T> List<T> sortedBy(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static void compile(Path sources, Path classes) throws IOException, InterruptedException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("jextract generated no sources in " + sources);
        }
        // javac of the JDK running this step (the build's toolchain), through an argument file: the
        // list of sources would exceed Windows' command-line limit.
        Path argumentFile = sources.resolveSibling("javac-sources.txt");
        Files.write(argumentFile, files.stream().map(file -> '"' + file.replace('\\', '/') + '"').toList());
        Path javac = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "javac.exe" : "javac");
        List<String> command = List.of(javac.toString(), "-d", classes.toString(), "-nowarn", "-proc:none", "@" + argumentFile);
        log("running %s", String.join(" ", command));
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("javac failed with exit status " + status + " on the jextract output in " + sources);
        }
    }

    /** jextract on PATH: {@code jextract} on Unix, {@code jextract.bat} (or .exe/.cmd) on Windows. */
    private static Optional<Path> findOnPath() {
        List<String> names = isWindows() ? List.of("jextract.bat", "jextract.exe", "jextract.cmd") : List.of("jextract");
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(directory).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("[jextract] " + String.format(format, args));
    }
}
