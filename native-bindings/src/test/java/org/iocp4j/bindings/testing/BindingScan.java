package org.iocp4j.bindings.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.UnionLayout;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Everything a binding package declares that has a C counterpart, found by reflection over its compiled
 * classes (no hand-written list), following native-bindings/BINDINGS.md: struct and union classes (a
 * public static {@code layout()} returning a {@link GroupLayout}; C typedef = simple name), functions (a
 * public static {@code NAME$descriptor()}; C name = NAME), constants (public static final integral fields
 * of the classes named {@code *Constants} or {@code *Errors}, and of {@code Errno}) and GUIDs (public
 * static final String fields of {@value #GUIDS_CLASS}).
 *
 * <p>The Windows and Linux conformance tests and the jextract generation and comparison all check what
 * this finds, so they agree on what "everything bound" means. Classes are in simple-name order and the
 * items of each class in member-name order, so reports are stable from run to run.
 *
 * @param classes   every top-level class of the package, whether or not it declares something
 * @param structs   struct and union layouts
 * @param functions function descriptors
 * @param constants integral constants
 * @param guids     GUIDs in registry format
 */
public record BindingScan(List<Class<?>> classes, List<Struct> structs, List<Function> functions,
                          List<Constant> constants, List<Guid> guids) {

    /** The one class whose String constants are GUIDs (BINDINGS.md, "Constants"). */
    public static final String GUIDS_CLASS = "WinsockGuids";

    /**
     * A struct or union class.
     *
     * @param owner  the class
     * @param name   its simple name, which is the C typedef name (or the C tag on Linux)
     * @param layout its layout, named after the C tag
     */
    public record Struct(Class<?> owner, String name, GroupLayout layout) {
        /**
         * The C tag ({@code _SYSTEM_INFO}), or the class name for an untagged struct.
         *
         * @return the name of the layout, else {@link #name()}
         */
        public String tag() {
            return layout.name().orElse(name);
        }

        /**
         * Whether the C type is a union.
         *
         * @return whether {@link #layout()} is a union layout
         */
        public boolean isUnion() {
            return layout instanceof UnionLayout;
        }
    }

    /**
     * A bound function.
     *
     * @param owner      the class declaring it
     * @param name       the C name
     * @param descriptor the descriptor of the C function (without the call-state parameter)
     */
    public record Function(Class<?> owner, String name, FunctionDescriptor descriptor) {
        /**
         * The Windows SDK's function-pointer typedef for it ({@code LPFN_ACCEPTEX}, {@code LPFN_RIORECEIVE}):
         * extension functions reached through {@code WSAIoctl} (mswsock, RIO) are declared only that way.
         *
         * @return {@code LPFN_} and the upper-cased name
         */
        public String pointerTypedef() {
            return "LPFN_" + name.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * An integral constant.
     *
     * @param owner the class declaring it
     * @param name  the C macro or enumerator name
     * @param value its Java value, sign-extended
     * @param bits  the width of the Java field's type: 8, 16, 32 or 64
     */
    public record Constant(Class<?> owner, String name, long value, int bits) {
    }

    /**
     * A GUID constant.
     *
     * @param owner the class declaring it
     * @param name  the C name
     * @param value the GUID in registry format ({@code B5367DF1-CBAC-11CF-95CA-00805F48A192})
     */
    public record Guid(Class<?> owner, String name, String value) {
    }

    /**
     * Scans the package of {@code anchor} as compiled into the module, class-path directory or jar
     * under test.
     *
     * @param anchor any top-level class of the package
     * @return what the package binds
     */
    public static BindingScan packageOf(Class<?> anchor) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames(anchor)) {
            try {
                classes.add(Class.forName(name, false, anchor.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return of(classes);
    }

    /**
     * What {@code classes} bind, in their order.
     *
     * @param classes top-level binding classes
     * @return their structs, functions, constants and GUIDs
     * @throws IllegalStateException if a constants class has a non-integral constant, or an accessor fails
     */
    public static BindingScan of(List<Class<?>> classes) {
        List<Struct> structs = new ArrayList<>();
        List<Function> functions = new ArrayList<>();
        List<Constant> constants = new ArrayList<>();
        List<Guid> guids = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : sorted(c.getDeclaredMethods())) {
                if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())
                        || m.getParameterCount() != 0) {
                    continue;
                }
                if (m.getName().equals("layout") && GroupLayout.class.isAssignableFrom(m.getReturnType())) {
                    structs.add(new Struct(c, c.getSimpleName(), (GroupLayout) invoke(m)));
                } else if (m.getName().endsWith("$descriptor") && m.getReturnType() == FunctionDescriptor.class) {
                    String name = m.getName().substring(0, m.getName().length() - "$descriptor".length());
                    functions.add(new Function(c, name, (FunctionDescriptor) invoke(m)));
                }
            }
            boolean constantsClass = isConstantsClass(c);
            boolean guidsClass = c.getSimpleName().equals(GUIDS_CLASS);
            for (Field f : sorted(c.getDeclaredFields())) {
                int mod = f.getModifiers();
                if (!Modifier.isPublic(mod) || !Modifier.isStatic(mod) || !Modifier.isFinal(mod)) {
                    continue;
                }
                if (constantsClass) {
                    constants.add(constant(c, f));
                } else if (guidsClass && f.getType() == String.class) {
                    guids.add(new Guid(c, f.getName(), (String) read(f)));
                }
            }
        }
        return new BindingScan(List.copyOf(classes), List.copyOf(structs), List.copyOf(functions),
                List.copyOf(constants), List.copyOf(guids));
    }

    /**
     * Whether BINDINGS.md makes {@code c} a class of constants.
     *
     * @param c a binding class
     * @return whether its simple name ends in {@code Constants} or {@code Errors}, or is {@code Errno}
     */
    public static boolean isConstantsClass(Class<?> c) {
        String n = c.getSimpleName();
        return n.endsWith("Constants") || n.endsWith("Errors") || n.equals("Errno");
    }

    /**
     * Whether the conventions make {@code c} a class whose declarations must all be checked: a constants
     * or GUID class, or one that declares a struct layout or a function.
     *
     * @param c one of {@link #classes()}
     * @return whether a conformance check must produce at least one item for it
     */
    public boolean declaresBindings(Class<?> c) {
        return isConstantsClass(c) || c.getSimpleName().equals(GUIDS_CLASS)
                || structs.stream().anyMatch(s -> s.owner() == c)
                || functions.stream().anyMatch(f -> f.owner() == c);
    }

    private static Constant constant(Class<?> owner, Field f) {
        return switch (read(f)) {
            case Long l -> new Constant(owner, f.getName(), l, Long.SIZE);
            case Integer i -> new Constant(owner, f.getName(), i, Integer.SIZE);
            case Short s -> new Constant(owner, f.getName(), s, Short.SIZE);
            case Byte b -> new Constant(owner, f.getName(), b, Byte.SIZE);
            default -> throw new IllegalStateException(owner.getSimpleName() + "." + f.getName() + " is a "
                    + f.getType() + ": constants classes hold only integral constants (BINDINGS.md)");
        };
    }

    private static <T extends Member> List<T> sorted(T[] members) {
        return Stream.of(members).sorted(Comparator.comparing(Member::getName)).toList();
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
     * Binary names of the top-level classes in the package of {@code anchor}. Tests run on the module
     * path, where the module reader lists them; the jextract generation runs on the class path, where
     * the package's folder in the classes directory or jar is listed.
     */
    private static List<String> classNames(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        String folder = pkg.replace('.', '/') + "/";
        Module module = anchor.getModule();
        List<String> entries;
        if (module.isNamed() && module.getLayer() != null) {
            ResolvedModule resolved = module.getLayer().configuration().findModule(module.getName())
                    .orElseThrow(() -> new IllegalStateException("module not resolved: " + module.getName()));
            try (ModuleReader reader = resolved.reference().open(); Stream<String> list = reader.list()) {
                entries = list.toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list module " + module.getName(), e);
            }
        } else {
            entries = classPathEntries(anchor, folder);
        }
        return entries.stream()
                .filter(e -> e.startsWith(folder) && e.endsWith(".class"))
                .map(e -> e.substring(folder.length(), e.length() - ".class".length()))
                .filter(n -> !n.contains("/") && !n.contains("$") && !n.equals("package-info"))
                .distinct()
                .map(n -> pkg + "." + n)
                .toList();
    }

    /** The entries of {@code folder} in the classes directory or jar holding {@code anchor}. */
    private static List<String> classPathEntries(Class<?> anchor, String folder) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor.getPackageName(), e);
        }
        try {
            if (Files.isDirectory(location)) {
                return list(location.resolve(folder), folder);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return list(jar.getPath(folder), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " in " + location, e);
        }
    }

    private static List<String> list(Path directory, String folder) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> folder + file.getFileName()).toList();
        }
    }
}
