package dev.reelbot.core.engine;

import dev.reelbot.core.ChatPort;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.Requester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chat platforms the engine serves, by platform name. */
final class ChatPorts {
    private final Map<String, ChatPort> byPlatform = new LinkedHashMap<>();

    ChatPorts(List<ChatPort> ports) {
        for (ChatPort port : ports) {
            if (byPlatform.putIfAbsent(port.platform(), port) != null) {
                throw new IllegalArgumentException("two chat ports for " + port.platform());
            }
        }
    }

    /** The same ports, each counting the 429s its platform answers. */
    ChatPorts measured(EngineMetrics metrics) {
        return new ChatPorts(byPlatform.values().stream().map(p -> (ChatPort) new MeasuredChatPort(p, metrics))
                .toList());
    }

    /** The port for a platform; a job of a platform that is not running stays parked until it is. */
    ChatPort forPlatform(String platform) {
        ChatPort port = byPlatform.get(platform);
        if (port == null) {
            throw new IllegalStateException("no chat platform '" + platform + "' is running");
        }
        return port;
    }

    /** Whether the requester's job can show in their channel (else it goes to a DM); true when unknown. */
    boolean canPostIn(Requester who) {
        return !serves(who.platform()) || forPlatform(who.platform()).canPostIn(who.conversation());
    }

    boolean serves(String platform) {
        return byPlatform.containsKey(platform);
    }
}
