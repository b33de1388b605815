package dev.reelbot.discord;

import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** JDA's usual session control (identify pacing, global rate limit), connecting to a configured gateway URL. */
final class GatewayAddress extends ConcurrentSessionController {
    private final String url;

    GatewayAddress(String url) {
        this.url = url;
    }

    @Override
    public String getGateway() {
        return url;
    }
}
