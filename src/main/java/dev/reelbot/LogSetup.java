package dev.reelbot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.reelbot.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/** Applies the {@code logging} config to Logback once it is known: the root level, and JSON lines if asked. */
final class LogSetup {
    private LogSetup() {
    }

    /**
     * For commands whose stdout is for people (the demo's chat, the bench's figures): routine logs stay out of the
     * way (WARN and above only) unless LOG_LEVEL asks for them.
     */
    static void quietUnlessAsked() {
        if (System.getenv("LOG_LEVEL") == null) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        }
    }

    static void apply(LoggingConfig config) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(config.level(), Level.INFO));
        if (!config.json()) {
            return;
        }
        LoggerContext context = root.getLoggerContext();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR_JSON");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
