package dev.reelbot.core.engine;

import dev.reelbot.core.Requester;
import java.util.Set;

/**
 * Who may list and resolve refund notices and use admin buttons: users named as {@code platform:userId}, and users
 * the platform vouches for by role (see {@link Requester#roleAdmin()}).
 */
public record Admins(Set<String> users) {
    public Admins {
        users = Set.copyOf(users);
    }

    public boolean isAdmin(Requester requester) {
        return requester.roleAdmin() || users.contains(requester.qualifiedUser());
    }
}
