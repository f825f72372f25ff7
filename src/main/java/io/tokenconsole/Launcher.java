package io.tokenconsole;

import io.tokenconsole.cli.TokenConsoleCommand;

/**
 * The one entry point. With no arguments it opens the window; with arguments it runs a
 * headless command. The window's classes are only loaded when the window is wanted, so the
 * commands run on machines without a display or JavaFX's native libraries.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(io.tokenconsole.ui.StartupProbe.SWITCH)) {
            io.tokenconsole.ui.StartupProbe.request();
            args = new String[0];
        }
        if (args.length == 0) {
            io.tokenconsole.ui.TokenConsoleApp.launchWindow(args);
            return;
        }
        System.exit(TokenConsoleCommand.run(args, System.in, System.out, System.err, System.getenv()));
    }
}
