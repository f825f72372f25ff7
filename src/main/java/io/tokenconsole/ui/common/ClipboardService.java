package io.tokenconsole.ui.common;

import java.util.Optional;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard, behind one small class so panes don't reach for the toolkit's singleton. */
public final class ClipboardService {

    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public Optional<String> text() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
    }

    /** Empties the clipboard. */
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }
}
