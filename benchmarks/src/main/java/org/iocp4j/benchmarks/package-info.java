/** JMH benchmarks: the buffer pool against Netty's pooled allocator, and the sequencer in and out of order. */
package org.iocp4j.benchmarks;
