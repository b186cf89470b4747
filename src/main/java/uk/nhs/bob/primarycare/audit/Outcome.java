package uk.nhs.bob.primarycare.audit;

/** What came of an attempt to see a record: seen, refused (403), or seen through break-glass access. */
public enum Outcome {

	VIEWED("viewed"), REFUSED("refused"), BREAK_GLASS("break-glass");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	/** The word the audit API and page use. */
	public String label() {
		return label;
	}

}
