package dev.reelbot;

import dev.reelbot.config.Units;
import dev.reelbot.simulator.ProgressShape;
import dev.reelbot.simulator.Timing;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The simulator's timing, for the commands that run it ({@code simulate-api}, {@code bench}), so its jobs can move
 * like a production gateway's: the shape of their progress, how much their length varies, how slowly creates
 * answer.
 */
final class TimingOptions {
    @Option(names = "--progress", paramLabel = "SHAPE", defaultValue = "linear", converter = ShapeConverter.class,
            description = "How a job's progress moves: linear; coarse (10, 20, 30, then 100 at once, as gateways "
            + "relay it); stall (stuck at 90-99%% for a random while before it completes). Default: "
            + "${DEFAULT-VALUE}")
    ProgressShape progress;

    @Option(names = "--duration-jitter", paramLabel = "SHARE", defaultValue = "0", description = "Each job's "
            + "length varies evenly within this share of --job-seconds, either way (0.3: from 70%% to 130%%). "
            + "Default: ${DEFAULT-VALUE}")
    double durationJitter;

    @Option(names = "--create-latency", paramLabel = "DURATION", defaultValue = "0s",
            converter = DurationConverter.class, description = "How long a create takes to answer, as a gateway "
            + "forwarding it upstream does (e.g. 1.5s); the job starts when the request arrives. Default: "
            + "${DEFAULT-VALUE}")
    Duration createLatency;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The timing asked for; a usage error when it is out of range. */
    Timing timing() {
        try {
            return new Timing(progress, durationJitter, createLatency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The same options for a simulator started as a process of its own. */
    List<String> asArguments() {
        Timing timing = timing();
        return List.of("--progress", timing.progress().name().toLowerCase(Locale.ROOT),
                "--duration-jitter", Double.toString(timing.durationJitter()),
                "--create-latency", Units.format(timing.createLatency()));
    }

    /** {@code linear|coarse|stall}. */
    static final class ShapeConverter implements picocli.CommandLine.ITypeConverter<ProgressShape> {
        @Override
        public ProgressShape convert(String value) {
            return ProgressShape.parse(value);
        }
    }
}
