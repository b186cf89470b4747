package uk.nhs.bob.primarycare.programme.feed;
import uk.nhs.bob.primarycare.programme.spc.Spc;


/**
 * A measure fed each ISO week from another module's events (counts and rates only). The definition is what the
 * site sees as the operational definition of a fed measure; the {@link Basis} says what each week's n is.
 */
public enum Feed {

	TRIAGE_AWAY_SHARE("SAME_DAY", "Share of same-day requests navigated away from general practice", "%",
			Spc.Direction.INCREASE, Basis.SHARE,
			"Of the same-day requests received in the week at the site's hubs and completed, the percentage whose "
					+ "disposition was a service other than a GP or practice nurse (triage: TriageRequestCompleted)."),
	TRIAGE_RIGHT_FIRST_TIME_SHARE("SAME_DAY", "Share of same-day requests right first time", "%",
			Spc.Direction.INCREASE, Basis.SHARE,
			"Of the requests received in the week and completed, the percentage not followed by a new request from the "
					+ "same person within 7 days (triage: TriageRequestCompleted, TriageRequestNotRightFirstTime)."),
	TRIAGE_MEDIAN_MINUTES("SAME_DAY", "Median time to triage decision", "minutes", Spc.Direction.DECREASE, Basis.MEDIAN,
			"The median, in minutes, from a request being received to the triage decision, over the requests received "
					+ "in the week and completed (triage: TriageRequestCompleted)."),
	TRIAGE_COMPLETED("SAME_DAY", "Same-day requests completed", "requests", Spc.Direction.NEUTRAL, Basis.COUNT,
			"The number of requests received in the week and completed (triage: TriageRequestCompleted)."),
	CASELOAD_PEOPLE("INT", "People on the INT caseload", "people", Spc.Direction.INCREASE, Basis.COUNT,
			"People on the caseloads of the site's Integrated Neighbourhood Teams at the week's latest count "
					+ "(neighbourhood: CaseloadCounted)."),
	CASELOAD_PLANS_AGREED("INT", "Care plans agreed", "plans", Spc.Direction.INCREASE, Basis.COUNT,
			"People on the caseloads with an agreed personalised care and support plan at the week's latest count "
					+ "(neighbourhood: CaseloadCounted)."),
	CASELOAD_REVIEWS_OVERDUE("INT", "Care plan reviews overdue", "plans", Spc.Direction.DECREASE, Basis.COUNT,
			"Care plans past their review date at the week's latest count (neighbourhood: CaseloadCounted)."),
	CASELOAD_ADDED("INT", "People added to INT caseloads", "people", Spc.Direction.NEUTRAL, Basis.COUNT,
			"People added to the caseloads in the week (neighbourhood: CaseloadPersonAdded)."),
	CVD_HYPERTENSION_FOUND("CVD", "Possible undiagnosed hypertension found", "people", Spc.Direction.INCREASE, Basis.COUNT,
			"People newly found in the week with a reading at or above 140/90 and no hypertension diagnosis, as "
					+ "CVDPREVENT CVDP005HYP (cvd: PossibleHypertensionFound; counted, never stored by person)."),
	CVD_HIGH_RISK_ON_STATIN_SHARE("CVD", "QRISK3 10% or more with a statin", "%", Spc.Direction.INCREASE, Basis.SHARE,
			"Of the people with a QRISK3 10-year risk of 10% or more, the percentage on lipid-lowering therapy, at the "
					+ "week's latest count (cvd: CvdIndicatorsCounted)."),
	CVD_OUTREACH_DONE("CVD", "CVD outreach done", "contacts", Spc.Direction.INCREASE, Basis.COUNT,
			"Invitations, referrals and reviews recorded in the week (cvd: CvdOutreachRecorded).");

	/** What a week's n is, and whether a week with a small n can be judged. */
	public enum Basis {

		/** A percentage: n is the denominator, shown as numerator/denominator; a small n is not judged. */
		SHARE,
		/** A median: n is the number of requests behind it; a small n is not judged. */
		MEDIAN,
		/** A count or a standing total: n is the count itself, and every week is judged. */
		COUNT;

		public boolean needsMinimumN() {
			return this != COUNT;
		}

	}

	private final String workstreamCode;

	private final String label;

	private final String unit;

	private final Spc.Direction direction;

	private final Basis basis;

	private final String definition;

	Feed(String workstreamCode, String label, String unit, Spc.Direction direction, Basis basis, String definition) {
		this.workstreamCode = workstreamCode;
		this.label = label;
		this.unit = unit;
		this.direction = direction;
		this.basis = basis;
		this.definition = definition;
	}

	public Basis basis() {
		return basis;
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
