package uk.nhs.bob.primarycare.cvd;

/**
 * Where a listed person stands with outreach, from their latest outreach of the last 12 months: none, invited (and
 * how long ago), no response, attended or declined. The worklist filters on it.
 */
enum ContactStatus {

	NOT_CONTACTED("Not yet contacted"), INVITED("Invited"), NO_RESPONSE("Invited, no response after"),
	ATTENDED("Attended"), DECLINED("Declined");

	/** Outreach older than this does not count as contact for the current listing. */
	static final int LOOK_BACK_MONTHS = 12;

	/** "Invited, no response after N days" when no N is given. */
	static final int DEFAULT_NO_RESPONSE_DAYS = 14;

	private final String label;

	ContactStatus(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

}
