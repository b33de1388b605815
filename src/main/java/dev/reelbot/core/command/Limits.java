package dev.reelbot.core.command;

import dev.reelbot.core.ModelCatalog;
import java.util.List;
import java.util.Map;

/**
 * What users may ask for.
 *
 * @param maxPromptLength the longest prompt, in characters
 * @param maxCount        the most videos one command may ask for ({@code --count})
 * @param allowedModels   models offered everywhere (empty: all configured models)
 * @param channelModels   channel id to the models offered there, overriding {@code allowedModels}
 */
public record Limits(int maxPromptLength, int maxCount, List<String> allowedModels,
                     Map<String, List<String>> channelModels) {

    public static final Limits DEFAULTS = new Limits(1000, 1, List.of(), Map.of());

    public Limits {
        allowedModels = List.copyOf(allowedModels);
        channelModels = Map.copyOf(channelModels);
    }

    /** The models offered in a channel, in catalog order. */
    public List<String> modelsFor(String channel, ModelCatalog catalog) {
        List<String> allowed = channelModels.getOrDefault(channel, allowedModels);
        return catalog.names().stream().filter(name -> allowed.isEmpty() || allowed.contains(name)).toList();
    }
}
