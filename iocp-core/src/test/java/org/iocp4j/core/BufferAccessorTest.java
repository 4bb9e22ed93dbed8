package org.iocp4j.core;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Buffer's accessors: every one at the edge of its bounds and after the release, values and strings round
 * trip against {@link ByteBuffer} and {@link String#getBytes(Charset)} as the oracles, in both byte orders.
 */
class BufferAccessorTest {
    private static final int CAPACITY = 64;
    private static BufferPool pool;

    @BeforeAll
    @BeforeContainer
    static void open() {
        if (pool == null) {
            pool = BufferPool.builder().sizeClasses(CAPACITY, 4096).slabBytes(64 << 10).build();
        }
    }

    @AfterAll
    @AfterContainer
    static void close() {
        if (pool != null) {
            pool.close(); // throws if a test leaked a buffer
            pool = null;
        }
    }

    enum Kind { READ, WRITE, GET, SET }

    /** One accessor: how many bytes it touches and how to call it (the index is for the absolute ones). */
    record Accessor(String name, Kind kind, int width, BiConsumer<Buffer, Integer> call) {
        boolean absolute() {
            return kind == Kind.GET || kind == Kind.SET;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Accessor> accessors() {
        return Stream.of(
                new Accessor("readByte", Kind.READ, 1, (b, i) -> b.readByte()),
                new Accessor("readShort", Kind.READ, 2, (b, i) -> b.readShort()),
                new Accessor("readShortLE", Kind.READ, 2, (b, i) -> b.readShortLE()),
                new Accessor("readInt", Kind.READ, 4, (b, i) -> b.readInt()),
                new Accessor("readIntLE", Kind.READ, 4, (b, i) -> b.readIntLE()),
                new Accessor("readLong", Kind.READ, 8, (b, i) -> b.readLong()),
                new Accessor("readLongLE", Kind.READ, 8, (b, i) -> b.readLongLE()),
                new Accessor("readBytes(byte[])", Kind.READ, 5, (b, i) -> b.readBytes(new byte[5])),
                new Accessor("readBytes(byte[], 2, 5)", Kind.READ, 5, (b, i) -> b.readBytes(new byte[9], 2, 5)),
                new Accessor("readBytes(heap)", Kind.READ, 5, (b, i) -> b.readBytes(ByteBuffer.allocate(5))),
                new Accessor("readBytes(direct)", Kind.READ, 5, (b, i) -> b.readBytes(ByteBuffer.allocateDirect(5))),
                new Accessor("readString", Kind.READ, 5, (b, i) -> b.readString(5, UTF_8)),
                new Accessor("skipBytes", Kind.READ, 5, (b, i) -> b.skipBytes(5)),
                new Accessor("writeByte", Kind.WRITE, 1, (b, i) -> b.writeByte(1)),
                new Accessor("writeShort", Kind.WRITE, 2, (b, i) -> b.writeShort(1)),
                new Accessor("writeShortLE", Kind.WRITE, 2, (b, i) -> b.writeShortLE(1)),
                new Accessor("writeInt", Kind.WRITE, 4, (b, i) -> b.writeInt(1)),
                new Accessor("writeIntLE", Kind.WRITE, 4, (b, i) -> b.writeIntLE(1)),
                new Accessor("writeLong", Kind.WRITE, 8, (b, i) -> b.writeLong(1)),
                new Accessor("writeLongLE", Kind.WRITE, 8, (b, i) -> b.writeLongLE(1)),
                new Accessor("writeBytes(byte[])", Kind.WRITE, 5, (b, i) -> b.writeBytes(new byte[5])),
                new Accessor("writeBytes(byte[], 2, 5)", Kind.WRITE, 5, (b, i) -> b.writeBytes(new byte[9], 2, 5)),
                new Accessor("writeBytes(heap)", Kind.WRITE, 5, (b, i) -> b.writeBytes(ByteBuffer.allocate(5))),
                new Accessor("writeBytes(direct)", Kind.WRITE, 5, (b, i) -> b.writeBytes(ByteBuffer.allocateDirect(5))),
                new Accessor("writeString", Kind.WRITE, 5, (b, i) -> b.writeString("h\u00e9ll", UTF_8)),
                new Accessor("getByte", Kind.GET, 1, Buffer::getByte),
                new Accessor("getShort", Kind.GET, 2, Buffer::getShort),
                new Accessor("getShortLE", Kind.GET, 2, Buffer::getShortLE),
                new Accessor("getInt", Kind.GET, 4, Buffer::getInt),
                new Accessor("getIntLE", Kind.GET, 4, Buffer::getIntLE),
                new Accessor("getLong", Kind.GET, 8, Buffer::getLong),
                new Accessor("getLongLE", Kind.GET, 8, Buffer::getLongLE),
                new Accessor("getBytes(byte[])", Kind.GET, 5, (b, i) -> b.getBytes(i, new byte[5])),
                new Accessor("getBytes(byte[], 2, 5)", Kind.GET, 5, (b, i) -> b.getBytes(i, new byte[9], 2, 5)),
                new Accessor("getBytes(heap)", Kind.GET, 5, (b, i) -> b.getBytes(i, ByteBuffer.allocate(5))),
                new Accessor("getBytes(direct)", Kind.GET, 5, (b, i) -> b.getBytes(i, ByteBuffer.allocateDirect(5))),
                new Accessor("getString", Kind.GET, 5, (b, i) -> b.getString(i, 5, ISO_8859_1)),
                new Accessor("setByte", Kind.SET, 1, (b, i) -> b.setByte(i, 1)),
                new Accessor("setShort", Kind.SET, 2, (b, i) -> b.setShort(i, 1)),
                new Accessor("setShortLE", Kind.SET, 2, (b, i) -> b.setShortLE(i, 1)),
                new Accessor("setInt", Kind.SET, 4, (b, i) -> b.setInt(i, 1)),
                new Accessor("setIntLE", Kind.SET, 4, (b, i) -> b.setIntLE(i, 1)),
                new Accessor("setLong", Kind.SET, 8, (b, i) -> b.setLong(i, 1)),
                new Accessor("setLongLE", Kind.SET, 8, (b, i) -> b.setLongLE(i, 1)),
                new Accessor("setBytes(byte[])", Kind.SET, 5, (b, i) -> b.setBytes(i, new byte[5])),
                new Accessor("setBytes(byte[], 2, 5)", Kind.SET, 5, (b, i) -> b.setBytes(i, new byte[9], 2, 5)),
                new Accessor("setBytes(heap)", Kind.SET, 5, (b, i) -> b.setBytes(i, ByteBuffer.allocate(5))),
                new Accessor("setBytes(direct)", Kind.SET, 5, (b, i) -> b.setBytes(i, ByteBuffer.allocateDirect(5))),
                new Accessor("setString", Kind.SET, 5, (b, i) -> b.setString(i, "h\u00e9ll", UTF_8)));
    }

    /** A buffer whose relative accessor of {@code width} bytes has exactly {@code width - shortBy} to work on. */
    private static Buffer positioned(Accessor a, int shortBy) {
        Buffer b = pool.acquire(CAPACITY);
        int room = a.width() - shortBy;
        switch (a.kind()) {
            case READ -> b.writerIndex(20 + room).readerIndex(20);
            case WRITE -> b.writerIndex(CAPACITY - room);
            default -> b.writerIndex(10).readerIndex(3);
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void fitsExactlyAndAdvancesByItsWidth(Accessor a) {
        Buffer b = positioned(a, 0);
        try {
            int reader = b.readerIndex();
            int writer = b.writerIndex();
            int index = a.absolute() ? CAPACITY - a.width() : 0;
            a.call().accept(b, index);
            assertEquals(reader + (a.kind() == Kind.READ ? a.width() : 0), b.readerIndex(), "reader index");
            assertEquals(writer + (a.kind() == Kind.WRITE ? a.width() : 0), b.writerIndex(), "writer index");
            if (a.absolute()) {
                a.call().accept(b, 0);
            }
        } finally {
            b.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void oneByteShortThrowsNamingIndexLengthAndBoundsAndChangesNothing(Accessor a) {
        Buffer b = positioned(a, 1);
        try {
            b.setLong(CAPACITY - 8, 0x0102030405060708L);
            int reader = b.readerIndex();
            int writer = b.writerIndex();
            int index = CAPACITY - a.width() + 1;
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> a.call().accept(b, index));
            String expected = switch (a.kind()) {
                case READ -> "cannot read " + a.width() + " bytes at readerIndex " + reader
                        + ": the readable bytes are [readerIndex " + reader + ", writerIndex " + writer + ")";
                case WRITE -> "cannot write " + a.width() + " bytes at writerIndex " + writer
                        + ": the writable space is [writerIndex " + writer + ", capacity " + CAPACITY + ")";
                default -> "index " + index + ", length " + a.width() + " outside [0, capacity " + CAPACITY + ")";
            };
            assertEquals(expected, e.getMessage());
            assertEquals(reader, b.readerIndex());
            assertEquals(writer, b.writerIndex());
            assertEquals(0x0102030405060708L, b.getLong(CAPACITY - 8), "memory unchanged");
            if (a.absolute()) {
                assertEquals("index -1, length " + a.width() + " outside [0, capacity " + CAPACITY + ")",
                        assertThrows(IndexOutOfBoundsException.class, () -> a.call().accept(b, -1)).getMessage());
                assertThrows(IndexOutOfBoundsException.class, () -> a.call().accept(b, Integer.MAX_VALUE));
            }
        } finally {
            b.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void everyAccessorRefusesAReleasedBufferEvenAfterItsMemoryWasAcquiredAgain(Accessor a) {
        Buffer stale = positioned(a, 0);
        stale.release();
        assertTrue(assertThrows(IllegalStateException.class, () -> a.call().accept(stale, 0)).getMessage()
                .contains("after its last release"));
        Buffer again = pool.acquire(CAPACITY); // the same memory: the thread cache hands it straight back
        try {
            assertThrows(IllegalStateException.class, () -> a.call().accept(stale, 0));
        } finally {
            again.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void aSliceIsBoundedByItsOwnCapacityAndIndexedFromItsStart(Accessor a) {
        Buffer whole = pool.acquire(CAPACITY);
        try {
            whole.setLong(16, 0x1122334455667788L);
            Buffer slice = whole.retain().slice(16, a.width());
            if (a.kind() == Kind.WRITE) {
                slice.writerIndex(0);
            }
            a.call().accept(slice, 0);
            assertThrows(IndexOutOfBoundsException.class, () -> a.call().accept(slice, 1));
            slice.release();
        } finally {
            whole.release();
        }
    }

    // ------------------------------------------------------------------ values against ByteBuffer

    /** One value written: its type (1, 2, 4 or 8 bytes), little-endian or not, and its bits. */
    record Value(int width, boolean littleEndian, long bits) {
    }

    @Provide
    Arbitrary<List<Value>> values() {
        return Combinators.combine(Arbitraries.of(1, 2, 4, 8), Arbitraries.of(false, true), Arbitraries.longs())
                .as(Value::new).list().ofMaxSize(CAPACITY / 8 - 1);
    }

    @Property(tries = 300)
    void valuesRoundTripInBothOrdersExactlyAsByteBufferLaysThemOut(@ForAll("values") List<Value> values,
                                                                   @ForAll @IntRange(max = 7) int start) {
        Buffer b = pool.acquire(CAPACITY);
        try {
            ByteBuffer oracle = ByteBuffer.allocate(CAPACITY);
            b.writerIndex(start).readerIndex(start);
            oracle.position(start);
            for (Value v : values) {
                write(b, v);
                oracle.order(v.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                switch (v.width()) {
                    case 1 -> oracle.put((byte) v.bits());
                    case 2 -> oracle.putShort((short) v.bits());
                    case 4 -> oracle.putInt((int) v.bits());
                    default -> oracle.putLong(v.bits());
                }
            }
            assertEquals(oracle.position(), b.writerIndex());
            byte[] written = new byte[b.readableBytes()];
            b.getBytes(start, written);
            assertArrayEquals(Arrays.copyOfRange(oracle.array(), start, oracle.position()), written);
            int index = start;
            for (Value v : values) {
                oracle.order(v.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                long expected = switch (v.width()) {
                    case 1 -> oracle.get(index);
                    case 2 -> oracle.getShort(index);
                    case 4 -> oracle.getInt(index);
                    default -> oracle.getLong(index);
                };
                assertEquals(expected, get(b, v, index), "absolute at " + index);
                assertEquals(expected, read(b, v), "relative at " + index);
                index += v.width();
            }
            assertEquals(0, b.readableBytes());
        } finally {
            b.release();
        }
    }

    @Property(tries = 200)
    void setThenGetInBothOrdersMatchesByteBuffer(@ForAll @IntRange(max = CAPACITY - 8) int index,
                                                 @ForAll long bits, @ForAll boolean littleEndian) {
        Buffer b = pool.acquire(CAPACITY);
        try {
            ByteBuffer oracle = ByteBuffer.allocate(CAPACITY)
                    .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            b.setLong(index, 0); // pooled memory is not cleared; the oracle's is
            for (int width : new int[] {1, 2, 4, 8}) {
                Value v = new Value(width, littleEndian, bits);
                set(b, v, index);
                switch (width) {
                    case 1 -> oracle.put(index, (byte) bits);
                    case 2 -> oracle.putShort(index, (short) bits);
                    case 4 -> oracle.putInt(index, (int) bits);
                    default -> oracle.putLong(index, bits);
                }
                byte[] actual = new byte[8];
                b.getBytes(index, actual);
                assertArrayEquals(Arrays.copyOfRange(oracle.array(), index, index + 8), actual, "width " + width);
            }
            assertEquals(0, b.readerIndex());
            assertEquals(0, b.writerIndex());
        } finally {
            b.release();
        }
    }

    private static void write(Buffer b, Value v) {
        int bits = (int) v.bits();
        switch (v.width()) {
            case 1 -> b.writeByte(bits);
            case 2 -> assertSame(b, v.littleEndian() ? b.writeShortLE(bits) : b.writeShort(bits));
            case 4 -> assertSame(b, v.littleEndian() ? b.writeIntLE(bits) : b.writeInt(bits));
            default -> assertSame(b, v.littleEndian() ? b.writeLongLE(v.bits()) : b.writeLong(v.bits()));
        }
    }

    private static void set(Buffer b, Value v, int index) {
        int bits = (int) v.bits();
        switch (v.width()) {
            case 1 -> b.setByte(index, bits);
            case 2 -> assertSame(b, v.littleEndian() ? b.setShortLE(index, bits) : b.setShort(index, bits));
            case 4 -> assertSame(b, v.littleEndian() ? b.setIntLE(index, bits) : b.setInt(index, bits));
            default -> assertSame(b, v.littleEndian() ? b.setLongLE(index, v.bits()) : b.setLong(index, v.bits()));
        }
    }

    private static long read(Buffer b, Value v) {
        return switch (v.width()) {
            case 1 -> b.readByte();
            case 2 -> v.littleEndian() ? b.readShortLE() : b.readShort();
            case 4 -> v.littleEndian() ? b.readIntLE() : b.readInt();
            default -> v.littleEndian() ? b.readLongLE() : b.readLong();
        };
    }

    private static long get(Buffer b, Value v, int index) {
        return switch (v.width()) {
            case 1 -> b.getByte(index);
            case 2 -> v.littleEndian() ? b.getShortLE(index) : b.getShort(index);
            case 4 -> v.littleEndian() ? b.getIntLE(index) : b.getInt(index);
            default -> v.littleEndian() ? b.getLongLE(index) : b.getLong(index);
        };
    }

    // ------------------------------------------------------------------ bulk copies

    @Property(tries = 200)
    void byteArraysAndByteBuffersRoundTripAndAdvanceTheirPositions(
            @ForAll("bytes") byte[] data, @ForAll @IntRange(max = 3) int kind, @ForAll @IntRange(max = 4) int pad) {
        Buffer b = pool.acquire(4096);
        try {
            ByteBuffer src = switch (kind) {
                case 0 -> ByteBuffer.wrap(new byte[data.length + 2 * pad], pad, data.length).slice();
                case 1 -> ByteBuffer.allocateDirect(data.length);
                case 2 -> ByteBuffer.wrap(data.clone()).asReadOnlyBuffer();
                default -> null;
            };
            if (src == null) {
                byte[] padded = new byte[data.length + 2 * pad];
                System.arraycopy(data, 0, padded, pad, data.length);
                b.writeBytes(padded, pad, data.length);
            } else {
                if (!src.isReadOnly()) {
                    src.put(0, data);
                }
                b.writeBytes(src);
                assertEquals(0, src.remaining(), "the source's position moved past what was copied");
            }
            assertEquals(data.length, b.writerIndex());
            byte[] absolute = new byte[data.length];
            b.getBytes(0, absolute);
            assertArrayEquals(data, absolute);
            ByteBuffer dst = kind == 1 ? ByteBuffer.allocateDirect(data.length + pad) : ByteBuffer.allocate(data.length + pad);
            dst.position(pad);
            b.readBytes(dst);
            assertEquals(data.length + pad, dst.position());
            assertArrayEquals(data, Arrays.copyOfRange(toArray(dst), pad, pad + data.length));
            b.setBytes(0, ByteBuffer.wrap(new byte[data.length]));
            b.readerIndex(0);
            byte[] zeros = new byte[data.length];
            b.readBytes(zeros);
            assertArrayEquals(new byte[data.length], zeros);
        } finally {
            b.release();
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] out = new byte[buffer.capacity()];
        buffer.get(0, out);
        return out;
    }

    @Test
    void aReadOnlyDestinationIsRefusedBeforeAnythingMoves() {
        Buffer b = pool.acquire(CAPACITY);
        try {
            b.writeLong(7);
            ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();
            assertThrows(ReadOnlyBufferException.class, () -> b.readBytes(readOnly));
            assertThrows(ReadOnlyBufferException.class, () -> b.getBytes(0, readOnly));
            assertEquals(0, b.readerIndex());
            assertEquals(0, readOnly.position());
        } finally {
            b.release();
        }
    }

    @Test
    void arrayRangesAreCheckedBeforeTheBuffer() {
        Buffer b = pool.acquire(CAPACITY);
        try {
            byte[] four = new byte[4];
            assertThrows(IndexOutOfBoundsException.class, () -> b.writeBytes(four, 2, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> b.writeBytes(four, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> b.setBytes(0, four, 0, -1));
            b.writerIndex(8);
            assertThrows(IndexOutOfBoundsException.class, () -> b.readBytes(four, 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> b.getBytes(0, four, 5, 0));
            assertEquals("cannot read -1 bytes at readerIndex 0: the readable bytes are [readerIndex 0, writerIndex 8)",
                    assertThrows(IndexOutOfBoundsException.class, () -> b.readString(-1, UTF_8)).getMessage());
            assertEquals(0, b.readerIndex());
            assertEquals(8, b.writerIndex());
        } finally {
            b.release();
        }
    }

    // ------------------------------------------------------------------ strings

    @Provide
    Arbitrary<String> text() {
        // All of UTF-16, surrogates (paired or not) included: what getBytes replaces must match too. The second
        // kind makes pairs and each encoding's length boundaries common.
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('a', '\u007f', '\u0080', '\u00ff', '\u0100', '\u07ff', '\u0800',
                        '\uffff', '\ud83d', '\ude00', '\udbff', '\udfff').ofMaxLength(40));
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(UTF_8, ISO_8859_1, US_ASCII, UTF_16LE);
    }

    @Property(tries = 1000)
    void stringsEncodeExactlyAsGetBytesAndDecodeAsNewString(@ForAll("text") String text,
                                                            @ForAll("charsets") Charset charset,
                                                            @ForAll @IntRange(max = 5) int start) {
        byte[] expected = text.getBytes(charset);
        Buffer b = pool.acquire(4096);
        try {
            b.writerIndex(start).readerIndex(start);
            assertEquals(expected.length, b.writeString(new StringBuilder(text), charset));
            assertEquals(start + expected.length, b.writerIndex());
            byte[] actual = new byte[expected.length];
            b.getBytes(start, actual);
            assertArrayEquals(expected, actual);
            String decoded = new String(expected, charset);
            assertEquals(decoded, b.getString(start, expected.length, charset));
            assertEquals(decoded, b.readString(expected.length, charset));
            assertEquals(start + expected.length, b.readerIndex());
            assertEquals(expected.length, b.setString(4096 - expected.length, text, charset));
            assertEquals(decoded, b.getString(4096 - expected.length, expected.length, charset));
        } finally {
            b.release();
        }
    }

    @Property(tries = 300)
    void aStringThatDoesNotFitWritesNothing(@ForAll("text") String text, @ForAll("charsets") Charset charset) {
        int length = text.getBytes(charset).length;
        Buffer b = pool.acquire(CAPACITY);
        try {
            byte[] before = new byte[CAPACITY];
            Arrays.fill(before, (byte) 0x5a);
            b.setBytes(0, before);
            int writer = Math.clamp(CAPACITY - length + 1L, 0, CAPACITY);
            b.writerIndex(writer);
            if (length > 0) {
                assertThrows(IndexOutOfBoundsException.class, () -> b.writeString(text, charset));
                assertThrows(IndexOutOfBoundsException.class, () -> b.setString(writer, text, charset));
            }
            assertEquals(writer, b.writerIndex());
            byte[] after = new byte[CAPACITY];
            b.getBytes(0, after);
            assertArrayEquals(before, after, "nothing written");
        } finally {
            b.release();
        }
    }

    // ------------------------------------------------------------------ size classes

    @Test
    void anAcquisitionAboveTheLargestClassNamesTheLimitAndTheWayOut() {
        assertEquals(4096, pool.maxBufferSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.acquire(4097));
        assertEquals("no buffer holds 4097 bytes: the largest size class is 4096 bytes (classes [64, 4096]); spread"
                + " the bytes over several buffers (a BufferChain), or let Connection.write(byte[]) / write(ByteBuffer)"
                + " copy them into as many pooled buffers as they need", e.getMessage());
        assertEquals("buffer of -1 bytes: the size is negative",
                assertThrows(IllegalArgumentException.class, () -> pool.acquire(-1)).getMessage());
    }
}
