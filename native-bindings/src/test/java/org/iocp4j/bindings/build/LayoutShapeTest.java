package org.iocp4j.bindings.build;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/** What {@link LayoutShape} treats as equal (jextract's spelling of the same C type) and what not. */
@SuppressWarnings("restricted") // withTargetLayout, only to build jextract-like layouts, never to access memory
class LayoutShapeTest {
    /** How jextract spells {@code char *}-like pointers: an address with a target layout. */
    private static final MemoryLayout C_POINTER = ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, JAVA_BYTE));

    @Test
    void descriptorsIgnoreScalarNamesAndPointerTargets() {
        FunctionDescriptor ours = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        FunctionDescriptor jextracts = FunctionDescriptor.of(JAVA_INT.withName("BOOL"), C_POINTER, JAVA_LONG, JAVA_INT);
        assertEquals("(p8, i8, i4) -> i4", LayoutShape.of(ours));
        assertEquals(LayoutShape.of(ours), LayoutShape.of(jextracts));
    }

    @Test
    void descriptorsDifferInWidthArityAndReturn() {
        FunctionDescriptor ours = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
        assertNotEquals(LayoutShape.of(ours), LayoutShape.of(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG)));
        assertNotEquals(LayoutShape.of(ours), LayoutShape.of(FunctionDescriptor.of(JAVA_INT, ADDRESS)));
        assertNotEquals(LayoutShape.of(ours), LayoutShape.of(FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT)));
        assertNotEquals(LayoutShape.of(FunctionDescriptor.of(JAVA_LONG)), LayoutShape.of(FunctionDescriptor.of(JAVA_DOUBLE)));
        assertNotEquals(LayoutShape.of(FunctionDescriptor.of(JAVA_LONG)), LayoutShape.of(FunctionDescriptor.of(ADDRESS)));
    }

    @Test
    void structsCompareMemberNamesOffsetsAndAnonymousMembersWithoutTheirNumber() {
        StructLayout ours = MemoryLayout.structLayout(
                MemoryLayout.unionLayout(JAVA_INT.withName("dwOemId"),
                        MemoryLayout.structLayout(JAVA_SHORT.withName("wA"), JAVA_SHORT.withName("wB")).withName("$anon$1"))
                        .withName("$anon$0"),
                MemoryLayout.paddingLayout(4),
                ADDRESS.withName("p")).withName("_S");
        StructLayout jextracts = MemoryLayout.structLayout(
                MemoryLayout.unionLayout(JAVA_INT.withName("dwOemId"),
                        MemoryLayout.structLayout(JAVA_CHAR.withName("wA"), JAVA_SHORT.withName("wB")).withName("$anon$117:9"))
                        .withName("$anon$115:5"),
                MemoryLayout.paddingLayout(4),
                C_POINTER.withName("p")).withName("_S");
        assertEquals("struct/8{$anon: union/4{dwOemId: i4, $anon: struct/2{wA: i2, wB: i2}}, x4, p: p8}", LayoutShape.of(ours));
        assertEquals(LayoutShape.of(ours), LayoutShape.of(jextracts));
    }

    @Test
    void structsDifferInMemberNameOffsetArrayLengthAndPacking() {
        StructLayout ours = MemoryLayout.structLayout(JAVA_INT.withName("a"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("b"));
        assertNotEquals(LayoutShape.of(ours),
                LayoutShape.of(MemoryLayout.structLayout(JAVA_INT.withName("a"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("c"))));
        assertNotEquals(LayoutShape.of(ours),
                LayoutShape.of(MemoryLayout.structLayout(JAVA_INT.withName("a"), JAVA_LONG.withByteAlignment(4).withName("b"))));
        assertNotEquals(LayoutShape.of(MemoryLayout.sequenceLayout(257, JAVA_BYTE)),
                LayoutShape.of(MemoryLayout.sequenceLayout(256, JAVA_BYTE)));
        assertNotEquals(LayoutShape.of(MemoryLayout.structLayout(JAVA_INT.withName("a"))),
                LayoutShape.of(MemoryLayout.unionLayout(JAVA_INT.withName("a"))));
    }
}
