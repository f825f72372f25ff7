package io.tokenconsole.ui;

import io.tokenconsole.ui.shell.ThemePreference;

/** A theme preference that lives in memory, so tests don't touch the person's real settings. */
public final class MemoryThemePreference implements ThemePreference {

    private boolean dark;

    @Override
    public boolean dark() {
        return dark;
    }

    @Override
    public void setDark(boolean dark) {
        this.dark = dark;
    }
}
