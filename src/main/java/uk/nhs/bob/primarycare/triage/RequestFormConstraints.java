package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.WholeNumberText;

/**
 * The Bean Validation constraints of a same-day request form ({@link RequestForm}) that no general constraint can
 * say: the red-flag answer, a yes / no / not sure answer, a practice or area from the directory, and the two episode
 * counts together.
 */
final class RequestFormConstraints {

	private RequestFormConstraints() {
	}

	/**
	 * The urgent symptoms question: answered (a symptom or "None of these"), only symptoms from the list, and not
	 * "None of these" with a symptom. Each problem has its own message.
	 */
	@Documented
	@Constraint(validatedBy = RedFlagAnswer.Validator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface RedFlagAnswer {

		String message() default "Answer the urgent symptoms question: tick any that apply, or None of these";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<RedFlagAnswer, List<String>> {

			@Override
			public boolean isValid(@Nullable List<String> codes, ConstraintValidatorContext context) {
				if (codes == null || codes.isEmpty()) {
					return false;
				}
				boolean none = codes.contains(RequestForm.NO_RED_FLAGS);
				boolean flag = false;
				for (String code : codes) {
					if (code.equals(RequestForm.NO_RED_FLAGS)) {
						continue;
					}
					if (RedFlag.parse(code).isEmpty()) {
						return problem(context, "Choose urgent symptoms from the list");
					}
					flag = true;
				}
				return !(none && flag) || problem(context,
						"You ticked None of these and an urgent symptom: untick None of these or the symptom");
			}

		}

	}

	/** An answer of yes, no or not sure ({@code unknown}); blank passes (add {@code @NotBlank} where required). */
	@Documented
	@Constraint(validatedBy = YesNoUnsure.Validator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface YesNoUnsure {

		String message() default "Choose yes, no or not sure";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<YesNoUnsure, String> {

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				return value == null || value.isBlank()
						|| List.of("yes", "no", "unknown").contains(value.toLowerCase(Locale.ROOT));
			}

		}

	}

	/**
	 * A GP practice of the directory by ODS code (or, where allowed, the public form's
	 * {@link PublicRequestController#NOT_REGISTERED}); blank passes (add {@code @NotBlank}). The validator reads the
	 * directory (Spring builds it with its collaborators).
	 */
	@Documented
	@Constraint(validatedBy = KnownPractice.Validator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface KnownPractice {

		/** Whether the public form's "not registered here" answer passes. */
		boolean notRegisteredAllowed() default false;

		String message() default "Choose the GP practice from the list";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<KnownPractice, String> {

			private final Directory directory;

			private boolean notRegisteredAllowed;

			Validator(Directory directory) {
				this.directory = directory;
			}

			@Override
			public void initialize(KnownPractice annotation) {
				this.notRegisteredAllowed = annotation.notRegisteredAllowed();
			}

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				return value == null || value.isBlank()
						|| (notRegisteredAllowed && PublicRequestController.NOT_REGISTERED.equals(value))
						|| OdsCode.parse(value).flatMap(directory::practice).isPresent();
			}

		}

	}

	/** A neighbourhood site (hub area) of the directory by code; blank passes (add {@code @NotBlank}). */
	@Documented
	@Constraint(validatedBy = KnownSite.Validator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface KnownSite {

		String message() default "Choose the area nearest to where the person is";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<KnownSite, String> {

			private final Directory directory;

			Validator(Directory directory) {
				this.directory = directory;
			}

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				return value == null || value.isBlank() || directory.site(value).isPresent();
			}

		}

	}

	/**
	 * A hub the signed-in member of staff may record a request at: one of the sites of their scope. Blank passes (add
	 * {@code @NotBlank}).
	 */
	@Documented
	@Constraint(validatedBy = HubInScope.Validator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface HubInScope {

		String message() default "Choose the hub that will triage this request";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<HubInScope, String> {

			private final StaffUsers staffUsers;

			private final TriageOptions options;

			Validator(StaffUsers staffUsers, TriageOptions options) {
				this.staffUsers = staffUsers;
				this.options = options;
			}

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				return value == null || value.isBlank() || staffUsers.current()
					.map(user -> options.siteOptions(user).containsKey(value))
					.orElse(false);
			}

		}

	}

	/** The times in the last 12 months include the times in the last 6 months (each checked on its own as well). */
	@Documented
	@Constraint(validatedBy = EpisodesInOrder.Validator.class)
	@Target({ ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@interface EpisodesInOrder {

		String message() default "Times in the last 12 months must include the times in the last 6 months";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<EpisodesInOrder, RequestForm> {

			@Override
			public boolean isValid(@Nullable RequestForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				Integer six = WholeNumberText.Validator.parse(form.episodesLast6Months(), 1, RequestForm.MAX_EPISODES_6)
					.orElse(null);
				Integer twelve = WholeNumberText.Validator
					.parse(form.episodesLast12Months(), 1, RequestForm.MAX_EPISODES_12)
					.orElse(null);
				if (six == null || twelve == null || six <= twelve) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("episodesLast12Months")
					.addConstraintViolation();
				return false;
			}

		}

	}

	private static boolean problem(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

}
