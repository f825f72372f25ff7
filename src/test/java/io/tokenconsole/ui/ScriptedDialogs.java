package io.tokenconsole.ui;

import io.tokenconsole.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs for tests: answers what the test scripted and remembers every question asked. */
public final class ScriptedDialogs implements DialogService {

    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final List<String> questions = new ArrayList<>();
    private final List<String> informed = new ArrayList<>();
    private Path fileToOpen;
    private Path fileToSave;

    /** The next confirmation is answered with {@code yes}; unscripted ones are answered no. */
    public ScriptedDialogs answer(boolean yes) {
        answers.addLast(yes);
        return this;
    }

    public ScriptedDialogs openFile(Path file) {
        fileToOpen = file;
        return this;
    }

    public ScriptedDialogs saveFile(Path file) {
        fileToSave = file;
        return this;
    }

    public List<String> questions() {
        return questions;
    }

    public List<String> informed() {
        return informed;
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        questions.add(title + ": " + question);
        return !answers.isEmpty() && answers.removeFirst();
    }

    @Override
    public void inform(String title, String header, String text) {
        informed.add(title + ": " + text);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String kind, List<String> patterns) {
        return Optional.ofNullable(fileToSave);
    }
}
