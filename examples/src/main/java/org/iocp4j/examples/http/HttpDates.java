package org.iocp4j.examples.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out, all three historical formats in, and the Date header line
 * cached per second.
 *
 * <p>Thread model: stateless apart from the Date line cache, which any number of threads read and refresh
 * without locks (see {@link #dateHeaderLine()}).
 */
final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final List<String> SHORT_DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> LONG_DAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** One second's Date line. Immutable once built: its fields are final, its array never written again. */
    private record DateLine(long epochSecond, byte[] bytes) {
    }

    /**
     * The latest Date line. Volatile so that a refresh is seen by the other threads at once instead of each
     * recomputing its own; correct publication would hold even without it, since a DateLine is immutable
     * with final fields (JLS §17.5: whoever sees the reference sees the fields and the array they were built
     * with). Two threads refreshing at once both build the same line and the last write wins; a thread
     * whose clock reading lags may put back the previous second, which the next call replaces again: the
     * value is at most a second stale and never torn.
     */
    private static volatile DateLine dateLine = new DateLine(Long.MIN_VALUE, new byte[0]);

    private HttpDates() {
    }

    /** Whether {@link #format} can express {@code instant}: its year is in 1..9999. */
    static boolean formattable(Instant instant) {
        int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }

    /**
     * The instant as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), fractions of a second dropped.
     *
     * @throws IllegalArgumentException the year is outside 1..9999, which the format cannot express
     */
    static String format(Instant instant) {
        if (!formattable(instant)) {
            throw new IllegalArgumentException("HTTP dates have four-digit years, cannot format " + instant);
        }
        return IMF_FIXDATE.format(instant);
    }

    /**
     * The bytes of {@code "Date: <IMF-fixdate>\r\n"} for the current second, shared by all callers: they
     * must not modify the array (it is written to sockets as is, by every thread).
     */
    static byte[] dateHeaderLine() {
        long now = Math.floorDiv(System.currentTimeMillis(), 1000);
        DateLine line = dateLine;
        if (line.epochSecond() != now) {
            String text = "Date: " + format(Instant.ofEpochSecond(now)) + "\r\n";
            line = new DateLine(now, text.getBytes(StandardCharsets.US_ASCII));
            dateLine = line;
        }
        return line.bytes();
    }

    /**
     * Parses an HTTP date in any of the formats RFC 9110 §5.6.7 requires recipients to accept: IMF-fixdate
     * ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT", the two-digit year taken
     * as the one from 49 years ago to 50 years ahead: RFC 9110 makes a year more than 50 years ahead the
     * one a century earlier) and asctime ("Sun Nov  6 08:49:37 1994",
     * UTC). Names are case-sensitive as the grammar says; the day name must match the date; a leap second
     * (":60") counts as :59.
     *
     * @return the instant, or null when the value is none of these (the caller then ignores the header, as
     *         RFC 9110 §13.1.3 asks for an invalid If-Modified-Since)
     */
    static Instant parse(String value) {
        return parse(value, LocalDate.now(ZoneOffset.UTC).getYear());
    }

    /** {@link #parse(String)} with the current year given, for the RFC 850 century. */
    static Instant parse(String value, int currentYear) {
        String s = value.strip();
        try {
            if (s.length() == 29 && s.charAt(3) == ',') {
                return imfFixdate(s);
            }
            if (s.length() == 24 && s.charAt(3) == ' ') {
                return asctime(s);
            }
            int comma = s.indexOf(',');
            if (comma > 0 && s.length() == comma + 24) {
                return rfc850(s, comma, currentYear);
            }
            return null;
        } catch (DateTimeException e) {
            // A day that does not exist in its month (Feb 30).
            return null;
        }
    }

    // "Sun, 06 Nov 1994 08:49:37 GMT"
    private static Instant imfFixdate(String s) {
        int dayName = SHORT_DAYS.indexOf(s.substring(0, 3));
        if (dayName < 0 || s.charAt(4) != ' ' || s.charAt(7) != ' ' || s.charAt(11) != ' '
                || s.charAt(16) != ' ' || !s.endsWith(" GMT")) {
            return null;
        }
        return instant(dayName, number(s, 12, 4), month(s, 8), number(s, 5, 2), s, 17);
    }

    // "Sunday, 06-Nov-94 08:49:37 GMT"
    private static Instant rfc850(String s, int comma, int currentYear) {
        int dayName = LONG_DAYS.indexOf(s.substring(0, comma));
        int d = comma + 2; // the date's first digit
        if (dayName < 0 || s.charAt(comma + 1) != ' ' || s.charAt(d + 2) != '-' || s.charAt(d + 6) != '-'
                || s.charAt(d + 9) != ' ' || !s.endsWith(" GMT")) {
            return null;
        }
        int twoDigits = number(s, d + 7, 2);
        if (twoDigits < 0) {
            return null;
        }
        // The one year with these last two digits from 49 years ago to 50 years ahead.
        int year = currentYear - Math.floorMod(currentYear, 100) + twoDigits;
        if (year > currentYear + 50) {
            year -= 100;
        } else if (year <= currentYear - 50) {
            year += 100;
        }
        return instant(dayName, year, month(s, d + 3), number(s, d, 2), s, d + 10);
    }

    // "Sun Nov  6 08:49:37 1994"
    private static Instant asctime(String s) {
        int dayName = SHORT_DAYS.indexOf(s.substring(0, 3));
        if (dayName < 0 || s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(19) != ' ') {
            return null;
        }
        // The day of the month is two digits or a space and one digit.
        int day = s.charAt(8) == ' ' ? number(s, 9, 1) : number(s, 8, 2);
        return instant(dayName, number(s, 20, 4), month(s, 4), day, s, 11);
    }

    /**
     * Builds the instant from the parts (-1 where one did not parse), with "HH:mm:ss" at {@code time} in
     * {@code s}; null if any part is invalid. {@code dayName} counts from Monday = 0.
     */
    private static Instant instant(int dayName, int year, int month, int day, String s, int time) {
        if (s.charAt(time + 2) != ':' || s.charAt(time + 5) != ':') {
            return null;
        }
        int hour = number(s, time, 2);
        int minute = number(s, time + 3, 2);
        int second = number(s, time + 6, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.getDayOfWeek() != DayOfWeek.of(dayName + 1)) {
            return null;
        }
        return date.atTime(hour, minute, Math.min(second, 59)).toInstant(ZoneOffset.UTC);
    }

    /** The month (1..12) named by the three letters at {@code at}, or -1. */
    private static int month(String s, int at) {
        int index = MONTHS.indexOf(s.substring(at, at + 3));
        return index < 0 ? -1 : index + 1;
    }

    /** The decimal number made of exactly {@code digits} ASCII digits at {@code at}, or -1. */
    private static int number(String s, int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
