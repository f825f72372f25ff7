package io.tokenconsole.ui.tokens;

/** A saved user offered while typing an id: the id, and its label or external id to recognise it by. */
public record UserSuggestion(String id, String description) {

    /** As the suggestion list shows it. */
    @Override
    public String toString() {
        return description == null || description.isBlank() ? id : id + "  —  " + description;
    }
}
