package org.iocp4j.bindings.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.UnionLayout;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
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
import org.iocp4j.bindings.windows.Kernel32;

/**
 * What {@code org.iocp4j.bindings.windows} binds, found by reflection over its classes (following
 * native-bindings/BINDINGS.md): functions (a {@code NAME$descriptor()} accessor), structs and unions
 * (a static {@code layout()} returning a group layout) and constants (static final integral fields of
 * the {@code *Constants} and {@code *Errors} classes). The jextract profile turns this into jextract's
 * {@code --include-*} options and {@link JextractComparisonTest} compares each item with jextract's.
 *
 * @param functions the bound functions, by name
 * @param structs   the struct and union classes
 * @param constants the constants
 */
record WindowsBindings(List<Function> functions, List<Struct> structs, List<Constant> constants) {
    static final String PACKAGE = Kernel32.class.getPackageName();

    /**
     * A bound function.
     *
     * @param name       the C name
     * @param descriptor its descriptor as the bindings declare it (without the call-state parameter)
     */
    record Function(String name, FunctionDescriptor descriptor) {
        /**
         * The SDK's function-pointer typedef for it ({@code LPFN_ACCEPTEX}, {@code LPFN_RIORECEIVE}):
         * extension functions reached through {@code WSAIoctl} (RIO) are declared only that way.
         */
        String pointerTypedef() {
            return "LPFN_" + name.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * A struct or union class.
     *
     * @param typedef the class name, which is the C typedef name
     * @param layout  its layout, named after the C tag
     */
    record Struct(String typedef, GroupLayout layout) {
        /** The C tag ({@code _SYSTEM_INFO}), or the typedef name for an untagged struct. */
        String tag() {
            return layout.name().orElse(typedef);
        }

        boolean isUnion() {
            return layout instanceof UnionLayout;
        }
    }

    /**
     * A constant.
     *
     * @param name  the C macro or enumerator name
     * @param value its value as the bindings declare it
     * @param bits  the width of the Java field's type
     */
    record Constant(String name, long value, int bits) {
    }

    /** Reflects over the compiled classes of {@code org.iocp4j.bindings.windows}. */
    static WindowsBindings load() {
        List<Function> functions = new ArrayList<>();
        List<Struct> structs = new ArrayList<>();
        List<Constant> constants = new ArrayList<>();
        for (Class<?> type : topLevelClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (isPublicStatic(method) && method.getParameterCount() == 0) {
                    if (method.getName().endsWith("$descriptor") && method.getReturnType() == FunctionDescriptor.class) {
                        String name = method.getName().substring(0, method.getName().length() - "$descriptor".length());
                        functions.add(new Function(name, (FunctionDescriptor) invoke(method)));
                    } else if (method.getName().equals("layout") && GroupLayout.class.isAssignableFrom(method.getReturnType())) {
                        structs.add(new Struct(type.getSimpleName(), (GroupLayout) invoke(method)));
                    }
                }
            }
            if (type.getSimpleName().endsWith("Constants") || type.getSimpleName().endsWith("Errors")) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                            && Modifier.isFinal(field.getModifiers()) && field.getType().isPrimitive()) {
                        constants.add(constant(field));
                    }
                }
            }
        }
        functions.sort(Comparator.comparing(Function::name));
        structs.sort(Comparator.comparing(Struct::typedef));
        constants.sort(Comparator.comparing(Constant::name));
        return new WindowsBindings(List.copyOf(functions), List.copyOf(structs), List.copyOf(constants));
    }

    /**
     * jextract's {@code --include-*} options for every bound item, one per line: functions under
     * their own name and their {@code LPFN_} typedef, structs under their tag and typedef, constants
     * by name. jextract ignores names the headers do not declare.
     */
    List<String> jextractIncludes() {
        List<String> lines = new ArrayList<>();
        for (Function function : functions) {
            lines.add("--include-function " + function.name());
            lines.add("--include-typedef " + function.pointerTypedef());
        }
        for (Struct struct : structs) {
            lines.add((struct.isUnion() ? "--include-union " : "--include-struct ") + struct.tag());
            if (!struct.tag().equals(struct.typedef())) {
                lines.add("--include-typedef " + struct.typedef());
            }
        }
        for (Constant constant : constants) {
            lines.add("--include-constant " + constant.name());
        }
        return lines;
    }

    private static Constant constant(Field field) {
        Object value;
        try {
            value = field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
        return switch (value) {
            case Long l -> new Constant(field.getName(), l, Long.SIZE);
            case Integer i -> new Constant(field.getName(), i, Integer.SIZE);
            case Short s -> new Constant(field.getName(), s, Short.SIZE);
            case Byte b -> new Constant(field.getName(), b, Byte.SIZE);
            default -> throw new IllegalStateException(field + " is a " + field.getType()
                    + ": constants classes hold only integral constants (BINDINGS.md)");
        };
    }

    private static boolean isPublicStatic(Method method) {
        return Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers());
    }

    private static Object invoke(Method method) {
        try {
            return method.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /** The package's top-level classes, listed from the directory or jar that holds Kernel32. */
    private static List<Class<?>> topLevelClasses() {
        Path location;
        try {
            location = Path.of(Kernel32.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + PACKAGE, e);
        }
        String folder = PACKAGE.replace('.', '/');
        try {
            if (Files.isDirectory(location)) {
                return classesIn(location.resolve(folder));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return classesIn(jar.getPath(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " in " + location, e);
        }
    }

    private static List<Class<?>> classesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                    .map(name -> PACKAGE + "." + name.substring(0, name.length() - ".class".length()))
                    .sorted()
                    .toList();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                try {
                    classes.add(Class.forName(name, false, Kernel32.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("listed but not loadable: " + name, e);
                }
            }
            return classes;
        }
    }
}
