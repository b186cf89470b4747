package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** How soon the team should look at a referral (FHIR ServiceRequest priority: urgent or routine). */
enum ReferralUrgency {

	URGENT("Urgent: within 2 working days"), ROUTINE("Routine: at the next MDT meeting");

	private final String label;

	ReferralUrgency(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<ReferralUrgency> of(@Nullable String name) {
		for (ReferralUrgency urgency : values()) {
			if (urgency.name().equals(name)) {
				return Optional.of(urgency);
			}
		}
		return Optional.empty();
	}

}
