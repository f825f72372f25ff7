package io.tokenconsole.emulator;

import java.util.List;

/**
 * Which part of the API a request is for, named as in the fault plan and the request counts:
 * {@code "POST /v2/users"}, {@code "GET /v2/users/{id}"}, {@code "POST /v2/user-tokens"}, …
 * Only the routes the emulator serves have names that count: a made-up method or path is
 * {@link #known() unknown} and is neither counted nor accepted in a fault rule, so junk requests
 * cannot grow the emulator's memory.
 */
record ApiRoute(String name, Kind kind, String userId, boolean known) {

    enum Kind { USERS, ONE_USER, USER_TOKENS, UNKNOWN }

    /** Every route the emulator serves, by name. */
    static final List<String> KNOWN = List.of(
            "POST /v2/users", "GET /v2/users",
            "GET /v2/users/{id}", "PATCH /v2/users/{id}", "DELETE /v2/users/{id}",
            "POST /v2/user-tokens");

    static ApiRoute of(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.equals("/v2/users")) {
            return named(method + " /v2/users", Kind.USERS, null);
        }
        if (path.equals("/v2/user-tokens")) {
            return named(method + " /v2/user-tokens", Kind.USER_TOKENS, null);
        }
        if (path.startsWith("/v2/users/") && path.indexOf('/', "/v2/users/".length()) < 0) {
            return named(method + " /v2/users/{id}", Kind.ONE_USER, path.substring("/v2/users/".length()));
        }
        return new ApiRoute("(unknown route)", Kind.UNKNOWN, null, false);
    }

    /** The route's name as written in {@link #KNOWN}, for a name a person typed in any case; null when unknown. */
    static String knownName(String typed) {
        String wanted = typed.strip().replaceAll("\\s+", " ");
        return KNOWN.stream().filter(known -> known.equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    private static ApiRoute named(String name, Kind kind, String userId) {
        boolean known = KNOWN.contains(name);
        return new ApiRoute(known ? name : "(unknown route)", kind, userId, known);
    }
}
