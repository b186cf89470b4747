package uk.nhs.bob.primarycare.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every text value in a JSON request body is checked as it is read: one with a control character (a NUL byte,
 * which PostgreSQL cannot store, among them) makes the body unreadable, so the API answers 400 naming the field
 * instead of failing later with a 500.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	static final String CONTROL_CHARACTER = "must not contain control characters (such as NUL)";

	@Bean
	JacksonModule printableStrings() {
		return new SimpleModule("printable-strings").addDeserializer(String.class, new PrintableStringDeserializer());
	}

	static class PrintableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && HostileInputFilter.hasControlCharacter(value)) {
				throw InvalidFormatException.from(parser, CONTROL_CHARACTER, value, String.class);
			}
			return value;
		}

	}

}
