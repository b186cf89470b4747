package uk.nhs.bob.primarycare.triage;

/** What happened when someone at the hub phoned the person about a request. */
enum CallOutcome {

	ANSWERED("Answered"), NO_ANSWER("No answer"), VOICEMAIL("Left a voicemail"), WRONG_NUMBER("Wrong number");

	private final String label;

	CallOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
