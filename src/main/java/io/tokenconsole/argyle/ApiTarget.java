package io.tokenconsole.argyle;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where calls go: the environment (which decides what the console lets a person do) and the
 * base URL that actually answers, which may be Argyle's default, an override (a proxy, a staging
 * host) or the local sandbox's address.
 */
public record ApiTarget(Environment environment, URI baseUrl) {

    public ApiTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("A base URL must look like https://host/v2, not " + baseUrl);
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Argyle's own address for the environment; the local sandbox has none until its emulator runs. */
    public static ApiTarget of(Environment environment) {
        URI url = environment.defaultBaseUrl().orElseThrow(() -> new IllegalArgumentException(
                environment.displayName() + " has no fixed address: give the emulator's base URL"));
        return new ApiTarget(environment, url);
    }

    /**
     * Whether calls reach Argyle's production API, whatever the environment says: a sandbox
     * target whose base URL (from {@code --base-url} or a saved override) names the production host
     * acts on real customers just the same. Decided from the URL alone, without sending anything.
     */
    public boolean reachesProduction() {
        return environment.isProduction() || isHost(baseUrl, Environment.PRODUCTION.defaultBaseUrl().orElseThrow().getHost());
    }

    /** Whether the base URL points at this machine (the local sandbox, an emulator, a local proxy). */
    public boolean isOnThisMachine() {
        String host = normalHost(baseUrl);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
    }

    private static boolean isHost(URI url, String wanted) {
        return normalHost(url).equals(wanted.toLowerCase(Locale.ROOT));
    }

    /** Lower case, without the trailing dot a fully qualified name may carry ({@code api.argyle.com.}). */
    private static String normalHost(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** {@code path} starts with a slash and is relative to the base URL, e.g. {@code /users}. */
    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    /** How the target is named in messages: "Sandbox (api-sandbox.argyle.com)". */
    String describe() {
        String host = baseUrl.getPort() > 0 ? baseUrl.getHost() + ":" + baseUrl.getPort() : baseUrl.getHost();
        return environment.displayName() + " (" + host + ")";
    }
}
