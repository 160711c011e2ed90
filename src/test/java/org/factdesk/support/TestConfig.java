package org.factdesk.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.factdesk.common.FactdeskConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A {@link FactdeskConfig} for beans a test builds with {@code new}: the defaults, and the given keys set. */
public final class TestConfig {

    private TestConfig() {
    }

    /** Pairs of key and value, e.g. {@code factdesk("factdesk.live.check-every", "200ms")}. */
    public static FactdeskConfig factdesk(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withMapping(FactdeskConfig.class)
                .build()
                .getConfigMapping(FactdeskConfig.class);
    }
}
