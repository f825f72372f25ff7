package io.tokenconsole.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions and file choosers a view model needs, without building a window itself: the
 * window shows real dialogs, tests answer for the person.
 */
public interface DialogService {

    /** Asks before something that cannot be undone; {@code true} only for an explicit yes. */
    boolean confirm(String title, String question, String confirmLabel);

    /** Shows information the person reads and closes (About, Keyboard shortcuts). */
    void inform(String title, String header, String text);

    /** A file to read, of the named kinds (e.g. "CSV or JSON", {@code *.csv}, {@code *.json}). */
    Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns);

    /** Where to write a file, suggesting {@code suggestedName}. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, String kind, List<String> patterns);
}
