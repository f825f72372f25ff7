package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class StartupProbeUiTest extends ApplicationTest {

    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void printsTheTimeSinceTheProcessStartedAndTheMemoryAtTheFirstFrameOnceThenEnds() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger exits = new AtomicInteger();
        long uptimeBefore = ManagementFactory.getRuntimeMXBean().getUptime();
        interact(() -> {
            StartupProbe.measure(stage, new PrintStream(printed, true, StandardCharsets.UTF_8), () -> {
                exits.incrementAndGet();
                ended.countDown();
            });
            stage.setScene(new Scene(new Label("probe"), 300, 200));
            stage.show();
        });
        assertTrue(ended.await(10, TimeUnit.SECONDS), "the probe reports the first frame and ends the app");
        long uptimeAfter = ManagementFactory.getRuntimeMXBean().getUptime();
        // More frames come; the probe has reported already and stays quiet.
        interact(() -> stage.getScene().setRoot(new Label("second frame")));
        WaitForAsyncUtils.waitForFxEvents();

        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "one line: " + printed);
        assertEquals(1, exits.get());
        JsonNode probe = new ObjectMapper().readTree(lines[0]);
        long firstFrame = probe.path("first_frame_ms").asLong();
        // Counted from the process's start, which is before the JVM's (10 ms steps on Linux).
        assertTrue(firstFrame >= uptimeBefore - 20, firstFrame + " ms since the process started, JVM up " + uptimeBefore);
        assertTrue(firstFrame <= uptimeAfter + 2_000, firstFrame + " ms since the process started, JVM up " + uptimeAfter);
        if (System.getProperty("os.name").contains("Linux")) {
            assertTrue(probe.path("rss_kb").asLong() > 10_000, "resident memory in kB: " + lines[0]);
            assertTrue(probe.path("cpu_ms").asLong() > 0, "CPU time in ms: " + lines[0]);
        }
    }
}
