package org.iocp4j.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** Periodic JFR event with an {@link IoEngine}'s {@link EngineMetrics} (every second by default). */
@Name("org.iocp4j.EngineSnapshot")
@Label("iocp4j Engine Snapshot")
@Category("iocp4j")
@Description("Connections, operations in flight, completions and pool usage of an iocp4j engine")
@Period("1 s")
@StackTrace(false)
final class EngineSnapshotEvent extends jdk.jfr.Event {
    @Label("Backend")
    String backend;
    @Label("Open Connections")
    long connectionsOpen;
    @Label("Operations In Flight")
    long operationsInFlight;
    @Label("Completions")
    long completions;
    @Label("Completions Per Dequeue")
    double completionsPerDequeue;
    @Label("Inline Completions")
    long inlineCompletions;
    @Label("Reordered Completions")
    long reorderedCompletions;
    @Label("Cancellations")
    long cancellations;
    @Label("Buffers In Use")
    long buffersInUse;
}
