package io.tokenconsole.store;

import java.util.List;

/**
 * One page of saved users.
 *
 * @param offset how many matches come before this page
 * @param hasMore whether another page follows (known without counting every match)
 */
public record UserPage(List<SavedUser> users, int offset, boolean hasMore) {

    public UserPage {
        users = List.copyOf(users);
    }
}
