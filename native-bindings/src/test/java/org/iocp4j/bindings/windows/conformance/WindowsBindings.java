package org.iocp4j.bindings.windows.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iocp4j.bindings.windows.Kernel32;

/**
 * Everything the Windows binding package declares that has a C counterpart, found by reflection over
 * the classes of {@code org.iocp4j.bindings.windows} (no hand-written list), following BINDINGS.md:
 * struct classes (public static {@code layout()} returning a {@link GroupLayout}; C typedef = simple
 * name), functions (public static {@code NAME$descriptor()}; C name = NAME), constants (public static
 * final int/long/short fields of classes named {@code *Constants} or {@code *Errors}) and GUIDs (public
 * static final String fields of {@code WinsockGuids}).
 *
 * @param classes   every top-level class of the package, whether or not it declared something
 * @param structs   struct layouts
 * @param functions function descriptors
 * @param constants integer constants
 * @param guids     GUIDs in registry format
 */
record WindowsBindings(List<Class<?>> classes, List<Struct> structs, List<Function> functions,
                       List<Constant> constants, List<Guid> guids) {

    static final String PACKAGE = Kernel32.class.getPackageName();
    static final String GUIDS_CLASS = "WinsockGuids";

    /** A struct class: the C typedef {@code name} and its Java layout. */
    record Struct(Class<?> owner, String name, GroupLayout layout) {
    }

    /** A function: C name and the descriptor of the C function (without the call-state argument). */
    record Function(Class<?> owner, String name, FunctionDescriptor descriptor) {
    }

    /** A constant of {@code bits} width (16, 32 or 64) and its Java value, sign-extended. */
    record Constant(Class<?> owner, String name, long value, int bits) {
    }

    /** A GUID constant, {@code value} in registry format ({@code B5367DF1-CBAC-11CF-95CA-00805F48A192}). */
    record Guid(Class<?> owner, String name, String value) {
    }

    /** Scans the package as compiled into the module (or class-path directory/jar) under test. */
    static WindowsBindings scan() {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames()) {
            try {
                classes.add(Class.forName(name, false, Kernel32.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return of(classes);
    }

    /** The bindings declared by {@code classes}. */
    static WindowsBindings of(List<Class<?>> classes) {
        List<Struct> structs = new ArrayList<>();
        List<Function> functions = new ArrayList<>();
        List<Constant> constants = new ArrayList<>();
        List<Guid> guids = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : sorted(c.getDeclaredMethods())) {
                if (!isPublicStatic(m) || m.getParameterCount() != 0) {
                    continue;
                }
                if (m.getName().equals("layout") && GroupLayout.class.isAssignableFrom(m.getReturnType())) {
                    structs.add(new Struct(c, c.getSimpleName(), (GroupLayout) invoke(m)));
                } else if (m.getName().endsWith("$descriptor") && m.getReturnType() == FunctionDescriptor.class) {
                    String name = m.getName().substring(0, m.getName().length() - "$descriptor".length());
                    functions.add(new Function(c, name, (FunctionDescriptor) invoke(m)));
                }
            }
            boolean constantClass = c.getSimpleName().endsWith("Constants") || c.getSimpleName().endsWith("Errors");
            boolean guidClass = c.getSimpleName().equals(GUIDS_CLASS);
            for (Field f : sorted(c.getDeclaredFields())) {
                int mod = f.getModifiers();
                if (!Modifier.isPublic(mod) || !Modifier.isStatic(mod) || !Modifier.isFinal(mod)) {
                    continue;
                }
                if (constantClass && bitsOf(f.getType()) > 0) {
                    constants.add(new Constant(c, f.getName(), ((Number) read(f)).longValue(), bitsOf(f.getType())));
                } else if (guidClass && f.getType() == String.class) {
                    guids.add(new Guid(c, f.getName(), (String) read(f)));
                }
            }
        }
        return new WindowsBindings(List.copyOf(classes), structs, functions, constants, guids);
    }

    /** Whether the conventions make {@code c} a class whose declarations must be checked. */
    static boolean mustBeCovered(Class<?> c, WindowsBindings b) {
        String n = c.getSimpleName();
        return n.endsWith("Constants") || n.endsWith("Errors") || n.equals(GUIDS_CLASS)
                || b.structs.stream().anyMatch(s -> s.owner == c)
                || b.functions.stream().anyMatch(f -> f.owner == c);
    }

    private static int bitsOf(Class<?> type) {
        if (type == int.class) {
            return 32;
        }
        if (type == long.class) {
            return 64;
        }
        return type == short.class ? 16 : 0;
    }

    private static boolean isPublicStatic(Method m) {
        return Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers());
    }

    private static <T extends java.lang.reflect.Member> List<T> sorted(T[] members) {
        return Stream.of(members).sorted(Comparator.comparing(java.lang.reflect.Member::getName)).toList();
    }

    private static Object invoke(Method m) {
        try {
            return m.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(m.getDeclaringClass().getSimpleName() + "." + m.getName() + "() failed", e);
        }
    }

    private static Object read(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f.getDeclaringClass().getSimpleName() + "." + f.getName(), e);
        }
    }

    /**
     * Binary names of the top-level classes of the package. Tests run on the module path, so the module
     * reader of the bindings module lists them; on the class path the classes directory or jar is walked.
     */
    private static List<String> classNames() {
        String dir = PACKAGE.replace('.', '/') + "/";
        Module module = Kernel32.class.getModule();
        List<String> entries;
        if (module.isNamed() && module.getLayer() != null) {
            ResolvedModule resolved = module.getLayer().configuration().findModule(module.getName())
                    .orElseThrow(() -> new IllegalStateException("module not resolved: " + module.getName()));
            try (ModuleReader reader = resolved.reference().open(); Stream<String> list = reader.list()) {
                entries = list.toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            entries = classPathEntries();
        }
        return entries.stream()
                .filter(e -> e.startsWith(dir) && e.endsWith(".class"))
                .map(e -> e.substring(dir.length(), e.length() - ".class".length()))
                .filter(n -> !n.contains("/") && !n.contains("$") && !n.equals("package-info"))
                .map(n -> PACKAGE + "." + n)
                .distinct()
                .toList();
    }

    private static List<String> classPathEntries() {
        try {
            Path root = Path.of(Kernel32.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
                }
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                return jar.stream().map(java.util.jar.JarEntry::getName).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
