package dev.reelbot.core;

import java.util.Set;

/** Who may list and resolve refund notices: users named as {@code platform:userId}. */
public record Admins(Set<String> users) {
    public Admins {
        users = Set.copyOf(users);
    }

    public boolean isAdmin(Requester requester) {
        return users.contains(requester.qualifiedUser());
    }
}
