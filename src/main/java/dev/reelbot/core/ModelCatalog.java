package dev.reelbot.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models this installation offers, in the order config lists them; the first is the default. */
public final class ModelCatalog {
    private final Map<String, ModelSpec> byName = new LinkedHashMap<>();

    public ModelCatalog(List<ModelSpec> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        for (ModelSpec model : models) {
            if (byName.putIfAbsent(model.name(), model) != null) {
                throw new IllegalArgumentException("model listed twice: " + model.name());
            }
        }
    }

    public Optional<ModelSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The configured spec, or the defaults for its name's family when config does not list it. */
    public ModelSpec specFor(String name) {
        return find(name).orElseGet(() -> ModelSpec.defaultsFor(name));
    }

    public ModelSpec defaultModel() {
        return byName.values().iterator().next();
    }

    public List<ModelSpec> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
