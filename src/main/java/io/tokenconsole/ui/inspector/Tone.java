package io.tokenconsole.ui.inspector;

/** How a badge or a fact should read at a glance; the view maps it to the theme's colours. */
public enum Tone {
    SUCCESS, WARNING, DANGER, NEUTRAL;

    /** The style class suffix: "badge-" + id, "fact-" + id. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
