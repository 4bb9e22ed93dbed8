/**
 * Runnable examples of iocp4j, one jar with subcommands ({@link org.iocp4j.examples.Main}): {@code http}, the
 * sample HTTP/1.1 server ({@link org.iocp4j.examples.http.HttpServer}); {@code echo}, an echo server on the
 * proactor ({@link org.iocp4j.examples.EchoServer}); and {@code load}, a load generator for either, with
 * connection and request rates ({@link org.iocp4j.examples.LoadGenerator}).
 */
package org.iocp4j.examples;
