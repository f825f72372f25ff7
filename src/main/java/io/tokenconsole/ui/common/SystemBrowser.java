package io.tokenconsole.ui.common;

/**
 * Opens an address in the person's own browser (the window uses the application's host services);
 * tests record the address instead.
 */
@FunctionalInterface
public interface SystemBrowser {

    /** Hands {@code address} to the system browser; throws when there is none to hand it to. */
    void open(String address);

    /** For a window built without host services: says so instead of pretending to open anything. */
    static SystemBrowser unavailable() {
        return address -> {
            throw new IllegalStateException("This window cannot open the system browser: copy the page address"
                    + " and paste it into a browser.");
        };
    }
}
