package org.iocp4j.examples;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of one subcommand: each {@code --name VALUE} (or {@code --name=VALUE}) with a default, parsed
 * by {@link #parse} and read back typed and range-checked. Every bad input is a {@link UsageException}
 * naming the option.
 */
public final class Options {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private record Spec(String argName, String defaultValue, String description) {
    }

    private final String command;
    private final String summary;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param command the subcommand's name, as typed
     * @param summary one line saying what it does
     */
    public Options(String command, String summary) {
        this.command = command;
        this.summary = summary;
    }

    /**
     * Declares {@code --name}.
     *
     * @param defaultValue the value when absent, or {@code null} for none
     * @return this
     */
    public Options option(String name, String argName, String defaultValue, String description) {
        specs.put(name, new Spec(argName, defaultValue, description));
        return this;
    }

    /**
     * Parses {@code args}.
     *
     * @return {@code false} if {@code --help} was given (nothing else is parsed), else {@code true}
     * @throws UsageException an unknown option, a missing value or a stray argument
     */
    public boolean parse(String[] args) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return false;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!specs.containsKey(name)) {
                throw new UsageException("unknown option '--" + name + "' for " + command);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option '--" + name + "' needs a value");
            }
            values.put(name, value);
        }
        return true;
    }

    /** Whether {@code --name} was given on the command line (rather than left to its default). */
    public boolean isSet(String name) {
        spec(name);
        return values.containsKey(name);
    }

    /** The value of {@code --name}, or its default ({@code null} when it has none). */
    public String string(String name) {
        String v = values.get(name);
        return v != null ? v : spec(name).defaultValue();
    }

    /**
     * The value of {@code --name} as an integer in {@code [min, max]}.
     *
     * @throws UsageException not a number, or out of range
     */
    public int integer(String name, int min, int max) throws UsageException {
        String v = string(name);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option '--" + name + "' needs a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new UsageException("option '--" + name + "' must be between " + min + " and " + max
                    + ", got " + n);
        }
        return n;
    }

    /**
     * The value of {@code --name} as a duration: a number with unit {@code ms}, {@code s} (the default) or
     * {@code m}, between {@code min} and {@code max}.
     *
     * @throws UsageException malformed, or out of range
     */
    public Duration duration(String name, Duration min, Duration max) throws UsageException {
        String v = string(name);
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("option '--" + name + "' needs a duration such as 500ms, 10s or 2m, got '"
                    + v + "'");
        }
        Duration d;
        try {
            long amount = Long.parseLong(m.group(1));
            d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("option '--" + name + "' is too large: '" + v + "'");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new UsageException("option '--" + name + "' must be between " + min.toMillis() + "ms and "
                    + max.toSeconds() + "s, got '" + v + "'");
        }
        return d;
    }

    private Spec spec(String name) {
        Spec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("option --" + name + " is not declared for " + command);
        }
        return s;
    }

    /** The usage text: the command line shape, the summary and every option with its default. */
    public String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: iocp4j-examples ").append(command).append(" [options]\n\n").append(summary)
                .append("\n\noptions:\n");
        for (Map.Entry<String, Spec> e : specs.entrySet()) {
            Spec s = e.getValue();
            String left = "--" + e.getKey() + " " + s.argName();
            sb.append(String.format(Locale.ROOT, "  %-26s %s", left, s.description()));
            if (s.defaultValue() != null) {
                sb.append(" (default ").append(s.defaultValue()).append(')');
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", "--help", "print this help"));
        return sb.toString();
    }
}
