package dev.reelbot.bench;

import dev.reelbot.core.EngineMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the bench reads from the engine's metrics: deliveries by kind, and how long transcodes took. Thread-safe. */
final class BenchMetrics implements EngineMetrics {
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final List<Double> transcodeSeconds = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(String kind) {
        deliveries.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void transcode(Duration took, String outcome) {
        transcodeSeconds.add(took.toNanos() / 1e9);
    }

    /** Every kind of delivery, in the order the metric lists them, with its count (0 when none). */
    Map<String, Long> deliveries() {
        Map<String, Long> counts = new LinkedHashMap<>();
        DELIVERY_KINDS.forEach(kind -> counts.put(kind, deliveries.getOrDefault(kind, new AtomicLong()).get()));
        return counts;
    }

    Percentiles transcodeSeconds() {
        return new Percentiles(transcodeSeconds.stream().mapToDouble(d -> d).toArray());
    }
}
