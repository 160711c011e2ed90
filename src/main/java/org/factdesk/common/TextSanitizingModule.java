package org.factdesk.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb; text from the wild sometimes carries it. Refuse
 * it while reading the request (a 400 naming the field) rather than failing in the database.
 */
@Singleton
public class TextSanitizingModule implements ObjectMapperCustomizer {

    static final String NUL_MESSAGE = "NUL characters are not allowed";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("factdesk-text").addDeserializer(String.class, new NoNulString()));
    }

    static final class NoNulString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
