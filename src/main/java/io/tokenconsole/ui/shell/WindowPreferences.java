package io.tokenconsole.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * This person's window preferences (the theme) in a small file of the data folder, read before
 * the first frame — opening the workspace would delay it — and written in the background. They
 * are personal, so they stay on this computer even when the workspace is a team's.
 */
public final class WindowPreferences implements ThemePreference {

    public static final String FILE_NAME = "window.properties";

    private final Path file;
    private final Executor background;
    private volatile boolean dark;

    private WindowPreferences(Path file, Executor background, boolean dark) {
        this.file = file;
        this.background = background;
        this.dark = dark;
    }

    /** Reads the preferences in {@code folder}; a missing or unreadable file means the defaults. */
    public static WindowPreferences read(Path folder, Executor background) {
        Path file = folder.resolve(FILE_NAME);
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                properties.clear();
            }
        }
        return new WindowPreferences(file, background, "dark".equals(properties.getProperty("theme")));
    }

    @Override
    public boolean dark() {
        return dark;
    }

    @Override
    public void setDark(boolean value) {
        dark = value;
        background.execute(this::write);
    }

    private synchronized void write() {
        Properties properties = new Properties();
        properties.setProperty("theme", dark ? "dark" : "light");
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Token Console window preferences");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException notSaved) {
            // A theme that is not remembered is no reason to bother anyone; the window keeps it for now.
        }
    }
}
