package org.iocp4j.examples;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The examples' command line: {@code iocp4j-examples COMMAND [options]}, with {@code --help} for the list
 * and {@code COMMAND --help} for a command's options. Bad input prints what was wrong and the usage and
 * exits with 2.
 */
public final class Main {
    /** Exit code for bad command-line input. */
    public static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            usage: iocp4j-examples COMMAND [options]

            commands:
              http   HTTP/1.1 server (static files and demo routes) on the proactor
              echo   echo server on the proactor
              load   load generator for the echo server or an HTTP/1.1 server

            Run 'iocp4j-examples COMMAND --help' for a command's options.""";

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs {@code args}, writing output to {@code out} and errors to {@code err}.
     *
     * @return the exit code: 0 success, 1 the command failed, {@value #USAGE_ERROR} bad input
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("error: no command given");
            err.println(USAGE);
            return USAGE_ERROR;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return 0;
        }
        Options options = switch (args[0]) {
            case "http" -> HttpCommand.options();
            case "echo" -> EchoServer.options();
            case "load" -> LoadGenerator.options();
            default -> null;
        };
        if (options == null) {
            err.println("error: unknown command '" + args[0] + "'");
            err.println(USAGE);
            return USAGE_ERROR;
        }
        try {
            if (!options.parse(Arrays.copyOfRange(args, 1, args.length))) {
                out.print(options.usage());
                return 0;
            }
            return switch (args[0]) {
                case "http" -> HttpCommand.run(options, out);
                case "echo" -> EchoServer.run(options, out);
                default -> LoadGenerator.run(options, out);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(options.usage());
            return USAGE_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("error: " + args[0] + " failed: " + e);
            return 1;
        }
    }
}
