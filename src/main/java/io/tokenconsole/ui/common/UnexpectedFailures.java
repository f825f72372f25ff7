package io.tokenconsole.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The one place a failure nobody planned for ends up: logged once, and shown in plain words with
 * the details folded away. Messages in this code base never carry a secret or a token, so the
 * details are safe to show and to paste into a ticket.
 */
public final class UnexpectedFailures {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class.getName());

    private final Window owner;

    private UnexpectedFailures(Window owner) {
        this.owner = owner;
    }

    /** Makes this handler catch what every thread of the application leaves uncaught. */
    public static void install(Window owner) {
        UnexpectedFailures handler = new UnexpectedFailures(owner);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> handler.report(failure));
    }

    void report(Throwable failure) {
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        if (Platform.isFxApplicationThread()) {
            show(failure);
        } else {
            Platform.runLater(() -> show(failure));
        }
    }

    private void show(Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setHeaderText("Something went wrong that Token Console did not expect");
        alert.setContentText((failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())
                + "\n\nWhat you were doing is not lost; you can carry on. The details below help whoever fixes it.");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
