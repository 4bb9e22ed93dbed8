/** Placeholder package documentation for {@code org.iocp4j.benchmarks}; filled in by its issue. */
package org.iocp4j.benchmarks;
