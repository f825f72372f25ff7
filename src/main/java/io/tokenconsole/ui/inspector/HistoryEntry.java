package io.tokenconsole.ui.inspector;

/**
 * One token inspected in this session, by what identifies it — never the token itself: the view
 * model keeps the token in memory beside it until the pane is cleared ({@code inMemory}).
 */
public record HistoryEntry(long id, String tokenId, String user, String environment, String status, String inspectedAt,
        boolean inMemory) {

    HistoryEntry forgotten() {
        return new HistoryEntry(id, tokenId, user, environment, status, inspectedAt, false);
    }

    /** One line for the list: "jti 5f3c… · user 017f… · Sandbox · Expired 3 h ago · 10:42". */
    public String line() {
        return "jti " + tokenId + " · user " + user + " · " + environment + " · " + status + " · " + inspectedAt
                + (inMemory ? "" : " · cleared");
    }
}
