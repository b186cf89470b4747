package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The page flow of the public online form ({@link PublicRequestController}): which pages apply to the answers so far
 * (the pathway's questions only where the navigation rules test them), the next and previous page, each page's checks
 * (its validation group of {@link RequestForm}), the emergency interrupt and the check-answers rows.
 */
@Component
class PublicFormFlow {

	private final NavigationEngine engine;

	private final TriageOptions options;

	private final SmartValidator validator;

	PublicFormFlow(NavigationEngine engine, TriageOptions options, SmartValidator validator) {
		this.engine = engine;
		this.options = options;
		this.validator = validator;
	}

	/** One row of the check-answers page: the question, the answer and the page that changes it. */
	record Answer(String question, String answer, String step) {
	}

	List<Answer> answers(RequestForm form, Map<String, String> practices) {
		List<Answer> answers = new ArrayList<>();
		for (PublicFormStep step : applicable(form)) {
			String answer = switch (step) {
				case EMERGENCY, CHECK -> null;
				case RED_FLAGS -> redFlags(form).isEmpty() ? "None of these"
						: String.join("; ", redFlags(form).stream().map(RedFlag::question).toList());
				case WHO -> "self".equals(form.forWhom()) ? "Myself" : "Someone I care for";
				case NAME -> form.givenName() + " " + form.familyName();
				case DATE_OF_BIRTH -> form.day() + " " + form.month() + " " + form.year();
				case SEX -> "female".equals(form.sex()) ? "Female" : "Male";
				case NHS_NUMBER -> RequestForms.blank(form.nhsNumber()) ? "Not given"
						: NhsNumber.parse(form.nhsNumber()).map(NhsNumber::formatted).orElse(form.nhsNumber());
				case PRACTICE -> practices.getOrDefault(form.practiceCode(), "");
				case AREA -> options.allSites().getOrDefault(form.siteCode(), "");
				case POSTCODE -> RequestForms.blank(form.postcode()) ? "Not given" : form.postcode();
				case PROBLEM -> options.problems().getOrDefault(form.problem(), "");
				case ABOUT -> String.join(". ", java.util.stream.Stream.of(form.onset(),
						RequestForms.blank(form.symptomDays()) ? null : form.symptomDays().trim() + " days",
						form.description()).filter(v -> !RequestForms.blank(v)).toList());
				case PREGNANT -> yesNo(form.pregnant());
				case IMMUNOSUPPRESSED -> yesNo(form.immunosuppressed());
				case CATHETER -> yesNo(form.urinaryCatheter());
				case EPISODES -> "In 6 months: " + orNot(form.episodesLast6Months()) + "; in 12 months: "
						+ orNot(form.episodesLast12Months());
				case RASH -> RequestForms.blank(form.rashOnsetDays()) ? "Not given"
						: form.rashOnsetDays().trim() + " days ago";
				case PHONE -> form.contactPhone();
			};
			if (answer != null) {
				answers.add(new Answer(step.question(), answer.isBlank() ? "Not given" : answer, step.code()));
			}
		}
		return answers;
	}

	private static String yesNo(@Nullable String value) {
		return switch (value == null ? "" : value) {
			case "yes" -> "Yes";
			case "no" -> "No";
			default -> "Not sure";
		};
	}

	private static String orNot(@Nullable String value) {
		return RequestForms.blank(value) ? "not given" : value.trim();
	}

	// --- which pages apply ------------------------------------------------------------------------------------------

	List<PublicFormStep> applicable(RequestForm form) {
		return java.util.Arrays.stream(PublicFormStep.values()).filter(step -> applies(step, form)).toList();
	}

	private boolean applies(PublicFormStep step, RequestForm form) {
		Set<String> tested = problem(form).map(engine::fieldsTestedFor).orElse(Set.of());
		return switch (step) {
			case EMERGENCY -> emergency(form).isPresent();
			case AREA -> PublicRequestController.NOT_REGISTERED.equals(form.practiceCode());
			case PREGNANT -> tested.contains("pregnant") && "female".equals(form.sex())
					&& age(form).map(age -> age >= 10 && age <= 60).orElse(true);
			case IMMUNOSUPPRESSED -> tested.contains("immunosuppressed");
			case CATHETER -> tested.contains("urinaryCatheter");
			case EPISODES -> tested.contains("episodesLast6Months") || tested.contains("episodesLast12Months");
			case RASH -> tested.contains("rashOnsetDays");
			default -> true;
		};
	}

	/** Answers to questions that do not apply (any more): they are not sent. */
	Set<String> notAsked(RequestForm form) {
		Set<String> asked = new HashSet<>();
		applicable(form).forEach(step -> asked.addAll(step.fields()));
		Set<String> notAsked = new HashSet<>(PublicFormStep.FIELDS);
		notAsked.removeAll(asked);
		return notAsked;
	}

	PublicFormStep next(PublicFormStep step, RequestForm form) {
		List<PublicFormStep> steps = applicable(form);
		int at = steps.indexOf(step);
		if (at < 0) {
			return steps.stream().filter(s -> s.ordinal() > step.ordinal()).findFirst().orElse(PublicFormStep.CHECK);
		}
		return at + 1 < steps.size() ? steps.get(at + 1) : PublicFormStep.CHECK;
	}

	PublicFormStep previous(PublicFormStep step, RequestForm form) {
		List<PublicFormStep> steps = applicable(form);
		return steps.stream()
			.filter(s -> s.ordinal() < step.ordinal())
			.reduce((a, b) -> b)
			.orElse(PublicFormStep.RED_FLAGS);
	}

	/** The first page whose required answer is missing, after a change from the check-answers page. */
	Optional<PublicFormStep> firstUnanswered(RequestForm form) {
		for (PublicFormStep step : applicable(form)) {
			BindingResult probe = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
			check(step, form, probe);
			if (probe.hasErrors()) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	Optional<Disposition> emergency(RequestForm form) {
		return engine.redFlagDisposition(redFlags(form)).filter(d -> d.urgency() == 1);
	}

	static Set<RedFlag> redFlags(RequestForm form) {
		return RequestForms.redFlags(form);
	}

	private static Optional<PresentingProblem> problem(RequestForm form) {
		return java.util.Arrays.stream(PresentingProblem.values())
			.filter(p -> p.name().equals(form.problem()))
			.findFirst();
	}

	private static Optional<Integer> age(RequestForm form) {
		return form.date().map(born -> PersonSummary.ageOn(born, LocalDate.now(ServiceDirectory.UK_TIME)));
	}

	// --- checking one page's answers --------------------------------------------------------------------------------

	/** The checks of the page's questions: its validation group of {@link RequestForm}. */
	void check(PublicFormStep step, RequestForm form, BindingResult errors) {
		validator.validate(form, errors, step.group());
	}

}
