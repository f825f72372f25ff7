package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Part of the workspace contract suite: runs on SQLite and on PostgreSQL. */
class SettingsTest extends WorkspaceContract {

    private Workspace open() {
        return workspaces.open("workspace.db", TestClock.at("2026-11-25T10:00:00Z"), new Operator("jane"));
    }

    @Test
    void aFreshWorkspaceHasTheDocumentedDefaults() {
        try (Workspace workspace = open()) {
            Settings settings = workspace.settings();
            assertEquals("light", settings.theme());
            assertEquals(Duration.ofSeconds(60), settings.clipboardClearDelay());
            assertTrue(settings.confirmBeforeChanges(Environment.PRODUCTION));
            assertFalse(settings.confirmBeforeChanges(Environment.SANDBOX));
            assertFalse(settings.confirmBeforeChanges(Environment.LOCAL));
            assertEquals(Optional.empty(), settings.apiKeyId(Environment.SANDBOX));
            assertEquals(Optional.empty(), settings.baseUrlOverride(Environment.PRODUCTION));
        }
    }

    @Test
    void everySettingSurvivesAReopenAndStaysInItsEnvironment() {
        try (Workspace workspace = open()) {
            Settings settings = workspace.settings();
            settings.setApiKeyId(Environment.SANDBOX, "key-sandbox-1");
            settings.setBaseUrlOverride(Environment.SANDBOX, URI.create("https://proxy.internal/v2"));
            settings.setLinkKey(Environment.PRODUCTION, "link-prod");
            settings.setExpectedClientId(Environment.PRODUCTION, "client-42");
            settings.setTheme("dark");
            settings.setClipboardClearDelay(Duration.ofSeconds(15));
            settings.setConfirmBeforeChanges(Environment.PRODUCTION, false);
            settings.setConfirmBeforeChanges(Environment.SANDBOX, true);
        }
        try (Workspace workspace = open()) {
            Settings settings = workspace.settings();
            assertEquals(Optional.of("key-sandbox-1"), settings.apiKeyId(Environment.SANDBOX));
            assertEquals(Optional.empty(), settings.apiKeyId(Environment.PRODUCTION));
            assertEquals(Optional.of(URI.create("https://proxy.internal/v2")), settings.baseUrlOverride(Environment.SANDBOX));
            assertEquals(Optional.of("link-prod"), settings.linkKey(Environment.PRODUCTION));
            assertEquals(Optional.empty(), settings.linkKey(Environment.SANDBOX));
            assertEquals(Optional.of("client-42"), settings.expectedClientId(Environment.PRODUCTION));
            assertEquals("dark", settings.theme());
            assertEquals(Duration.ofSeconds(15), settings.clipboardClearDelay());
            assertFalse(settings.confirmBeforeChanges(Environment.PRODUCTION));
            assertTrue(settings.confirmBeforeChanges(Environment.SANDBOX));
        }
    }

    @Test
    void aChangeIsAuditedWithoutTheValuesThatIdentifyAnAccount() {
        try (Workspace workspace = open()) {
            Settings settings = workspace.settings();
            settings.setApiKeyId(Environment.PRODUCTION, "key-prod-7");
            settings.setLinkKey(Environment.PRODUCTION, "link-prod-7");
            settings.setTheme("dark");
            settings.setTheme("dark"); // unchanged: no row
            settings.setApiKeyId(Environment.PRODUCTION, null);

            List<AuditEntry> log = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.SETTINGS_CHANGED));
            assertEquals(List.of("api_key_id cleared", "theme: dark", "link_key changed", "api_key_id changed"),
                    log.stream().map(AuditEntry::detail).toList());
            assertEquals(Environment.PRODUCTION, log.get(0).environment());
            assertEquals(null, log.get(1).environment(), "theme is a general setting");
            assertTrue(log.stream().noneMatch(entry -> entry.detail().contains("prod-7")));
        }
    }

    @Test
    void valuesThatCannotWorkAreRefusedInPlainWords() {
        try (Workspace workspace = open()) {
            Settings settings = workspace.settings();
            assertThrows(IllegalArgumentException.class, () -> settings.setClipboardClearDelay(Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> settings.setClipboardClearDelay(Duration.ofDays(1)));
            assertThrows(IllegalArgumentException.class, () -> settings.setBaseUrlOverride(Environment.SANDBOX, "ftp://x"));
            assertThrows(IllegalArgumentException.class, () -> settings.setBaseUrlOverride(Environment.SANDBOX, "not a url"));
            IllegalArgumentException withPassword = assertThrows(IllegalArgumentException.class,
                    () -> settings.setBaseUrlOverride(Environment.SANDBOX, "https://key:secret@proxy/v2"));
            assertTrue(withPassword.getMessage().contains("must not carry"));
            assertThrows(IllegalArgumentException.class, () -> settings.setTheme(" "));
            assertTrue(workspace.audit().find(AuditQuery.EVERYTHING).isEmpty(), "a refused change is not audited");
        }
    }

    @Test
    void aDelayEditedByHandIntoNonsenseMeansTheDefault() {
        try (Workspace workspace = open()) {
            workspace.write(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO settings (scope, name, value)"
                            + " VALUES ('general', 'clipboard_clear_delay_seconds', 'soon')");
                }
            });
            assertEquals(Settings.DEFAULT_CLIPBOARD_CLEAR_DELAY, workspace.settings().clipboardClearDelay());
        }
    }

    @Test
    void clearingABaseUrlGoesBackToArgylesDefault() {
        try (Workspace workspace = open()) {
            workspace.settings().setBaseUrlOverride(Environment.SANDBOX, "https://proxy.internal/v2");
            workspace.settings().setBaseUrlOverride(Environment.SANDBOX, "");
            assertEquals(Optional.empty(), workspace.settings().baseUrlOverride(Environment.SANDBOX));
        }
    }
}
