package uk.nhs.bob.primarycare.triage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A same-day request typed into the coordinator's form or the public online form. Everything is text so that what
 * was typed comes back unchanged when the form fails validation ({@link RequestFormCheck} checks it). The form token
 * makes a double submit one request.
 */
record RequestForm(@Nullable String formToken, @Nullable String nhsNumber, @Nullable String givenName,
		@Nullable String familyName, @Nullable String day, @Nullable String month, @Nullable String year,
		@Nullable String sex, @Nullable String postcode, @Nullable String practiceCode, @Nullable String siteCode,
		@Nullable String forWhom, @Nullable String problem, @Nullable String onset, @Nullable String description,
		@Nullable String symptomDays, @Nullable List<String> redFlags, @Nullable String pregnant,
		@Nullable String immunosuppressed, @Nullable String urinaryCatheter, @Nullable String episodesLast6Months,
		@Nullable String episodesLast12Months, @Nullable String feverPainScore, @Nullable String rashOnsetDays,
		@Nullable String contactPhone, @Nullable String kind) {

	/** {@code kind} of the coordinator's form for someone found in the population (otherwise typed in). */
	static final String REGISTERED = "registered";

	/** The answer that no red-flag symptom applies, so an unanswered question is never taken as 'none'. */
	static final String NO_RED_FLAGS = "NONE";

	static RequestForm empty(String formToken, @Nullable String nhsNumber, @Nullable String siteCode) {
		return new RequestForm(formToken, nhsNumber, null, null, null, null, null, null, null, null, siteCode, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null,
				nhsNumber == null ? null : REGISTERED);
	}

	boolean registered() {
		return REGISTERED.equals(kind);
	}

	/** The answers by field name, for carrying them from page to page as hidden fields. */
	java.util.Map<String, List<String>> values() {
		java.util.Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		for (java.lang.reflect.RecordComponent component : RequestForm.class.getRecordComponents()) {
			try {
				Object value = component.getAccessor().invoke(this);
				if (value instanceof List<?> list) {
					values.put(component.getName(), list.stream().map(String::valueOf).toList());
				}
				else if (value != null) {
					values.put(component.getName(), List.of(value.toString()));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return values;
	}

	/** The same form with these answers removed (questions that no longer apply after a change). */
	RequestForm without(java.util.Set<String> names) {
		java.lang.reflect.RecordComponent[] components = RequestForm.class.getRecordComponents();
		Object[] arguments = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				arguments[i] = names.contains(components[i].getName()) ? null
						: components[i].getAccessor().invoke(this);
			}
			return RequestForm.class.getDeclaredConstructor(types).newInstance(arguments);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether this red flag was ticked, for re-showing the checkboxes. */
	public boolean ticked(String code) {
		return redFlags != null && redFlags.contains(code);
	}

}
