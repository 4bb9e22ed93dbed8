package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine's JFR events: a snapshot every period and one event per closed connection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineJfrTest {

    @Test
    void recordsSnapshotsAndConnectionCloses(@TempDir Path dir) throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        Path file = dir.resolve("engine.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("org.iocp4j.ConnectionClosed");
            // JFR runs a periodic event's hook at the end of every chunk too, so stop() below emits a snapshot
            // taken after the echo: an event, where waiting for a 100 ms period to come round was a race.
            recording.enable("org.iocp4j.EngineSnapshot").with("period", "endChunk");
            recording.start();
            Server server = engine.listen(EngineTesting.LOOPBACK, EngineTesting.Echo::new);
            try (Socket s = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
                s.getOutputStream().write(new byte[1000]);
                assertEquals(1000, s.getInputStream().readNBytes(1000).length);
            }
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(5));
            recording.stop();
            recording.dump(file);
        } finally {
            EngineTesting.shutdownClean(engine);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> closes = events.stream()
                .filter(e -> e.getEventType().getName().equals("org.iocp4j.ConnectionClosed")).toList();
        assertEquals(1, closes.size());
        assertEquals(1000, closes.getFirst().getLong("bytesRead"));
        assertEquals(1000, closes.getFirst().getLong("bytesWritten"));
        assertEquals(EngineTesting.BACKEND, closes.getFirst().getString("backend"));
        List<RecordedEvent> snapshots = events.stream()
                .filter(e -> e.getEventType().getName().equals("org.iocp4j.EngineSnapshot")).toList();
        assertFalse(snapshots.isEmpty(), "periodic snapshots");
        assertTrue(snapshots.stream().anyMatch(e -> e.getLong("completions") > 0));
    }
}
