package org.iocp4j.bindings.build;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.stream.Collectors;

/**
 * The ABI-relevant shape of a layout or function descriptor as text, so that ours and jextract's compare
 * equal exactly when they describe the same C type: sizes, alignments, offsets (through the padding
 * members), member names, and the class of each scalar (integer, floating point, pointer). Left out, as
 * the two generators legitimately differ there: names of scalar layouts in descriptors (jextract's
 * {@code C_INT} vs our {@code JAVA_INT}), target layouts of pointers, the Java carrier among integers of
 * one size ({@code WCHAR} as short or char), and the numbering of anonymous members ({@code $anon$N}).
 */
final class LayoutShape {
    private LayoutShape() {
    }

    /** The shape of a function descriptor: {@code (i4, p8) -> i4}. */
    static String of(FunctionDescriptor descriptor) {
        String arguments = descriptor.argumentLayouts().stream().map(LayoutShape::of).collect(Collectors.joining(", "));
        return "(" + arguments + ") -> " + descriptor.returnLayout().map(LayoutShape::of).orElse("void");
    }

    /** The shape of a layout: {@code struct/8{a: i4, x4, b: p8}} for a struct with padding. */
    static String of(MemoryLayout layout) {
        return switch (layout) {
            case AddressLayout address -> "p" + address.byteSize() + alignment(address) + order(address);
            case ValueLayout value -> kind(value) + value.byteSize() + alignment(value) + order(value);
            case PaddingLayout padding -> "x" + padding.byteSize();
            case SequenceLayout sequence -> "[" + sequence.elementCount() + " x " + of(sequence.elementLayout()) + "]";
            case GroupLayout group -> (group instanceof StructLayout ? "struct/" : "union/") + group.byteAlignment()
                    + group.memberLayouts().stream().map(LayoutShape::member).collect(Collectors.joining(", ", "{", "}"));
        };
    }

    private static String member(MemoryLayout member) {
        if (member instanceof PaddingLayout) {
            return of(member);
        }
        String name = member.name().orElse("?");
        return (name.startsWith("$anon$") ? "$anon" : name) + ": " + of(member);
    }

    private static String kind(ValueLayout value) {
        Class<?> carrier = value.carrier();
        return carrier == float.class || carrier == double.class ? "f" : "i";
    }

    /** Alignment only where it differs from the natural one (packed structs). */
    private static String alignment(ValueLayout value) {
        return value.byteAlignment() == value.byteSize() ? "" : "/" + value.byteAlignment();
    }

    private static String order(ValueLayout value) {
        return value.order() == ByteOrder.nativeOrder() ? "" : "(" + value.order() + ")";
    }
}
