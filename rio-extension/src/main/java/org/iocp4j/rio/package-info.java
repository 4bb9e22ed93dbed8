/** Placeholder package documentation for {@code org.iocp4j.rio}; filled in by its issue. */
package org.iocp4j.rio;
