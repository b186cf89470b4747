package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.ValidatorFactory;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** The request form's Bean Validation groups: what the coordinator's form and each public page refuse, and why. */
class RequestFormValidationTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void start() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void stop() {
		factory.close();
	}

	private static RequestForm form(Map<String, Object> values) {
		Object[] arguments = new Object[RequestForm.class.getRecordComponents().length];
		Class<?>[] types = new Class<?>[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			var component = RequestForm.class.getRecordComponents()[i];
			types[i] = component.getType();
			arguments[i] = values.get(component.getName());
		}
		try {
			return RequestForm.class.getDeclaredConstructor(types).newInstance(arguments);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> errors(RequestForm form, Class<?>... groups) {
		Set<ConstraintViolation<RequestForm>> violations = validator.validate(form, groups);
		Map<String, String> byField = new TreeMap<>();
		violations.forEach(v -> byField.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + " | " + b));
		return byField;
	}

	private static Map<String, Object> validDetails() {
		return new java.util.HashMap<>(Map.of("problem", PresentingProblem.values()[0].name(), "redFlags",
				List.of(RequestForm.NO_RED_FLAGS)));
	}

	@Test
	void coordinatorDetailsAcceptTheMinimumAndConvertIt() {
		RequestForm form = form(validDetails());

		assertThat(errors(form, RequestForm.Details.class)).isEmpty();
		RequestDetails details = RequestForms.details(form);
		assertThat(details.redFlags()).isEmpty();
		assertThat(details.contactPhone()).isNull();
	}

	@Test
	void coordinatorDetailsRefuseEachBadAnswerWithItsOwnMessage() {
		Map<String, Object> values = validDetails();
		values.put("problem", "NOT_A_PROBLEM");
		values.put("redFlags", List.of(RequestForm.NO_RED_FLAGS, RedFlag.CHEST_PAIN.name()));
		values.put("symptomDays", "-3");
		values.put("episodesLast6Months", "5");
		values.put("episodesLast12Months", "4");
		values.put("pregnant", "maybe");
		values.put("contactPhone", "12345");
		values.put("feverPainScore", "6");

		assertThat(errors(form(values), RequestForm.Details.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"problem", "Choose what the problem is about from the list",
				"redFlags", "You ticked None of these and an urgent symptom: untick None of these or the symptom",
				"symptomDays", "Number of days must be a whole number, like 3",
				"episodesLast12Months", "Times in the last 12 months must include the times in the last 6 months",
				"pregnant", "Choose yes, no or not sure",
				"contactPhone", "Enter a UK phone number, like 01296 123456 or 0118 496 0123",
				"feverPainScore", "FeverPAIN score must be a whole number from 0 to 5"));
	}

	@Test
	void unansweredRedFlagsAndUnknownFlagsAreRefused() {
		Map<String, Object> values = validDetails();
		values.remove("redFlags");
		assertThat(errors(form(values), RequestForm.Details.class)).containsEntry("redFlags",
				"Answer the urgent symptoms question: tick any that apply, or None of these");
		values.put("redFlags", List.of("FORGED"));
		assertThat(errors(form(values), RequestForm.Details.class)).containsEntry("redFlags",
				"Choose urgent symptoms from the list");
	}

	@Test
	void aPublicPageRequiresItsAnswerWhereTheCoordinatorMayLeaveItBlank() {
		RequestForm form = form(validDetails());

		assertThat(errors(form, RequestForm.Page.Phone.class)).containsExactlyEntriesOf(
				Map.of("contactPhone", "Enter a phone number we can call you on"));
		assertThat(errors(form, RequestForm.Page.Pregnant.class)).containsExactlyEntriesOf(
				Map.of("pregnant", "Choose yes, no or not sure"));
		assertThat(errors(form, RequestForm.Page.Who.class)).containsExactlyEntriesOf(
				Map.of("forWhom", "Choose who the request is for"));
		// a page checks only its own questions
		assertThat(errors(form, RequestForm.Page.Name.class)).containsOnlyKeys("givenName", "familyName");
	}

	@Test
	void aTypedPersonNeedsNamesSexAndARealPlausibleDateOfBirth() {
		Map<String, Object> values = validDetails();
		assertThat(errors(form(values), RequestForm.TypedPerson.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"givenName", "Enter a first name", "familyName", "Enter a last name",
				"day", "Enter a date of birth", "sex", "Choose the sex recorded at the GP practice"));

		values.putAll(Map.of("givenName", "Ann", "familyName", "x".repeat(101), "sex", "other", "day", "31",
				"month", "2", "year", "1980", "nhsNumber", "1234567890", "postcode", "NOT A POSTCODE"));
		assertThat(errors(form(values), RequestForm.TypedPerson.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"familyName", "Last name must be 100 characters or fewer",
				"day", "Date of birth must be a real date, like 15 3 1984",
				"sex", "Choose the sex recorded at the GP practice",
				"nhsNumber", RequestForm.NHS_NUMBER_MESSAGE, "postcode", "Enter a real postcode, like HP20 1AA"));

		values.putAll(Map.of("day", "1", "month", "1", "year", "1880"));
		assertThat(errors(form(values), RequestForm.TypedPerson.class)).containsEntry("day",
				"Date of birth must be in the past 130 years");
		values.putAll(Map.of("day", "1", "month", "", "year", "1980"));
		assertThat(errors(form(values), RequestForm.TypedPerson.class)).containsEntry("day",
				"Date of birth must include a day, month and year");
	}

	@Test
	void aValidTypedPersonBecomesValuesOnce() {
		Map<String, Object> values = validDetails();
		values.putAll(Map.of("givenName", " Ann ", "familyName", "Lee", "sex", "female", "day", "5", "month", "11",
				"year", "1950", "nhsNumber", "943 476 5919", "postcode", "hp20 1aa"));
		RequestForm form = form(values);

		assertThat(errors(form, RequestForm.TypedPerson.class)).isEmpty();
		RequestedPerson person = RequestForms.person(form);
		assertThat(person.givenName()).isEqualTo("Ann");
		assertThat(person.dateOfBirth()).isEqualTo(LocalDate.of(1950, 11, 5));
		assertThat(person.nhsNumber()).isEqualTo(new NhsNumber("9434765919"));
		assertThat(person.postcode()).isEqualTo("HP20 1AA");
	}

	@Test
	void aDecisionChecksItsChoiceLengthsAndFollowUpDate() {
		LocalDate past = LocalDate.now(uk.nhs.bob.primarycare.shared.DateInput.UK_TIME).minusDays(1);
		DecisionForm form = new DecisionForm("1", "FORGED", "abc", "r".repeat(1001), null, null,
				String.valueOf(past.getDayOfMonth()), String.valueOf(past.getMonthValue()), String.valueOf(past.getYear()));

		Map<String, String> byField = new TreeMap<>();
		validator.validate(form, jakarta.validation.groups.Default.class, DecisionForm.Supervision.class)
			.forEach(v -> byField.put(v.getPropertyPath().toString(), v.getMessage()));

		assertThat(byField).containsExactlyInAnyOrderEntriesOf(Map.of("disposition", "Choose where to send the person",
				"serviceId", "Choose a service from the list", "overrideReason", "Reason must be 1000 characters or fewer",
				"note", "Enter a supervision note", "day", "Follow-up date must be between today and a year from now"));
	}

	@Test
	void aDecisionWithBlankOptionalAnswersPasses() {
		DecisionForm form = new DecisionForm("1", Disposition.values()[0].name(), "", "", "", "", "", "", "");

		assertThat(validator.validate(form)).isEmpty();
		assertThat(validator.validate(form, DecisionForm.Supervision.class)).extracting(v -> v.getMessage())
			.containsExactly("Enter a supervision note");
	}

}
