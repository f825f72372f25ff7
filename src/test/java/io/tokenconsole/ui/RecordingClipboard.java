package io.tokenconsole.ui;

import io.tokenconsole.ui.common.SecretClipboard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clipboard for view-model tests: what was copied, and whether as a secret. */
public final class RecordingClipboard implements SecretClipboard {

    private final List<String> copied = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final Duration delay;

    public RecordingClipboard(Duration delay) {
        this.delay = delay;
    }

    @Override
    public void copy(String text) {
        copied.add(text);
    }

    @Override
    public Duration copySecret(String text) {
        secrets.add(text);
        return delay;
    }

    public List<String> copied() {
        return copied;
    }

    public List<String> secrets() {
        return secrets;
    }
}
