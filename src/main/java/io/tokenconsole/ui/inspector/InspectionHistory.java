package io.tokenconsole.ui.inspector;

import io.tokenconsole.inspect.TokenReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tokens inspected in this session, newest first. The list shows what identifies a token (jti,
 * user, environment, status); the token itself stays in memory only until the pane is cleared.
 */
final class InspectionHistory {

    static final int MAX_ENTRIES = 20;

    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    /** The tokens, by entry id; emptied by {@link #forgetTokens()}. */
    private final Map<Long, String> tokens = new HashMap<>();
    private long nextId;

    /** Notes a decoded token; the same token again replaces its entry and moves it to the top. */
    void add(String token, TokenReport report, String status, String at) {
        Optional<Long> same = tokens.entrySet().stream().filter(e -> e.getValue().equals(token))
                .map(Map.Entry::getKey).findFirst();
        same.ifPresent(id -> {
            entries.removeIf(entry -> entry.id() == id);
            tokens.remove(id);
        });
        long id = ++nextId;
        tokens.put(id, token);
        entries.add(0, new HistoryEntry(id, report.tokenId().orElse("(no jti)"), report.userId().orElse("(no user_id)"),
                report.environment().displayName(), status, at, true));
        while (entries.size() > MAX_ENTRIES) {
            tokens.remove(entries.remove(entries.size() - 1).id());
        }
    }

    Optional<String> token(HistoryEntry entry) {
        return Optional.ofNullable(tokens.get(entry.id()));
    }

    /** Drops every token from memory; the entries stay, marked as cleared. */
    void forgetTokens() {
        tokens.clear();
        entries.replaceAll(HistoryEntry::forgotten);
    }

    ObservableList<HistoryEntry> entries() {
        return entriesView;
    }
}
