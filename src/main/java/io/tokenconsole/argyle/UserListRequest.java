package io.tokenconsole.argyle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page of users to ask for. {@code limit} and {@code cursor} may be {@code null} to take
 * Argyle's defaults (10 per page, the first page); {@code externalId} filters exactly.
 */
public record UserListRequest(Integer limit, String cursor, String externalId) {

    /** Argyle refuses more than this many users on one page. */
    public static final int LARGEST_PAGE = 200;

    public UserListRequest {
        if (limit != null && (limit < 1 || limit > LARGEST_PAGE)) {
            throw new IllegalArgumentException("A page holds 1 to " + LARGEST_PAGE + " users, not " + limit);
        }
    }

    public static UserListRequest firstPage(int limit) {
        return new UserListRequest(limit, null, null);
    }

    public UserListRequest after(String nextCursor) {
        return new UserListRequest(limit, nextCursor, externalId);
    }

    String query() {
        List<String> parts = new ArrayList<>();
        if (limit != null) {
            parts.add("limit=" + limit);
        }
        if (cursor != null) {
            parts.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (externalId != null) {
            parts.add("external_id=" + URLEncoder.encode(externalId, StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
