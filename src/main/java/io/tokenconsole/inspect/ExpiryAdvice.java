package io.tokenconsole.inspect;

/** The vendor's advice, shown wherever the console shows an expiry. One text, everywhere. */
public final class ExpiryAdvice {

    public static final String TITLE = "Don't rely on the expiry";
    public static final String TEXT = "Argyle advises against monitoring fields such as exp. Create a new user token "
            + "every time Link is initialised; tokens expire 1 hour after they are issued.";

    private ExpiryAdvice() {
    }
}
