package org.iocp4j.bindings.build;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iocp4j.bindings.testing.BindingScan;
import org.iocp4j.bindings.windows.Kernel32;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Compares every function descriptor, struct layout and constant of {@code org.iocp4j.bindings.windows}
 * with what jextract generated from the Windows SDK headers ({@link JextractGenerator}, Maven profile
 * {@code jextract}). Runs where that profile found jextract (CI's windows-latest jextract job) and is
 * skipped elsewhere. Descriptors and layouts are compared by {@link LayoutShape}.
 */
class JextractComparisonTest {
    private static URLClassLoader generated;

    /**
     * The class loader over jextract's compiled output; skips the calling test (with the reason) where
     * there is none.
     */
    private static synchronized ClassLoader generated() throws MalformedURLException {
        if (generated == null) {
            String directory = System.getProperty("iocp4j.jextract.dir");
            assumeTrue(directory != null, "the jextract profile is not active (mvn -Pjextract)");
            Path classes = Path.of(directory, "classes");
            boolean present = Files.isDirectory(classes);
            if (Boolean.getBoolean("iocp4j.jextract.required")) {
                assertTrue(present, "no jextract output in " + classes + " although iocp4j.jextract.required=true");
            }
            assumeTrue(present, "no jextract output in " + classes + ": jextract was not on PATH (see the [jextract] log line)");
            generated = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JextractComparisonTest.class.getClassLoader());
        }
        return generated;
    }

    @AfterAll
    static void close() throws IOException {
        if (generated != null) {
            generated.close();
        }
    }

    @Test
    void functionDescriptorsMatchJextract() throws MalformedURLException {
        ClassLoader jextracted = generated();
        assertAll("functions", windows().functions().stream().map(function -> (Executable) () -> {
            FunctionDescriptor theirs = headerMethod(jextracted, function.name() + "$descriptor")
                    .or(() -> generatedMethod(jextracted, function.pointerTypedef(), "descriptor"))
                    .map(method -> (FunctionDescriptor) call(method))
                    .orElseGet(() -> fail("jextract generated neither function " + function.name() + " nor typedef "
                            + function.pointerTypedef() + ": is the name right, and declared in the SDK headers?"));
            assertEquals(LayoutShape.of(theirs), LayoutShape.of(function.descriptor()), function.name() + " descriptor");
        }));
    }

    @Test
    void structLayoutsMatchJextract() throws MalformedURLException {
        ClassLoader jextracted = generated();
        assertAll("structs", windows().structs().stream().map(struct -> (Executable) () -> {
            GroupLayout theirs = generatedMethod(jextracted, struct.name(), "layout")
                    .or(() -> generatedMethod(jextracted, struct.tag(), "layout"))
                    .map(method -> (GroupLayout) call(method))
                    .orElseGet(() -> fail("jextract generated neither typedef " + struct.name() + " nor struct/union "
                            + struct.tag() + ": is the layout named after the C tag?"));
            assertEquals(LayoutShape.of(theirs), LayoutShape.of(struct.layout()), struct.name() + " layout");
            assertEquals(theirs.byteSize(), struct.layout().byteSize(), "sizeof(" + struct.name() + ")");
        }));
    }

    @Test
    void constantsMatchJextract() throws MalformedURLException {
        ClassLoader jextracted = generated();
        assertAll("constants", windows().constants().stream().map(constant -> (Executable) () -> {
            Object theirs = headerMethod(jextracted, constant.name())
                    .map(JextractComparisonTest::call)
                    .orElseGet(() -> fail("jextract generated no constant " + constant.name()));
            long value = switch (theirs) {
                case Number number -> number.longValue();
                case MemorySegment pointer -> pointer.address();
                default -> fail(constant.name() + " is a " + theirs.getClass() + " in jextract's output");
            };
            // Compare within the width of our field: 0xFFFFFFFF is -1 in an int and 4294967295 in a long,
            // but jextract's value must fit that width, zero- or sign-extended.
            int unused = Long.SIZE - constant.bits();
            long low = value & (-1L >>> unused);
            assertTrue(value == low || value == (low << unused) >> unused,
                    constant.name() + " = " + value + " does not fit the " + constant.bits() + "-bit field");
            assertEquals(Long.toHexString(low), Long.toHexString(constant.value() & (-1L >>> unused)), constant.name());
        }));
    }

    /** What the Windows binding classes declare. */
    private static BindingScan windows() {
        return BindingScan.packageOf(Kernel32.class);
    }

    /** A static method of the generated header class, which jextract may split into a chain of superclasses. */
    private static Optional<Method> headerMethod(ClassLoader jextracted, String name) {
        return generatedMethod(jextracted, JextractGenerator.HEADER_CLASS, name);
    }

    private static Optional<Method> generatedMethod(ClassLoader jextracted, String className, String name) {
        try {
            Class<?> type = Class.forName(JextractGenerator.TARGET_PACKAGE + "." + className, false, jextracted);
            return Optional.of(type.getMethod(name));
        } catch (ClassNotFoundException | NoSuchMethodException absent) {
            return Optional.empty();
        }
    }

    private static Object call(Method method) {
        try {
            return method.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
