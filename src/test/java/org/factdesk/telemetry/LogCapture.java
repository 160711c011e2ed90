package org.factdesk.telemetry;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every line the server logs while open, as the console handler gets it (MDC included). It listens on the log
 * manager Quarkus logs through (JUL's own root is another one when a plain test set JUL up first in the same JVM),
 * and lets the problem log speak at INFO while open (a test profile before may have left it at WARN).
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger ROOT = LogContext.getSystemLogContext().getLogger("");
    private static final Logger PROBLEMS = LogContext.getSystemLogContext().getLogger("http-problem");

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Level problemsLevel = PROBLEMS.getLevel();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        PROBLEMS.setLevel(Level.INFO);
        ROOT.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyAll(); // the MDC of the logging thread, read before it moves on
            records.add(ext);
        }
    }

    List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        PROBLEMS.setLevel(problemsLevel);
    }
}
