package uk.nhs.bob.primarycare.triage;

import org.springframework.modulith.NamedInterface;

/** What the person asks for help with: the problem codes of the navigation API, in the order forms list them. */
@NamedInterface("requests")
public enum PresentingProblem {

	SINUSITIS("Sinusitis (blocked or painful sinuses)", true),
	SORE_THROAT("Sore throat", true),
	EARACHE("Earache", true),
	INFECTED_INSECT_BITE("Infected insect bite", true),
	IMPETIGO("Impetigo (crusty skin sores)", true),
	SHINGLES("Shingles (painful rash on one side)", true),
	URINARY_SYMPTOMS("Urinary symptoms (pain or burning when peeing)", true),
	RED_OR_SORE_EYE("Red, sore or sticky eye", false),
	FLASHES_OR_FLOATERS("Flashes or floaters in vision", false),
	TOOTH_PAIN("Toothache or dental problem", false),
	BACK_OR_JOINT_PAIN("Back, muscle or joint pain", false),
	MINOR_INJURY("Minor injury (sprain, cut, minor burn)", false),
	HEARING_PROBLEM("Hearing problem", false),
	FOOT_PROBLEM("Foot problem", false),
	LOW_MOOD_OR_ANXIETY("Low mood, stress or anxiety", false),
	WEIGHT_CONCERN("Weight concern", false),
	LONELINESS_OR_SOCIAL("Loneliness, money, housing or other social concern", false),
	REPEAT_MEDICATION("Repeat medication", false),
	LONG_TERM_CONDITION("Long-term condition (review or advice)", false),
	OTHER("Something else", false);

	private final String label;

	private final boolean pharmacyFirstPathway;

	PresentingProblem(String label, boolean pharmacyFirstPathway) {
		this.label = label;
		this.pharmacyFirstPathway = pharmacyFirstPathway;
	}

	public String label() {
		return label;
	}

	/** One of the seven Pharmacy First clinical pathways (NHS England Pharmacy First service specification). */
	public boolean pharmacyFirstPathway() {
		return pharmacyFirstPathway;
	}

}
