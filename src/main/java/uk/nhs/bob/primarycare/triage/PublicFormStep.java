package uk.nhs.bob.primarycare.triage;

import java.util.List;

/**
 * The pages of the public online form, in order, one question (or one group of closely related fields) each, as the
 * NHS service manual's question pages pattern asks. The red-flag question comes first and its emergency interrupt
 * straight after; the pathway questions are asked only where they apply. Each page carries the answers so far as
 * hidden fields, so nothing is stored between pages and no session is needed.
 */
enum PublicFormStep {

	RED_FLAGS("Does the person have any of these now?", List.of("redFlags"), RequestForm.Page.RedFlags.class),
	EMERGENCY("Call 999 now", List.of(), RequestForm.Page.None.class),
	WHO("Who is this request for?", List.of("forWhom"), RequestForm.Page.Who.class),
	NAME("What is the person's name?", List.of("givenName", "familyName"), RequestForm.Page.Name.class),
	DATE_OF_BIRTH("What is their date of birth?", List.of("day", "month", "year"), RequestForm.Page.DateOfBirth.class),
	SEX("What sex is recorded at their GP practice?", List.of("sex"), RequestForm.Page.Sex.class),
	NHS_NUMBER("What is their NHS number?", List.of("nhsNumber"), RequestForm.Page.NhsNumber.class),
	PRACTICE("Which GP practice are they registered with?", List.of("practiceCode"), RequestForm.Page.Practice.class),
	AREA("Which area are they in now?", List.of("siteCode"), RequestForm.Page.Area.class),
	POSTCODE("What is their postcode?", List.of("postcode"), RequestForm.Page.Postcode.class),
	PROBLEM("What is the problem about?", List.of("problem"), RequestForm.Page.Problem.class),
	ABOUT("Tell us about the problem", List.of("onset", "symptomDays", "description"), RequestForm.Page.About.class),
	PREGNANT("Are they pregnant?", List.of("pregnant"), RequestForm.Page.Pregnant.class),
	IMMUNOSUPPRESSED("Do they have a weakened immune system?", List.of("immunosuppressed"), RequestForm.Page.Immunosuppressed.class),
	CATHETER("Do they have a urinary catheter?", List.of("urinaryCatheter"), RequestForm.Page.Catheter.class),
	EPISODES("How many times have they had this problem?", List.of("episodesLast6Months", "episodesLast12Months"), RequestForm.Page.Episodes.class),
	RASH("When did the rash start?", List.of("rashOnsetDays"), RequestForm.Page.Rash.class),
	PHONE("What number can we call you on?", List.of("contactPhone"), RequestForm.Page.Phone.class),
	CHECK("Check your answers before sending your request", List.of(), RequestForm.Page.None.class);

	/** Every field the form carries from page to page, in the form's order. */
	static final List<String> FIELDS = List.of("redFlags", "forWhom", "givenName", "familyName", "day", "month", "year",
			"sex", "nhsNumber", "practiceCode", "siteCode", "postcode", "problem", "onset", "symptomDays",
			"description", "pregnant", "immunosuppressed", "urinaryCatheter", "episodesLast6Months",
			"episodesLast12Months", "rashOnsetDays", "contactPhone");

	private final String question;

	private final List<String> fields;

	private final Class<?> group;

	PublicFormStep(String question, List<String> fields, Class<?> group) {
		this.question = question;
		this.fields = fields;
		this.group = group;
	}

	/** The validation group of the page's questions (see {@link RequestForm}). */
	Class<?> group() {
		return group;
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
