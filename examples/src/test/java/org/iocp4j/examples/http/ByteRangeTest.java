package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // header                          | length | first | last
        "bytes=0-499                       | 10000  | 0     | 499",
        "bytes=500-999                     | 10000  | 500   | 999",
        "bytes=9500-                       | 10000  | 9500  | 9999",
        "bytes=-500                        | 10000  | 9500  | 9999",
        "bytes=0-0                         | 1      | 0     | 0",
        "bytes=0-                          | 1      | 0     | 0",
        "bytes=-1                          | 1      | 0     | 0",
        "bytes=5-5                         | 10     | 5     | 5",
        // the last position clamped to the file
        "bytes=0-99999                     | 100    | 0     | 99",
        "bytes=50-99999999999999999999999  | 100    | 50    | 99",
        // a suffix longer than the file is the whole file
        "bytes=-1000                       | 100    | 0     | 99",
        "bytes=-99999999999999999999999    | 100    | 0     | 99",
        // the unit in any case, whitespace around the parts, empty list elements
        "BYTES=1-2                         | 10     | 1     | 2",
        "Bytes=1-2                         | 10     | 1     | 2",
        "bytes = 1 - 2                     | 10     | 1     | 2",
        "'bytes=\t1-2\t'                   | 10     | 1     | 2",
        "' bytes= -3 '                     | 10     | 7     | 9",
        "'bytes=1-2,'                      | 10     | 1     | 2",
        "'bytes=, ,1-2, '                  | 10     | 1     | 2",
    })
    void parsesOneRange(String header, long length, long first, long last) throws HttpException {
        assertEquals(new ByteRange(first, last), ByteRange.parse(header, length));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // another unit, or none
        "items=0-1", "bytes 0-1", "0-1", "=0-1", "bytesx=0-1", "",
        // invalid syntax
        "bytes=", "bytes=,", "bytes=-", "bytes=1", "bytes=a-b", "bytes=1-b", "bytes=-b", "bytes=1-2-3",
        "bytes=+1-2", "bytes=-+2", "bytes=0x1-2", "bytes=1 2-3", "bytes=--1", "bytes=\u0661-2",
        // the last position before the first
        "bytes=5-4", "bytes=100-0",
        // several ranges: served whole, not as multipart/byteranges
        "bytes=0-1,2-3", "bytes=0-1, -5", "bytes=0-1,0-1", "bytes=500-600,601-999", "bytes=0-1,5000-",
    })
    void ignoresWhatIsNotOneValidRange(String header) throws HttpException {
        assertNull(ByteRange.parse(header, 1000), header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=1000-       | 1000",
        "bytes=1000-2000   | 1000",
        "bytes=5000-6000   | 1000",
        "bytes=99999999999999999999999- | 1000",
        "bytes=-0          | 1000",
        "bytes=-000        | 1000",
        "bytes=0-          | 0",
        "bytes=0-0         | 0",
        "bytes=-1          | 0",
    })
    void refusesAnUnsatisfiableRangeWith416(String header, long length) {
        HttpException e = assertThrows(HttpException.class, () -> ByteRange.parse(header, length));
        assertEquals(416, e.status());
        assertTrue(e.getMessage().contains(String.valueOf(length)), e.getMessage());
    }

    @Test
    void contentRangeValues() {
        ByteRange range = new ByteRange(0, 499);
        assertEquals(500, range.length());
        assertEquals("bytes 0-499/1234", range.contentRange(1234));
        assertEquals("bytes 42-42/43", new ByteRange(42, 42).contentRange(43));
        assertEquals("bytes */1234", ByteRange.unsatisfiedContentRange(1234));
    }

    @Test
    void rejectsInvalidRangesAndLengths() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(5, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ByteRange.parse("bytes=0-1", -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Property(tries = 2000)
    void aRangeLiesInsideTheFileOrIsRefused(@ForAll @LongRange(min = 0, max = 1L << 40) long length,
            @ForAll @LongRange(min = 0, max = 1L << 41) long a, @ForAll @LongRange(min = 0, max = 1L << 41) long b)
            throws HttpException {
        long first = Math.min(a, b);
        long last = Math.max(a, b);
        String header = "bytes=" + first + "-" + last;
        if (first >= length) {
            assertEquals(416, assertThrows(HttpException.class, () -> ByteRange.parse(header, length)).status());
        } else {
            assertEquals(new ByteRange(first, Math.min(last, length - 1)), ByteRange.parse(header, length));
        }
    }

    @Property(tries = 1000)
    void aSuffixIsTheEndOfTheFile(@ForAll @LongRange(min = 1, max = 1L << 40) long length,
            @ForAll @LongRange(min = 1, max = 1L << 41) long suffixLength) throws HttpException {
        ByteRange range = ByteRange.parse("bytes=-" + suffixLength, length);
        assertEquals(length - 1, range.last());
        assertEquals(Math.min(suffixLength, length), range.length());
    }
}
