package io.tokenconsole.emulator;

/**
 * Which part of the API a request is for, named as in the fault plan and the request counts:
 * {@code "POST /v2/users"}, {@code "GET /v2/users/{id}"}, {@code "POST /v2/user-tokens"}, …
 */
record ApiRoute(String name, Kind kind, String userId) {

    enum Kind { USERS, ONE_USER, USER_TOKENS, UNKNOWN }

    static ApiRoute of(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.equals("/v2/users")) {
            return new ApiRoute(method + " /v2/users", Kind.USERS, null);
        }
        if (path.equals("/v2/user-tokens")) {
            return new ApiRoute(method + " /v2/user-tokens", Kind.USER_TOKENS, null);
        }
        if (path.startsWith("/v2/users/") && path.indexOf('/', "/v2/users/".length()) < 0) {
            return new ApiRoute(method + " /v2/users/{id}", Kind.ONE_USER, path.substring("/v2/users/".length()));
        }
        return new ApiRoute(method + " (unknown path)", Kind.UNKNOWN, null);
    }
}
