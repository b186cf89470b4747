package uk.nhs.bob.primarycare.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of service in the service directory: where same-day navigation can send a person instead of (or as well
 * as) their GP practice.
 */
public enum ServiceType {

	COMMUNITY_PHARMACY("Community pharmacy"),

	OPTOMETRIST("Optometrist"),

	DENTAL_PRACTICE("Dental practice"),

	URGENT_TREATMENT_CENTRE("Urgent treatment centre"),

	FIRST_CONTACT_PHYSIOTHERAPY("First contact physiotherapy"),

	AUDIOLOGY("Audiology"),

	PODIATRY("Podiatry"),

	WEIGHT_MANAGEMENT("Weight management"),

	TOBACCO_DEPENDENCY("Tobacco dependency"),

	TALKING_THERAPIES("NHS Talking Therapies"),

	/** Voluntary, community and social enterprise services, often reached through social prescribing. */
	VCSE("Voluntary, community or social enterprise (VCSE)");

	private final String label;

	ServiceType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The type named by {@code name()}, ignoring case; empty for anything else (a typed or tampered URL). */
	public static Optional<ServiceType> parse(String value) {
		return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value.trim())).findFirst();
	}

}
