package uk.nhs.bob.primarycare.triage;

import org.springframework.modulith.NamedInterface;

/**
 * Where a request is sent: the disposition codes of the navigation API. The order is the ranking of urgency: red-flag
 * dispositions sort before the others, and the queue puts the most urgent first.
 */
@NamedInterface("requests")
public enum Disposition {

	EMERGENCY_999("Call 999", 1, true),
	A_AND_E("A&E now", 1, true),
	EYE_CASUALTY("Eye casualty now", 1, true),
	URGENT_GP_SAME_DAY("Urgent GP appointment today", 2, false),
	GP_ROUTINE("Routine GP appointment", 3, false),
	PRACTICE_NURSE("Practice nurse", 3, false),
	PHARMACY_FIRST("Pharmacy First consultation", 3, true),
	PHARMACY_ADVICE("Pharmacy advice", 3, true),
	OPTOMETRY_MECS("Optometrist: Minor Eye Conditions Service", 3, true),
	DENTAL_URGENT("Urgent dental care", 3, true),
	DENTAL_ROUTINE("Routine dental appointment", 3, true),
	FIRST_CONTACT_PHYSIO("First contact physiotherapist", 3, true),
	URGENT_TREATMENT_CENTRE("Urgent treatment centre", 3, true),
	COMMUNITY_SELF_REFERRAL("Community service (self-referral)", 3, true),
	TALKING_THERAPIES("NHS Talking Therapies", 3, true),
	SOCIAL_PRESCRIBING("Social prescribing", 3, true),
	SELF_CARE("Self-care with NHS website advice", 3, true);

	private final String label;

	private final int urgency;

	private final boolean awayFromGeneralPractice;

	Disposition(String label, int urgency, boolean awayFromGeneralPractice) {
		this.label = label;
		this.urgency = urgency;
		this.awayFromGeneralPractice = awayFromGeneralPractice;
	}

	public String label() {
		return label;
	}

	/** 1 emergency, 2 same day, 3 everything else: the first key of the queue order. */
	public int urgency() {
		return urgency;
	}

	/** Whether the person is sent somewhere other than their GP or practice nurse (a measure of the hub). */
	public boolean awayFromGeneralPractice() {
		return awayFromGeneralPractice;
	}

}
