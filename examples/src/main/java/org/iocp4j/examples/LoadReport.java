package org.iocp4j.examples;

/** What the {@code load} command prints of a finished run, whichever protocol it drove. Immutable. */
interface LoadReport {
    /** Whether the run was clean: something was measured and nothing failed; the exit code is 0 only then. */
    boolean clean();

    /** The human-readable summary. */
    String summary();

    /** The report as one JSON object. */
    String toJson();
}
