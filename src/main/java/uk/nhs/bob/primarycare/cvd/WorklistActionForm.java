package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A bulk action on the people selected on a worklist page, with the page's filters so the list comes back as it was.
 * {@link Checked} says what depends on more than one field: each person selected is an NHS number, and "record
 * invitation sent" names one of the {@link WorklistPages#INVITATIONS}.
 */
@WorklistActionForm.Checked
public record WorklistActionForm(
		@NotEmpty(message = "Select at least one person") @Size(max = 100,
				message = "Select at most 100 people at a time") @Nullable List<String> selected,
		@NotNull(message = "Choose an action") @Pattern(regexp = "ASSIGN|RELEASE|INVITE",
				message = "Choose an action") @Nullable String action,
		@Nullable String outreachType, @Nullable String rule, @Nullable String practice, @Nullable String pcn,
		@Nullable String quintile, @Nullable String status, @Nullable String days, @Nullable String owner,
		@Nullable String page) {

	WorklistQuery query() {
		return new WorklistQuery(rule, practice, pcn, quintile, status, days, owner, page);
	}

	public boolean isSelected(String nhsNumber) {
		return selected != null && selected.contains(nhsNumber);
	}

	/** The people selected, each once (the ones that are NHS numbers: {@link Checked} refuses any other). */
	List<NhsNumber> people() {
		return selected == null ? List.of()
				: selected.stream().map(NhsNumber::parse).flatMap(Optional::stream).distinct().toList();
	}

	static WorklistActionForm of(WorklistQuery query) {
		return new WorklistActionForm(List.of(), null, null, query.rule(), query.practice(), query.pcn(),
				query.quintile(), query.status(), query.days(), query.owner(), query.page());
	}

	/** Each person selected is an NHS number, and an invitation names the invitation sent. */
	@Documented
	@Constraint(validatedBy = Checked.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Checked {

		String message() default "Select people from the list";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<Checked, WorklistActionForm> {

			@Override
			public boolean isValid(@Nullable WorklistActionForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				if (form.selected() != null) {
					for (int i = 0; i < form.selected().size(); i++) {
						if (NhsNumber.parse(form.selected().get(i)).isEmpty()) {
							valid = false;
							// what was typed goes in as a parameter, never into the template, so it is not interpolated
							context.unwrap(HibernateConstraintValidatorContext.class)
								.addMessageParameter("selected" + i, form.selected().get(i))
								.buildConstraintViolationWithTemplate("'{selected" + i + "}' is not an NHS number: "
										+ "select people from the list")
								.addPropertyNode("selected")
								.addConstraintViolation();
						}
					}
				}
				if ("INVITE".equals(form.action()) && WorklistPages.INVITATIONS.stream()
					.noneMatch(type -> type.name().equals(form.outreachType()))) {
					valid = false;
					context.buildConstraintViolationWithTemplate("Choose the invitation that was sent")
						.addPropertyNode("outreachType")
						.addConstraintViolation();
				}
				return valid;
			}

		}

	}

}
