package dev.reelbot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects every log event while open, formatted with its stack trace, so tests can assert what was logged. */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Each event as "LEVEL logger - message" plus its stack trace, if any. */
    public List<String> lines() {
        // ListAppender appends under the appender's own lock (AppenderBase.doAppend), not the list's.
        synchronized (appender) {
            return appender.list.stream().map(LogCapture::format).toList();
        }
    }

    private static String format(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
                + (event.getKeyValuePairs() == null ? "" : " " + event.getKeyValuePairs());
        return event.getThrowableProxy() == null ? line
                : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
