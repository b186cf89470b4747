package uk.nhs.bob.primarycare.triage;

import java.util.List;

/**
 * The pages of the public online form, in order, one question (or one group of closely related fields) each, as the
 * NHS service manual's question pages pattern asks. The red-flag question comes first and its emergency interrupt
 * straight after; the pathway questions are asked only where they apply. Each page carries the answers so far as
 * hidden fields, so nothing is stored between pages and no session is needed.
 */
enum PublicFormStep {

	RED_FLAGS("Does the person have any of these now?", List.of("redFlags")),
	EMERGENCY("Call 999 now", List.of()),
	WHO("Who is this request for?", List.of("forWhom")),
	NAME("What is the person's name?", List.of("givenName", "familyName")),
	DATE_OF_BIRTH("What is their date of birth?", List.of("day", "month", "year")),
	SEX("What sex is recorded at their GP practice?", List.of("sex")),
	NHS_NUMBER("What is their NHS number?", List.of("nhsNumber")),
	PRACTICE("Which GP practice are they registered with?", List.of("practiceCode")),
	AREA("Which area are they in now?", List.of("siteCode")),
	POSTCODE("What is their postcode?", List.of("postcode")),
	PROBLEM("What is the problem about?", List.of("problem")),
	ABOUT("Tell us about the problem", List.of("onset", "symptomDays", "description")),
	PREGNANT("Are they pregnant?", List.of("pregnant")),
	IMMUNOSUPPRESSED("Do they have a weakened immune system?", List.of("immunosuppressed")),
	CATHETER("Do they have a urinary catheter?", List.of("urinaryCatheter")),
	EPISODES("How many times have they had this problem?", List.of("episodesLast6Months", "episodesLast12Months")),
	RASH("When did the rash start?", List.of("rashOnsetDays")),
	PHONE("What number can we call you on?", List.of("contactPhone")),
	CHECK("Check your answers before sending your request", List.of());

	/** Every field the form carries from page to page, in the form's order. */
	static final List<String> FIELDS = List.of("redFlags", "forWhom", "givenName", "familyName", "day", "month", "year",
			"sex", "nhsNumber", "practiceCode", "siteCode", "postcode", "problem", "onset", "symptomDays",
			"description", "pregnant", "immunosuppressed", "urinaryCatheter", "episodesLast6Months",
			"episodesLast12Months", "rashOnsetDays", "contactPhone");

	private final String question;

	private final List<String> fields;

	PublicFormStep(String question, List<String> fields) {
		this.question = question;
		this.fields = fields;
	}

	public String question() {
		return question;
	}

	/** The fields this page asks; the others travel as hidden fields. */
	public List<String> fields() {
		return fields;
	}

	/** The page's name in forms and URLs ('date-of-birth'). */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	static java.util.Optional<PublicFormStep> ofCode(String code) {
		return java.util.Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
	}

}
