package dev.reelbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.reelbot.config.LoggingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Consumer;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code logging} config to Logback once it is known: the root level; JSON lines for log collectors
 * (logstash-logback-encoder: an ISO-8601 {@code @timestamp}, the formatted {@code message}, and every key-value
 * pair such as {@code job} and {@code platform} as a top-level field); and, when the console chat draws on the
 * terminal, a file ({@code run}) or lines handed to the screen (the demo) instead of stderr.
 */
public final class LogSetup {
    /** The text layout of logback.xml, for a log file in text form. */
    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{20} - %msg %kvp%n";

    private LogSetup() {
    }

    /**
     * For commands whose stdout is for people (the demo's chat, the bench's figures): routine logs stay out of the
     * way (WARN and above only) unless LOG_LEVEL asks for them.
     */
    public static void quietUnlessAsked() {
        if (System.getenv("LOG_LEVEL") == null) {
            root().setLevel(Level.WARN);
        }
    }

    /** The level and format of {@code config}, to stderr ({@code file} null) or appended to {@code file}. */
    public static void apply(LoggingConfig config, Path file) {
        Logger root = root();
        root.setLevel(Level.toLevel(config.level(), Level.INFO));
        if (!config.json() && file == null) {
            return;
        }
        LoggerContext context = root.getLoggerContext();
        Encoder<ILoggingEvent> encoder = config.json() ? json(context) : text(context);
        OutputStreamAppender<ILoggingEvent> appender;
        if (file == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> toFile = new FileAppender<>();
            toFile.setFile(file.toString());
            toFile.setAppend(true);
            appender = toFile;
        }
        appender.setContext(context);
        appender.setName("REELBOT");
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }

    /**
     * Until closed, log lines go to {@code sink} instead of where they went (the demo prints them above its live
     * region, where a line written to stderr would break the screen).
     */
    public static AutoCloseable toLines(Consumer<String> sink) {
        Logger root = root();
        List<Appender<ILoggingEvent>> before = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(before::add);
        PatternLayout layout = new PatternLayout();
        layout.setContext(root.getLoggerContext());
        layout.setPattern(TEXT_PATTERN);
        layout.start();
        AppenderBase<ILoggingEvent> lines = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                sink.accept(layout.doLayout(event).stripTrailing());
            }
        };
        lines.setContext(root.getLoggerContext());
        lines.setName("REELBOT_LINES");
        lines.start();
        before.forEach(root::detachAppender);
        root.addAppender(lines);
        return () -> {
            root.detachAppender(lines);
            lines.stop();
            before.forEach(root::addAppender);
        };
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimeZone(TimeZone.getTimeZone("UTC").getID());
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
