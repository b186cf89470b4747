package uk.nhs.bob.primarycare.programme.portfolio;

/**
 * The red, amber or green status a Place board reads on a milestone or a risk or issue. Always shown with its word as
 * well as its colour.
 */
public enum Rag {

	RED("Red", "Off track or severe: needs the board's help"), AMBER("Amber", "At risk: being managed"),
	GREEN("Green", "On track or under control");

	private final String label;

	private final String meaning;

	Rag(String label, String meaning) {
		this.label = label;
		this.meaning = meaning;
	}

	public String label() {
		return label;
	}

	public String meaning() {
		return meaning;
	}

	public String css() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
