package dev.reelbot.discord;

import dev.reelbot.core.Requester;
import java.util.HashSet;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Who typed or clicked, where, read from an interaction: the core's {@link Requester} (with {@code roleAdmin}
 * when the user is a configured admin or holds a configured admin role) and the upload limit Discord states.
 *
 * <p>The member's role ids and {@code attachment_size_limit} are read from the raw payload: without gateway
 * intents JDA's member is "detached" and cannot list its roles, and JDA does not parse the limit.
 *
 * @param requester       the core's requester
 * @param attachmentLimit Discord's upload limit for the channel in bytes, or 0 when it did not say
 * @param appPermissions  the bot's permissions in the channel (a decimal bitfield), or {@code null}
 */
record InteractionFacts(Requester requester, long attachmentLimit, String appPermissions) {
    /** The workspace of interactions outside a guild (the commands are guild-only; a safe default). */
    static final String NO_GUILD = "dm";

    static InteractionFacts of(IReplyCallback event, DiscordSettings settings) {
        DataObject payload = payload(event instanceof GenericEvent e ? e.getRawData() : null);
        String user = event.getUser().getId();
        Set<String> roles = roles(payload);
        roles.retainAll(settings.adminRoleIds());
        boolean admin = settings.adminUserIds().contains(user) || !roles.isEmpty();
        Member member = event.getMember();
        String name = member != null ? member.getEffectiveName() : event.getUser().getEffectiveName();
        String workspace = event.getGuild() != null ? event.getGuild().getId() : NO_GUILD;
        // Each interaction carries the user's client language: answers, progress and the final message use it.
        Requester requester = new Requester(DiscordChatPort.PLATFORM, workspace, event.getChannelId(), user, name,
                admin, event.getUserLocale().getLocale());
        return new InteractionFacts(requester, payload.getLong("attachment_size_limit", 0),
                payload.getString("app_permissions", null));
    }

    /** The interaction object: the raw event is the whole gateway frame, whose {@code d} holds it. */
    private static DataObject payload(DataObject raw) {
        if (raw == null) {
            return DataObject.empty();
        }
        return raw.optObject("d").orElse(raw);
    }

    private static Set<String> roles(DataObject payload) {
        Set<String> roles = new HashSet<>();
        DataArray ids = payload.optObject("member").flatMap(m -> m.optArray("roles")).orElse(DataArray.empty());
        for (int i = 0; i < ids.length(); i++) {
            roles.add(ids.getString(i));
        }
        return roles;
    }
}
