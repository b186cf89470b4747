package uk.nhs.bob.primarycare.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The text of each Notify template, as kept in {@code messaging/templates}, and what a message reads like once its
 * personalisation is put in. The outbox and the message log show this rendering; a message Notify accepted shows the
 * body Notify returned instead.
 */
@Component
class TemplateTexts {

	/** Notify's placeholder: {@code ((name))}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z_]+)\\)\\)");

	private static final String SUBJECT = "Subject: ";

	record Rendered(@Nullable String subject, String body) {
	}

	private final Map<NotifyTemplate, String> texts = new EnumMap<>(NotifyTemplate.class);

	TemplateTexts() {
		for (NotifyTemplate template : NotifyTemplate.values()) {
			ClassPathResource resource = new ClassPathResource(
					"messaging/templates/" + template.propertyName() + ".txt");
			try (InputStream in = resource.getInputStream()) {
				texts.put(template, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No text for the Notify template " + template.propertyName(), ex);
			}
		}
	}

	String text(NotifyTemplate template) {
		return texts.get(template);
	}

	/** The personalisation fields the template uses, in order of first use. */
	Set<String> fields(NotifyTemplate template) {
		Set<String> fields = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(text(template));
		while (m.find()) {
			fields.add(m.group(1));
		}
		return fields;
	}

	/**
	 * The message as the person would read it. A field the template uses but the personalisation lacks is a bug in
	 * the code that composed it, never something to send: it throws.
	 */
	Rendered render(NotifyTemplate template, Map<String, String> personalisation) {
		String text = text(template);
		String subject = null;
		if (template.channel() == Channel.EMAIL && text.startsWith(SUBJECT)) {
			int end = text.indexOf('\n');
			subject = fill(text.substring(SUBJECT.length(), end), personalisation);
			text = text.substring(end + 1).strip();
		}
		return new Rendered(subject, fill(text, personalisation));
	}

	private static String fill(String text, Map<String, String> personalisation) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = personalisation.get(m.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for ((" + m.group(1) + "))");
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

}
