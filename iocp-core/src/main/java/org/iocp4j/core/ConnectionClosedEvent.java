package org.iocp4j.core;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event committed when a {@link Connection} has closed and released everything. */
@Name("org.iocp4j.ConnectionClosed")
@Label("iocp4j Connection Closed")
@Category("iocp4j")
@StackTrace(false)
final class ConnectionClosedEvent extends jdk.jfr.Event {
    @Label("Backend")
    String backend;
    @Label("Remote Address")
    String remote;
    @Label("Bytes Read")
    long bytesRead;
    @Label("Bytes Written")
    long bytesWritten;
    @Label("Cause")
    String cause;
}
