package io.inviteflow.core.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Text that PostgreSQL cannot store is refused where it enters, as a 400 naming the field, instead of failing
 * later in the database: the NUL character is valid JSON but never valid in a {@code text} column.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer rejectUnstorableText() {
        SimpleModule module = new SimpleModule("inviteflow-text");
        module.addDeserializer(String.class, new StorableStringDeserializer());
        // added to the modules the application declares (Boot's, WebAuthn's), not in their place
        return builder -> builder.modulesToInstall(modules -> modules.add(module));
    }

    static final class StorableStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw ctxt.weirdStringException(value, String.class, "contains a NUL character");
            }
            return value;
        }
    }
}
