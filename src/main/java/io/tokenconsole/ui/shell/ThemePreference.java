package io.tokenconsole.ui.shell;

/** Where the window remembers the person's choice of light or dark theme. */
public interface ThemePreference {

    boolean dark();

    void setDark(boolean dark);
}
