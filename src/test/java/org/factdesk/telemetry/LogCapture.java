package org.factdesk.telemetry;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every line the server logs while open, as the console handler gets it (MDC included). */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
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
        Logger.getLogger("").removeHandler(this);
    }
}
