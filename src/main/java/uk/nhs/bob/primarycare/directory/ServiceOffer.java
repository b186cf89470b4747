package uk.nhs.bob.primarycare.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static uk.nhs.bob.primarycare.directory.ServiceType.AUDIOLOGY;
import static uk.nhs.bob.primarycare.directory.ServiceType.COMMUNITY_PHARMACY;
import static uk.nhs.bob.primarycare.directory.ServiceType.DENTAL_PRACTICE;
import static uk.nhs.bob.primarycare.directory.ServiceType.OPTOMETRIST;
import static uk.nhs.bob.primarycare.directory.ServiceType.PODIATRY;
import static uk.nhs.bob.primarycare.directory.ServiceType.TALKING_THERAPIES;
import static uk.nhs.bob.primarycare.directory.ServiceType.TOBACCO_DEPENDENCY;
import static uk.nhs.bob.primarycare.directory.ServiceType.URGENT_TREATMENT_CENTRE;
import static uk.nhs.bob.primarycare.directory.ServiceType.VCSE;
import static uk.nhs.bob.primarycare.directory.ServiceType.WEIGHT_MANAGEMENT;

/**
 * A specific thing a service offers, so that navigation can pick, say, a pharmacy that runs Pharmacy First or an
 * optometrist in the Minor Eye Conditions Service. Each offer belongs to the service types that can provide it.
 */
public enum ServiceOffer {

	/** The 7 clinical pathways plus minor illness and urgent medicine supply referrals (from 31 Jan 2024). */
	PHARMACY_FIRST("Pharmacy First", COMMUNITY_PHARMACY),

	/** The community pharmacy hypertension case-finding service (clinic and ambulatory blood pressure checks). */
	BLOOD_PRESSURE_CHECK("Blood pressure check", COMMUNITY_PHARMACY),

	ORAL_CONTRACEPTION("Oral contraception", COMMUNITY_PHARMACY),

	STOP_SMOKING("Stop smoking support", COMMUNITY_PHARMACY, TOBACCO_DEPENDENCY),

	FLU_VACCINATION("Flu vaccination", COMMUNITY_PHARMACY),

	/** MECS / CUES: urgent assessment of minor eye conditions by a participating optometrist. */
	MINOR_EYE_CONDITIONS("Minor Eye Conditions Service (MECS)", OPTOMETRIST),

	NHS_SIGHT_TEST("NHS sight test", OPTOMETRIST),

	URGENT_DENTAL_CARE("Urgent dental care", DENTAL_PRACTICE),

	NEW_NHS_PATIENTS("Taking new NHS patients", DENTAL_PRACTICE),

	X_RAY("X-ray on site", URGENT_TREATMENT_CENTRE),

	BOOKABLE_APPOINTMENTS("Bookable appointments through NHS 111", URGENT_TREATMENT_CENTRE),

	EAR_WAX_REMOVAL("Ear wax removal", AUDIOLOGY),

	HEARING_AID_REPAIR("Hearing aid repairs", AUDIOLOGY),

	DIABETIC_FOOT_CARE("Diabetic foot care", PODIATRY),

	DIGITAL_PROGRAMME("Digital programme", WEIGHT_MANAGEMENT, TOBACCO_DEPENDENCY, TALKING_THERAPIES),

	GROUP_SESSIONS("Group sessions", WEIGHT_MANAGEMENT, TALKING_THERAPIES, VCSE),

	SOCIAL_PRESCRIBING("Social prescribing", VCSE),

	BEFRIENDING("Befriending", VCSE),

	CARERS_SUPPORT("Support for carers", VCSE),

	MONEY_ADVICE("Money and debt advice", VCSE),

	FOOD_SUPPORT("Food support", VCSE),

	PHYSICAL_ACTIVITY("Physical activity", VCSE, WEIGHT_MANAGEMENT);

	private final String label;

	private final Set<ServiceType> types;

	ServiceOffer(String label, ServiceType first, ServiceType... more) {
		this.label = label;
		this.types = EnumSet.of(first, more);
	}

	public String label() {
		return label;
	}

	/** Whether a service of this type can provide the offer (a dentist does not run Pharmacy First). */
	public boolean appliesTo(ServiceType type) {
		return types.contains(type);
	}

	public static Set<ServiceOffer> forType(ServiceType type) {
		Set<ServiceOffer> offers = EnumSet.noneOf(ServiceOffer.class);
		Arrays.stream(values()).filter(o -> o.appliesTo(type)).forEach(offers::add);
		return offers;
	}

	/** The offer named by {@code name()}, ignoring case; empty for anything else. */
	public static Optional<ServiceOffer> parse(String value) {
		return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(value.trim())).findFirst();
	}

}
