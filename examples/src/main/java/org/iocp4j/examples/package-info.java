/**
 * Runnable examples of iocp4j, one jar with subcommands ({@link org.iocp4j.examples.Main}): {@code echo}, an
 * echo server on the proactor ({@link org.iocp4j.examples.EchoServer}), and {@code load}, an echo load
 * generator with connection and message rates ({@link org.iocp4j.examples.LoadGenerator}).
 */
package org.iocp4j.examples;
