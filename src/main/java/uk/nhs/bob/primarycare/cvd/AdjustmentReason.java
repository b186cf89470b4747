package uk.nhs.bob.primarycare.cvd;

/**
 * The outcomes that make a QOF personalised care adjustment: the person declined, the intervention is not indicated
 * (clinically unsuitable), or they are on the maximum tolerated therapy. Recorded against one rule, it takes the
 * person off that rule's list until its review date.
 */
enum AdjustmentReason {

	DECLINED("Declined (informed dissent)"), NOT_INDICATED("Not indicated (clinically unsuitable)"),
	MAXIMUM_TOLERATED("On the maximum tolerated therapy");

	private final String label;

	AdjustmentReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
