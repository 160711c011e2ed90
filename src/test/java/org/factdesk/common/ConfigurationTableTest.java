package org.factdesk.common;

import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's configuration table lists every key of {@link FactdeskConfig}, as SmallRye Config maps it,
 * with its environment variable and its default, and no key the server does not read.
 */
class ConfigurationTableTest {

    /** A row of the table: variable, key, default, meaning. */
    record Row(String variable, String key, String defaultValue) {
    }

    @Test
    void everyKeyOfTheMappingIsInTheReadmeWithItsVariableAndDefault() throws IOException {
        Map<String, Property> keys = mappedKeys();
        assertTrue(keys.containsKey("factdesk.intake.import.timeout"), keys.keySet().toString());
        Map<String, Row> rows = readmeRows();

        for (var key : keys.entrySet()) {
            Row row = rows.get(key.getKey());
            assertTrue(row != null, key.getKey() + " is missing from README.md's configuration table");
            assertEquals("`" + environmentVariable(key.getKey()) + "`", row.variable(), key.getKey());
            Property property = key.getValue();
            if (property.hasDefaultValue()) {
                assertEquals("`" + property.getDefaultValue() + "`", row.defaultValue(), "default of " + key.getKey());
            } else {
                assertTrue(row.defaultValue().startsWith("("), key.getKey() + " has no default; the table says what applies then");
            }
        }
        for (String documented : rows.keySet()) {
            assertTrue(keys.containsKey(documented), documented + " is in README.md's table but not in FactdeskConfig");
        }
    }

    /** The leaves of the mapping, keyed by their full property name (e.g. factdesk.webhooks.timeout). */
    static Map<String, Property> mappedKeys() {
        Map<String, Property> keys = new TreeMap<>();
        ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(FactdeskConfig.class))
                .forEach((name, property) -> {
                    if (!property.isGroup()) {
                        keys.put(name, property);
                    }
                });
        assertFalse(keys.isEmpty());
        return keys;
    }

    /** SmallRye Config's environment form of a key: letters and digits upper-cased, everything else an underscore. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Map<String, Row> readmeRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Map<String, Row> rows = new TreeMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && cells[2].trim().startsWith("`factdesk.")) {
                String key = cells[2].trim().replace("`", "");
                Row previous = rows.put(key, new Row(cells[1].trim(), key, cells[3].trim()));
                assertTrue(previous == null, key + " is twice in the table");
            }
        }
        return rows;
    }
}
