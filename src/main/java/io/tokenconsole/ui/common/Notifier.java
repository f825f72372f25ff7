package io.tokenconsole.ui.common;

/** Short news for the person about something that just happened ("Copied; cleared in 60 s"). */
public interface Notifier {

    void notify(String text);

    /** Tells nobody: for view models that run without a window. */
    static Notifier none() {
        return text -> { };
    }
}
