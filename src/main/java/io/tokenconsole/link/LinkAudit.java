package io.tokenconsole.link;

import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.AuditLog;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes what matters of a Link session to the audit log: an account connected, and Link's errors
 * — with the session's user id and what Link said, never the token. Subscribe it to each session
 * ({@link LinkSession#subscribe}); the window and the command line use the same one.
 */
public final class LinkAudit implements LinkListener {

    private final Consumer<AuditEvent> audit;

    public LinkAudit(AuditLog audit) {
        this(Objects.requireNonNull(audit, "audit")::record);
    }

    /** Rows go to {@code audit}: an action recorder's, say, that keeps them on this computer while a team workspace is away. */
    public LinkAudit(Consumer<AuditEvent> audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void onEvent(LinkSession session, LinkEvent event) {
        if (!event.isCallback()) {
            return;
        }
        switch (event.name()) {
            case "onAccountConnected" -> audit.accept(AuditEvent.ok(session.environment(),
                    AuditAction.LINK_ACCOUNT_CONNECTED, session.userId()).withDetail(describe(event, "itemId", "accountId")));
            case "onError" -> audit.accept(AuditEvent.failed(session.environment(),
                    AuditAction.LINK_ERROR, session.userId(), describe(event, "errorType", "errorMessage")));
            default -> {
                // The other callbacks are in the session's timeline; the audit log keeps what support must answer for.
            }
        }
    }

    private static String describe(LinkEvent event, String first, String second) {
        String text = first + ": " + event.payloadText(first).orElse("-") + ", " + second + ": "
                + event.payloadText(second).orElse("-");
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
