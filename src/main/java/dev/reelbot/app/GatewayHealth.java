package dev.reelbot.app;

import dev.reelbot.discord.GatewayHolder;
import dev.reelbot.discord.ShardStatus;
import dev.reelbot.web.Health;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Discord's line in {@code /healthz}: per shard, whether this instance holds its gateway session or stands by. A
 * standby is healthy (its REST calls step Discord jobs like any instance's); a session connecting or reconnecting,
 * or a failure to connect or to register the commands, is DEGRADED, never DOWN: the instance still serves
 * everything else, so the load balancer keeps it.
 */
final class GatewayHealth {
    private GatewayHealth() {
    }

    static Health of(GatewayHolder holder) {
        if (holder == null) {
            return Health.degraded("starting");
        }
        List<ShardStatus> shards = holder.status();
        String detail = shards.stream().map(ShardStatus::describe).collect(Collectors.joining("; "));
        boolean fine = shards.stream().allMatch(s -> s.problem() == null && (s.role() == ShardStatus.Role.HOLDING
                || s.role() == ShardStatus.Role.STANDBY));
        return fine ? Health.up(detail) : Health.degraded(detail);
    }
}
