package uk.nhs.bob.primarycare.cvd;

import org.springframework.modulith.NamedInterface;

/**
 * The outcome of an outreach. An invitation or referral sent, attended or declined means the offer was made, so
 * the referral rules stop listing the person (for 12 months for tobacco, for good for weight management); no
 * response leaves them listed.
 */
@NamedInterface("outreach")
public enum OutreachOutcome {

	SENT("Invited or referred"), ATTENDED("Attended"), DECLINED("Declined"), NO_RESPONSE("No response");

	private final String label;

	OutreachOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	boolean counts() {
		return this != NO_RESPONSE;
	}

}
