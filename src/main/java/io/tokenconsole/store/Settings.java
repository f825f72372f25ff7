package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's settings: a few per environment, a few general ones. Every change writes a
 * {@link AuditAction#SETTINGS_CHANGED} row in the same transaction; the row names the setting and,
 * for values that identify an account (API key id, Link key), not the value. The API secret is not
 * a setting at all: it lives in the {@link CredentialStore}.
 */
public final class Settings {

    public static final Duration DEFAULT_CLIPBOARD_CLEAR_DELAY = Duration.ofSeconds(60);
    public static final Duration MIN_CLIPBOARD_CLEAR_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_CLIPBOARD_CLEAR_DELAY = Duration.ofHours(1);
    public static final String DEFAULT_THEME = "light";

    private static final String GENERAL = "general";

    /** The stored names; {@code showValue} says whether the audit row may carry the new value. */
    private enum Key {
        API_KEY_ID("api_key_id", false),
        BASE_URL_OVERRIDE("base_url_override", true),
        LINK_KEY("link_key", false),
        EXPECTED_CLIENT_ID("expected_client_id", true),
        THEME("theme", true),
        CLIPBOARD_CLEAR_DELAY("clipboard_clear_delay_seconds", true),
        CONFIRM_BEFORE_CHANGES("confirm_before_changes", true),
        LINK_FLOW_ID("link_flow_id", true),
        LINK_ITEMS("link_items", true);

        final String stored;
        final boolean showValue;

        Key(String stored, boolean showValue) {
            this.stored = stored;
            this.showValue = showValue;
        }
    }

    private final Workspace workspace;
    private final AuditLog auditLog;

    Settings(Workspace workspace, AuditLog auditLog) {
        this.workspace = workspace;
        this.auditLog = auditLog;
    }

    // --- per environment --------------------------------------------------------------------------

    public Optional<String> apiKeyId(Environment environment) {
        return get(scope(environment), Key.API_KEY_ID);
    }

    /** {@code null} or blank removes it. */
    public void setApiKeyId(Environment environment, String keyId) {
        set(environment, Key.API_KEY_ID, Text.blankToNull(keyId));
    }

    public Optional<URI> baseUrlOverride(Environment environment) {
        return get(scope(environment), Key.BASE_URL_OVERRIDE).map(URI::create);
    }

    /** A proxy or staging host instead of Argyle's URL; {@code null} goes back to the default. */
    public void setBaseUrlOverride(Environment environment, URI baseUrl) {
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!baseUrl.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("A base URL must be an absolute http(s) URL, not '" + baseUrl + "'");
            }
            if (baseUrl.getUserInfo() != null) {
                // user:password@host would put a credential in the settings table and the audit log.
                throw new IllegalArgumentException("A base URL must not carry a user name or password");
            }
        }
        set(environment, Key.BASE_URL_OVERRIDE, baseUrl == null ? null : baseUrl.toString());
    }

    /** Parses and sets; for the CLI and the settings form, which hold text. */
    public void setBaseUrlOverride(Environment environment, String baseUrl) {
        String text = Text.blankToNull(baseUrl);
        try {
            setBaseUrlOverride(environment, text == null ? null : new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason(), e);
        }
    }

    public Optional<String> linkKey(Environment environment) {
        return get(scope(environment), Key.LINK_KEY);
    }

    public void setLinkKey(Environment environment, String linkKey) {
        set(environment, Key.LINK_KEY, Text.blankToNull(linkKey));
    }

    /** The {@code client_id} tokens of this environment should carry; the inspector warns otherwise. */
    public Optional<String> expectedClientId(Environment environment) {
        return get(scope(environment), Key.EXPECTED_CLIENT_ID);
    }

    public void setExpectedClientId(Environment environment, String clientId) {
        set(environment, Key.EXPECTED_CLIENT_ID, Text.blankToNull(clientId));
    }

    /** The Flow (saved in Argyle's Console) a Link session of this environment starts with unless changed. */
    public Optional<String> linkFlowId(Environment environment) {
        return get(scope(environment), Key.LINK_FLOW_ID);
    }

    public void setLinkFlowId(Environment environment, String flowId) {
        set(environment, Key.LINK_FLOW_ID, bounded(Text.blankToNull(flowId), "A Flow id"));
    }

    /** The items a Link session of this environment offers unless changed, as typed: {@code "item_1, item_2"}. */
    public Optional<String> linkItems(Environment environment) {
        return get(scope(environment), Key.LINK_ITEMS);
    }

    public void setLinkItems(Environment environment, String items) {
        set(environment, Key.LINK_ITEMS, bounded(Text.blankToNull(items), "The Link items"));
    }

    private static String bounded(String value, String what) {
        if (value != null && value.length() > 500) {
            throw new IllegalArgumentException(what + " can be at most 500 characters long");
        }
        return value;
    }

    // --- general ----------------------------------------------------------------------------------

    public String theme() {
        return get(GENERAL, Key.THEME).orElse(DEFAULT_THEME);
    }

    public void setTheme(String theme) {
        String value = Text.blankToNull(theme);
        if (value == null || value.length() > 40) {
            throw new IllegalArgumentException("A theme needs a short name such as 'light' or 'dark'");
        }
        set(null, Key.THEME, value);
    }

    /** How long a token copied to the clipboard stays there before the console clears it. */
    public Duration clipboardClearDelay() {
        // A value edited by hand into something unreadable or out of range means the default, not a crash.
        return get(GENERAL, Key.CLIPBOARD_CLEAR_DELAY)
                .flatMap(Settings::seconds)
                .filter(delay -> delay.compareTo(MIN_CLIPBOARD_CLEAR_DELAY) >= 0
                        && delay.compareTo(MAX_CLIPBOARD_CLEAR_DELAY) <= 0)
                .orElse(DEFAULT_CLIPBOARD_CLEAR_DELAY);
    }

    private static Optional<Duration> seconds(String text) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setClipboardClearDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.compareTo(MIN_CLIPBOARD_CLEAR_DELAY) < 0 || delay.compareTo(MAX_CLIPBOARD_CLEAR_DELAY) > 0) {
            throw new IllegalArgumentException("The clipboard clear delay must be between "
                    + MIN_CLIPBOARD_CLEAR_DELAY.toSeconds() + " s and " + MAX_CLIPBOARD_CLEAR_DELAY.toSeconds()
                    + " s, not " + delay.toSeconds() + " s");
        }
        set(null, Key.CLIPBOARD_CLEAR_DELAY, Long.toString(delay.toSeconds()));
    }

    /**
     * Whether the window asks before it changes something at Argyle (creates a user, issues a token,
     * deletes a user) in this environment. On for production unless someone turned it off; off for
     * the sandboxes unless someone turned it on.
     */
    public boolean confirmBeforeChanges(Environment environment) {
        return get(scope(environment), Key.CONFIRM_BEFORE_CHANGES).map(Boolean::parseBoolean)
                .orElse(environment.isProduction());
    }

    public void setConfirmBeforeChanges(Environment environment, boolean confirm) {
        set(Objects.requireNonNull(environment, "environment"), Key.CONFIRM_BEFORE_CHANGES, Boolean.toString(confirm));
    }

    // --- storage ----------------------------------------------------------------------------------

    private static String scope(Environment environment) {
        return Objects.requireNonNull(environment, "environment").id();
    }

    private Optional<String> get(String scope, Key key) {
        return workspace.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT value FROM settings WHERE scope = ? AND name = ?")) {
                select.setString(1, scope);
                select.setString(2, key.stored);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Stores ({@code null} removes) and audits, unless the value is unchanged. */
    private void set(Environment environment, Key key, String value) {
        String scope = environment == null ? GENERAL : environment.id();
        workspace.write(connection -> {
            Optional<String> before;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT value FROM settings WHERE scope = ? AND name = ?")) {
                select.setString(1, scope);
                select.setString(2, key.stored);
                try (ResultSet row = select.executeQuery()) {
                    before = row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
            if (before.equals(Optional.ofNullable(value))) {
                return null;
            }
            if (value == null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM settings WHERE scope = ? AND name = ?")) {
                    delete.setString(1, scope);
                    delete.setString(2, key.stored);
                    delete.executeUpdate();
                }
            } else {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO settings (scope, name, value) VALUES (?, ?, ?)
                        ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value""")) {
                    upsert.setString(1, scope);
                    upsert.setString(2, key.stored);
                    upsert.setString(3, value);
                    upsert.executeUpdate();
                }
            }
            String detail = key.stored + (value == null ? " cleared" : key.showValue ? ": " + value : " changed");
            auditLog.append(connection, AuditEvent.ok(environment, AuditAction.SETTINGS_CHANGED, null).withDetail(detail));
            return null;
        });
    }
}
