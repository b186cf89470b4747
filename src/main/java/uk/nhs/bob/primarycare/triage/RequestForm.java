package uk.nhs.bob.primarycare.triage;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.EnumText;
import uk.nhs.bob.primarycare.shared.NhsNumberText;
import uk.nhs.bob.primarycare.shared.PostcodeText;
import uk.nhs.bob.primarycare.shared.WholeNumberText;

/**
 * A same-day request typed into the coordinator's form or the public online form. Everything is text so that what
 * was typed comes back unchanged when the form fails validation. The constraints say which checks apply where by
 * their groups: the coordinator's form checks {@link Details} (and {@link TypedPerson} for someone typed in), each
 * page of the public form checks its own {@link Page} group, and its check-answers page every page that applies. The
 * form token makes a double submit one request.
 */
@DateInput.DateOfBirth(groups = { RequestForm.TypedPerson.class, RequestForm.Page.DateOfBirth.class })
@RequestFormConstraints.EpisodesInOrder(groups = { RequestForm.Details.class, RequestForm.Page.Episodes.class })
record RequestForm(@Nullable String formToken,
		@NhsNumberText(message = NHS_NUMBER_MESSAGE,
				groups = { TypedPerson.class, Page.NhsNumber.class }) @Nullable String nhsNumber,
		@NotBlank(message = "Enter a first name", groups = { TypedPerson.class, Page.Name.class })
		@Size(max = 100, message = "First name must be 100 characters or fewer",
				groups = { TypedPerson.class, Page.Name.class }) @Nullable String givenName,
		@NotBlank(message = "Enter a last name", groups = { TypedPerson.class, Page.Name.class })
		@Size(max = 100, message = "Last name must be 100 characters or fewer",
				groups = { TypedPerson.class, Page.Name.class }) @Nullable String familyName,
		@Nullable String day, @Nullable String month, @Nullable String year,
		@NotNull(message = SEX_MESSAGE, groups = { TypedPerson.class, Page.Sex.class })
		@Pattern(regexp = "female|male", message = SEX_MESSAGE,
				groups = { TypedPerson.class, Page.Sex.class }) @Nullable String sex,
		@PostcodeText(message = "Enter a real postcode, like HP20 1AA",
				groups = { TypedPerson.class, Page.Postcode.class }) @Nullable String postcode,
		@NotBlank(message = "Choose the GP practice, or choose not registered", groups = Page.Practice.class)
		@RequestFormConstraints.KnownPractice(notRegisteredAllowed = true,
				groups = Page.Practice.class) @Nullable String practiceCode,
		@NotBlank(message = AREA_MESSAGE, groups = Page.Area.class)
		@RequestFormConstraints.KnownSite(message = AREA_MESSAGE, groups = Page.Area.class)
		@NotBlank(message = HUB_MESSAGE, groups = Unmatched.class)
		@RequestFormConstraints.HubInScope(message = HUB_MESSAGE, groups = Unmatched.class) @Nullable String siteCode,
		@NotNull(message = "Choose who the request is for", groups = Page.Who.class)
		@Pattern(regexp = "self|someone", message = "Choose who the request is for",
				groups = Page.Who.class) @Nullable String forWhom,
		@NotBlank(message = "Choose what the problem is about", groups = { Details.class, Page.Problem.class })
		@EnumText(value = PresentingProblem.class, message = "Choose what the problem is about from the list",
				groups = { Details.class, Page.Problem.class }) @Nullable String problem,
		@Size(max = 500, message = "How it started must be 500 characters or fewer",
				groups = { Details.class, Page.About.class }) @Nullable String onset,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer",
				groups = { Details.class, Page.About.class }) @Nullable String description,
		@WholeNumberText(max = 36500, message = "Number of days must be a whole number, like 3",
				groups = { Details.class, Page.About.class }) @Nullable String symptomDays,
		@RequestFormConstraints.RedFlagAnswer(groups = { Details.class, Page.RedFlags.class })
		@Nullable List<String> redFlags,
		@NotBlank(message = YES_NO_MESSAGE, groups = Page.Pregnant.class)
		@RequestFormConstraints.YesNoUnsure(groups = { Details.class, Page.Pregnant.class }) @Nullable String pregnant,
		@NotBlank(message = YES_NO_MESSAGE, groups = Page.Immunosuppressed.class)
		@RequestFormConstraints.YesNoUnsure(groups = { Details.class, Page.Immunosuppressed.class })
		@Nullable String immunosuppressed,
		@NotBlank(message = YES_NO_MESSAGE, groups = Page.Catheter.class)
		@RequestFormConstraints.YesNoUnsure(groups = { Details.class, Page.Catheter.class })
		@Nullable String urinaryCatheter,
		@WholeNumberText(min = 1, max = MAX_EPISODES_6,
				message = "Times in the last 6 months must be a whole number, 1 or more as it counts this time",
				groups = { Details.class, Page.Episodes.class }) @Nullable String episodesLast6Months,
		@WholeNumberText(min = 1, max = MAX_EPISODES_12,
				message = "Times in the last 12 months must be a whole number, 1 or more as it counts this time",
				groups = { Details.class, Page.Episodes.class }) @Nullable String episodesLast12Months,
		@WholeNumberText(max = 5, message = "FeverPAIN score must be a whole number from 0 to 5",
				groups = Details.class) @Nullable String feverPainScore,
		@WholeNumberText(max = 36500, message = "Days since the rash started must be a whole number, like 2",
				groups = { Details.class, Page.Rash.class }) @Nullable String rashOnsetDays,
		@NotBlank(message = "Enter a phone number we can call you on", groups = Page.Phone.class)
		@UkPhoneNumber(blankAllowed = true, message = "Enter a UK phone number, like 01296 123456 or 0118 496 0123",
				groups = { Details.class, Page.Phone.class }) @Nullable String contactPhone,
		@Nullable String kind) implements DateInput.Parts {

	static final String NHS_NUMBER_MESSAGE = "Enter a valid 10 digit NHS number, like 943 476 5919, or leave it blank";

	static final String AREA_MESSAGE = "Choose the area nearest to where the person is";

	static final String HUB_MESSAGE = "Choose the hub that will triage this request";

	static final String SEX_MESSAGE = "Choose the sex recorded at the GP practice";

	static final String YES_NO_MESSAGE = "Choose yes, no or not sure";

	static final int MAX_EPISODES_6 = 200;

	static final int MAX_EPISODES_12 = 400;

	/** The checks of the request's problem and answers (the coordinator's form, and the public form when sent). */
	interface Details {
	}

	/** The checks of a person typed in rather than found in the population. */
	interface TypedPerson {
	}

	/** The coordinator's choice of hub, for a person the identity rule did not match to someone registered. */
	interface Unmatched {
	}

	/** The checks of each page of the public form ({@link PublicFormStep#group()}). */
	interface Page {

		interface RedFlags {
		}

		interface Who {
		}

		interface Name {
		}

		interface DateOfBirth {
		}

		interface Sex {
		}

		interface NhsNumber {
		}

		interface Practice {
		}

		interface Area {
		}

		interface Postcode {
		}

		interface Problem {
		}

		interface About {
		}

		interface Pregnant {
		}

		interface Immunosuppressed {
		}

		interface Catheter {
		}

		interface Episodes {
		}

		interface Rash {
		}

		interface Phone {
		}

		/** The pages with no question (the emergency interrupt, check answers). */
		interface None {
		}

	}

	/** {@code kind} of the coordinator's form for someone found in the population (otherwise typed in). */
	static final String REGISTERED = "registered";

	/** The answer that no red-flag symptom applies, so an unanswered question is never taken as 'none'. */
	static final String NO_RED_FLAGS = "NONE";

	static RequestForm empty(String formToken, @Nullable String nhsNumber, @Nullable String siteCode) {
		return new RequestForm(formToken, nhsNumber, null, null, null, null, null, null, null, null, siteCode, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null,
				nhsNumber == null ? null : REGISTERED);
	}

	boolean registered() {
		return REGISTERED.equals(kind);
	}

	/** The answers by field name, for carrying them from page to page as hidden fields. */
	java.util.Map<String, List<String>> values() {
		java.util.Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		for (java.lang.reflect.RecordComponent component : RequestForm.class.getRecordComponents()) {
			try {
				Object value = component.getAccessor().invoke(this);
				if (value instanceof List<?> list) {
					values.put(component.getName(), list.stream().map(String::valueOf).toList());
				}
				else if (value != null) {
					values.put(component.getName(), List.of(value.toString()));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return values;
	}

	/** The same form with these answers removed (questions that no longer apply after a change). */
	RequestForm without(java.util.Set<String> names) {
		java.lang.reflect.RecordComponent[] components = RequestForm.class.getRecordComponents();
		Object[] arguments = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				arguments[i] = names.contains(components[i].getName()) ? null
						: components[i].getAccessor().invoke(this);
			}
			return RequestForm.class.getDeclaredConstructor(types).newInstance(arguments);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether this red flag was ticked, for re-showing the checkboxes. */
	public boolean ticked(String code) {
		return redFlags != null && redFlags.contains(code);
	}

}
