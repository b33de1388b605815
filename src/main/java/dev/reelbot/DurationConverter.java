package dev.reelbot;

import dev.reelbot.config.Units;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads a duration option the way the config file does: {@code 1.5s}, {@code 800ms}, {@code 2m}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Units.duration(value);
    }
}
