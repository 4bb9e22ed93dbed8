package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    /** RFC 9110's example instant: Sun, 06 Nov 1994 08:49:37 GMT. */
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(Instant.EPOCH));
        assertEquals("Fri, 31 Dec 9999 23:59:59 GMT", HttpDates.format(Instant.parse("9999-12-31T23:59:59Z")));
    }

    @Test
    void formatDropsFractionsOfASecond() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE.plusMillis(999)));
    }

    @Test
    void formatRefusesYearsWithMoreThanFourDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpDates.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertTrue(e.getMessage().contains("four-digit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpDates.format(Instant.parse("-0001-01-01T00:00:00Z")));
    }

    @Test
    void parsesTheThreeFormatsOfRfc9110() {
        assertEquals(EXAMPLE, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(EXAMPLE, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(EXAMPLE, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(EXAMPLE, HttpDates.parse("Sun Nov 06 08:49:37 1994"));
        assertEquals(Instant.parse("2024-12-25T23:00:01Z"), HttpDates.parse("Wednesday, 25-Dec-24 23:00:01 GMT"));
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertEquals(EXAMPLE, HttpDates.parse(" \tSun, 06 Nov 1994 08:49:37 GMT \t"));
    }

    @Test
    void leapSecondCountsAsTheSecondBefore() {
        assertEquals(Instant.parse("2016-12-31T23:59:59Z"), HttpDates.parse("Sat, 31 Dec 2016 23:59:60 GMT"));
    }

    @Test
    void rfc850YearsAreWithinFiftyYearsOfNow() {
        // In 2025: "75" is 2075 (exactly 50 years ahead), "76" is 1976.
        assertEquals(Instant.parse("2075-01-01T00:00:00Z"),
                HttpDates.parse("Tuesday, 01-Jan-75 00:00:00 GMT", 2025));
        assertEquals(Instant.parse("1976-01-01T00:00:00Z"),
                HttpDates.parse("Thursday, 01-Jan-76 00:00:00 GMT", 2025));
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"),
                HttpDates.parse("Saturday, 01-Jan-00 00:00:00 GMT", 2025));
        // Across a century: in 2099, "00" is 2100 and "50" is 2050 (2150 would be 51 years ahead).
        assertEquals(Instant.parse("2100-01-01T00:00:00Z"),
                HttpDates.parse("Friday, 01-Jan-00 00:00:00 GMT", 2099));
        assertEquals(Instant.parse("2050-01-01T00:00:00Z"),
                HttpDates.parse("Saturday, 01-Jan-50 00:00:00 GMT", 2099));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "yesterday",
        "1994-11-06T08:49:37Z",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 gmt",
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT",
        "Sun, 06 Nov 1994 08-49-37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMTX",
        "Sun,06 Nov 1994 08:49:37 GMT ",
        "Fri, 30 Feb 2024 00:00:00 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:3x GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT, extra",
        "Sun, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Monday, 06-Nov-94 08:49:37 GMT",
        "Sundae, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 UTC",
        "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sun Nov 6  08:49:37 1994",
        "Sun Nov x6 08:49:37 1994",
        "Mon Nov  6 08:49:37 1994",
    })
    void rejectsEverythingElse(String value) {
        assertNull(HttpDates.parse(value), value);
    }

    @Property(tries = 2000)
    void formatThenParseIsTheInstantToTheSecond(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond) {
        // From 0001-01-01 to 9999-12-31, the range of four-digit years.
        Instant instant = Instant.ofEpochSecond(epochSecond);
        assertEquals(instant, HttpDates.parse(HttpDates.format(instant)));
    }

    @Property(tries = 500)
    void theOtherFormatsOfAnInstantParseToIt(
            @ForAll @LongRange(min = 0, max = 4_102_444_799L) long epochSecond) {
        // 1970 to 2099, the current year taken as the instant's own so that its two-digit year means it.
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
        String rfc850 = String.format(Locale.US, "%1$tA, %1$td-%1$tb-%1$ty %1$tT GMT", t);
        String asctime = String.format(Locale.US, "%1$ta %1$tb %1$2te %1$tT %1$tY", t);
        Instant expected = t.toInstant();
        assertEquals(expected, HttpDates.parse(rfc850, t.getYear()), rfc850);
        assertEquals(expected, HttpDates.parse(asctime), asctime);
    }

    @Test
    void dateHeaderLineIsTheCurrentSecond() {
        long before = Instant.now().getEpochSecond();
        byte[] line = HttpDates.dateHeaderLine();
        long after = Instant.now().getEpochSecond();
        String text = new String(line, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Date: ") && text.endsWith("\r\n"), text);
        Instant date = HttpDates.parse(text.substring("Date: ".length(), text.length() - 2));
        assertNotNull(date, text);
        assertTrue(date.getEpochSecond() >= before && date.getEpochSecond() <= after,
                () -> text + " not within " + before + ".." + after);
    }

    @Test
    void dateHeaderLineIsSharedWithinASecond() {
        // Retried until two calls fall into one second, which says nothing about how fast the machine is.
        for (int attempt = 0; ; attempt++) {
            long before = Instant.now().getEpochSecond();
            byte[] first = HttpDates.dateHeaderLine();
            byte[] second = HttpDates.dateHeaderLine();
            if (Instant.now().getEpochSecond() == before) {
                assertSame(first, second);
                return;
            }
            assertTrue(attempt < 100, "never two calls within one second");
        }
    }

    @Test
    void dateHeaderLineFromManyThreadsIsAlwaysWellFormed() throws Exception {
        int threads = 8;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = 0; i < 20_000; i++) {
                    byte[] line = HttpDates.dateHeaderLine();
                    String text = new String(line, StandardCharsets.US_ASCII);
                    assertNotNull(HttpDates.parse(text.substring(6, text.length() - 2)), text);
                    assertEquals("Date: ".length() + 29 + 2, line.length, text);
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Void> result : pool.invokeAll(tasks)) {
                result.get();
            }
        }
    }
}
