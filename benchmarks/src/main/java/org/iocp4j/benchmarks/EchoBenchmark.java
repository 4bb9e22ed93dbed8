package org.iocp4j.benchmarks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.Connection;
import org.iocp4j.core.ConnectionHandler;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One operation = one message echoed by an engine server: the benchmark thread writes {@code size} bytes
 * on a blocking JDK socket and reads them back. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is
 * what the whole JVM allocated per echoed message - the engine's receive, handler call, write and send,
 * plus the JDK client's share, which {@link #clientOnly} measures alone against a plain JDK echo thread,
 * so that the difference is the engine's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EchoBenchmark {
    @Param({"64"})
    int size;

    private IoEngine engine;
    private Socket engineClient;
    private OutputStream engineOut;
    private DataInputStream engineIn;
    private java.net.ServerSocket jdkServer;
    private Socket jdkClient;
    private OutputStream jdkOut;
    private DataInputStream jdkIn;
    private byte[] message;
    private byte[] echoed;

    /** An engine (the OS's default backend, one worker) echoing on loopback, and a JDK echo thread. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        message = new byte[size];
        echoed = new byte[size];
        engine = IoEngine.builder().workers(1).build();
        Server server = engine.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> new ConnectionHandler() {
            @Override
            public void onRead(Connection connection, Buffer data) {
                connection.write(data);
            }
        });
        engineClient = new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
        engineClient.setTcpNoDelay(true);
        engineOut = engineClient.getOutputStream();
        engineIn = new DataInputStream(engineClient.getInputStream());

        jdkServer = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("jdk-echo").start(this::jdkEcho);
        jdkClient = new Socket(InetAddress.getLoopbackAddress(), jdkServer.getLocalPort());
        jdkClient.setTcpNoDelay(true);
        jdkOut = jdkClient.getOutputStream();
        jdkIn = new DataInputStream(jdkClient.getInputStream());
    }

    private void jdkEcho() {
        try (Socket s = jdkServer.accept()) {
            s.setTcpNoDelay(true);
            byte[] buffer = new byte[64 * 1024];
            var in = s.getInputStream();
            var out = s.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The trial is over: the client closed.
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engineClient.close();
        jdkClient.close();
        jdkServer.close();
        engine.shutdown(Duration.ofSeconds(5));
    }

    /** A message echoed by the engine. */
    @Benchmark
    public byte[] engineEcho() throws IOException {
        engineOut.write(message);
        engineIn.readFully(echoed);
        return echoed;
    }

    /** The same message echoed by a plain JDK thread: the client's and the JDK's own share. */
    @Benchmark
    public byte[] clientOnly() throws IOException {
        jdkOut.write(message);
        jdkIn.readFully(echoed);
        return echoed;
    }
}
