package org.iocp4j.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Child-process load for {@code IoSocketFacadeTest}: N virtual-thread clients connect, wait until all N are
 * connected (so N connections are open at once), then each echoes a few messages and checks them. Runs in
 * its own process so that the N client descriptors do not count against the test JVM's descriptor limit.
 * Plain JDK only. Prints "OK n" and exits 0, or prints the failure and exits 1.
 */
public final class FacadeLoadClient {
    private FacadeLoadClient() {
    }

    /** Arguments: host port clients rounds messageBytes. */
    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int clients = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        CountDownLatch allConnected = new CountDownLatch(clients);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                results.add(threads.submit(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(server, 60_000);
                        allConnected.countDown();
                        if (!allConnected.await(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("not all clients connected");
                        }
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        byte[] message = new byte[size];
                        byte[] echo = new byte[size];
                        for (int r = 0; r < rounds; r++) {
                            Arrays.fill(message, (byte) (id * 31 + r));
                            out.write(message);
                            if (in.readNBytes(echo, 0, size) != size || !Arrays.equals(message, echo)) {
                                throw new IllegalStateException("client " + id + " round " + r + ": bad echo");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
            System.out.println("OK " + clients);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
