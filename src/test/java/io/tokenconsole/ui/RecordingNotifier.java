package io.tokenconsole.ui;

import io.tokenconsole.ui.common.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier for tests: keeps every notification. */
public final class RecordingNotifier implements Notifier {

    private final List<String> notifications = new CopyOnWriteArrayList<>();

    @Override
    public void notify(String text) {
        notifications.add(text);
    }

    public List<String> notifications() {
        return notifications;
    }
}
