package uk.nhs.bob.primarycare.cvd;

import org.springframework.modulith.NamedInterface;

/** The outreach a worklist row can lead to. */
@NamedInterface("outreach")
public enum OutreachType {

	PHARMACY_BP_CHECK("Invite to a community pharmacy blood pressure check"),
	TOBACCO_REFERRAL("Refer to the tobacco dependency service"),
	WEIGHT_MANAGEMENT_REFERRAL("Refer to the NHS Digital Weight Management Programme"),
	GP_REVIEW("GP or practice nurse CVD risk review");

	private final String label;

	OutreachType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
