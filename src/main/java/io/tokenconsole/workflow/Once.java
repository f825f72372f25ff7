package io.tokenconsole.workflow;

import java.util.function.Supplier;

/**
 * A value made the first time it is asked for, by whichever thread asks first, then always the same one;
 * the maker is let go once it has made it. For what start-up need not wait for: the OS credential store,
 * the window's pane view models.
 */
public final class Once<T> implements Supplier<T> {

    private Supplier<T> maker;
    private T value;

    public Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = maker.get();
            maker = null;
        }
        return value;
    }
}
