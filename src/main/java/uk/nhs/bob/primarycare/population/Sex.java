package uk.nhs.bob.primarycare.population;

/** Sex as recorded for clinical risk tools (QRISK3 and eFI use it). */
public enum Sex {

	FEMALE("F", "Female"), MALE("M", "Male");

	private final String code;

	private final String label;

	Sex(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Sex ofCode(String code) {
		return "F".equals(code) ? FEMALE : MALE;
	}

}
