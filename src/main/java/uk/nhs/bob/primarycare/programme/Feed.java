package uk.nhs.bob.primarycare.programme;

/**
 * A measure fed each ISO week from another module's events (counts and rates only). The definition is what the
 * site sees as the operational definition of a fed measure.
 */
enum Feed {

	TRIAGE_AWAY_SHARE("SAME_DAY", "Share of same-day requests navigated away from general practice", "%",
			Spc.Direction.INCREASE,
			"Of the same-day requests received in the week at the site's hubs and completed, the percentage whose "
					+ "disposition was a service other than a GP or practice nurse (triage: TriageRequestCompleted)."),
	TRIAGE_RIGHT_FIRST_TIME_SHARE("SAME_DAY", "Share of same-day requests right first time", "%",
			Spc.Direction.INCREASE,
			"Of the requests received in the week and completed, the percentage not followed by a new request from the "
					+ "same person within 7 days (triage: TriageRequestCompleted, TriageRequestNotRightFirstTime)."),
	TRIAGE_MEDIAN_MINUTES("SAME_DAY", "Median time to triage decision", "minutes", Spc.Direction.DECREASE,
			"The median, in minutes, from a request being received to the triage decision, over the requests received "
					+ "in the week and completed (triage: TriageRequestCompleted)."),
	TRIAGE_COMPLETED("SAME_DAY", "Same-day requests completed", "requests", Spc.Direction.NEUTRAL,
			"The number of requests received in the week and completed (triage: TriageRequestCompleted)."),
	CASELOAD_PEOPLE("INT", "People on the INT caseload", "people", Spc.Direction.INCREASE,
			"People on the caseloads of the site's Integrated Neighbourhood Teams at the week's latest count "
					+ "(neighbourhood: CaseloadCounted)."),
	CASELOAD_PLANS_AGREED("INT", "Care plans agreed", "plans", Spc.Direction.INCREASE,
			"People on the caseloads with an agreed personalised care and support plan at the week's latest count "
					+ "(neighbourhood: CaseloadCounted)."),
	CASELOAD_REVIEWS_OVERDUE("INT", "Care plan reviews overdue", "plans", Spc.Direction.DECREASE,
			"Care plans past their review date at the week's latest count (neighbourhood: CaseloadCounted)."),
	CASELOAD_ADDED("INT", "People added to INT caseloads", "people", Spc.Direction.NEUTRAL,
			"People added to the caseloads in the week (neighbourhood: CaseloadPersonAdded)."),
	CVD_HYPERTENSION_FOUND("CVD", "Possible undiagnosed hypertension found", "people", Spc.Direction.INCREASE,
			"People newly found in the week with a reading at or above 140/90 and no hypertension diagnosis, as "
					+ "CVDPREVENT CVDP005HYP (cvd: PossibleHypertensionFound; counted, never stored by person)."),
	CVD_HIGH_RISK_ON_STATIN_SHARE("CVD", "QRISK3 10% or more with a statin", "%", Spc.Direction.INCREASE,
			"Of the people with a QRISK3 10-year risk of 10% or more, the percentage on lipid-lowering therapy, at the "
					+ "week's latest count (cvd: CvdIndicatorsCounted)."),
	CVD_OUTREACH_DONE("CVD", "CVD outreach done", "contacts", Spc.Direction.INCREASE,
			"Invitations, referrals and reviews recorded in the week (cvd: CvdOutreachRecorded).");

	private final String workstreamCode;

	private final String label;

	private final String unit;

	private final Spc.Direction direction;

	private final String definition;

	Feed(String workstreamCode, String label, String unit, Spc.Direction direction, String definition) {
		this.workstreamCode = workstreamCode;
		this.label = label;
		this.unit = unit;
		this.direction = direction;
		this.definition = definition;
	}

	public String workstreamCode() {
		return workstreamCode;
	}

	public String label() {
		return label;
	}

	public String unit() {
		return unit;
	}

	public Spc.Direction direction() {
		return direction;
	}

	public String definition() {
		return definition;
	}

}
