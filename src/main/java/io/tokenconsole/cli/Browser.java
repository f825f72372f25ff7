package io.tokenconsole.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** {@code --open}: hands an address to the system's browser, and says so when there is none. */
final class Browser {

    private Browser() {
    }

    static void open(URI address, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("win")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", address.toString());
        } else if (os.contains("mac")) {
            command = List.of("open", address.toString());
        } else {
            command = List.of("xdg-open", address.toString());
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noBrowser) {
            err.println("Could not start a browser (" + command.get(0) + "): open the address above yourself.");
        }
    }
}
