package uk.nhs.bob.primarycare.triage;

/**
 * The red-flag questions asked before anything else (NHS website emergency advice and NICE NG51, MECS eye red flags,
 * Pharmacy First UTI pathway kidney infection signs), with the wording people and coordinators see.
 */
enum RedFlag {

	CHEST_PAIN("Chest pain: crushing or tight, spreading to the arm, neck or jaw, or with sweating or feeling sick"),
	STROKE_SYMPTOMS("Signs of a stroke: face drooping, arm weakness or difficulty speaking"),
	SEVERE_BREATHLESSNESS("Severe difficulty breathing: cannot finish a sentence, or noisy breathing"),
	ANAPHYLAXIS("Swelling of the lips, tongue or throat, or a sudden severe allergic reaction"),
	SEPSIS_SIGNS("Signs of sepsis: very confused or sleepy, mottled or blue skin, a rash that does not fade, "
			+ "not peed all day"),
	SUICIDAL_THOUGHTS("Thoughts of ending their life, or has hurt themselves seriously"),
	HEAVY_BLEEDING("Heavy bleeding that will not stop"),
	SEIZURE("A fit or seizure (first one, or lasting more than 5 minutes)"),
	UNRESPONSIVE("Unconscious, or cannot be woken properly"),
	SUDDEN_VISION_LOSS("Sudden loss of sight, or a dark curtain across the vision"),
	EYE_CHEMICAL_INJURY("A chemical in the eye"),
	EYE_PENETRATING_INJURY("Something has gone into the eye, or a high-speed injury to the eye"),
	KIDNEY_INFECTION_SIGNS("Pain in the side or back under the ribs, shivering or a high temperature, "
			+ "feeling or being sick (with urinary symptoms)"),
	FACIAL_SWELLING_DENTAL("Swelling of the face or neck from a tooth, spreading to the eye or making it hard to "
			+ "swallow or breathe");

	private final String question;

	RedFlag(String question) {
		this.question = question;
	}

	public String question() {
		return question;
	}

	/** The red flag of a form's option code, when it names one exactly. */
	static java.util.Optional<RedFlag> parse(String code) {
		return java.util.Arrays.stream(values()).filter(flag -> flag.name().equals(code)).findFirst();
	}

}
