package uk.nhs.bob.primarycare.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The checks of the user forms that look beyond one field: roles and scope together ({@link RolesAndScope}), a new
 * account's username and password ({@link NewAccount}), an edit made from a known version ({@link KnownVersion}), and
 * a new password typed twice the same ({@link ConfirmedPassword}).
 * Each message goes on the field it is about, as {@link UserAdministration} names it, so the NHS error summary links
 * to it; the service checks the same again in its transaction.
 */
final class UserFormChecks {

	private UserFormChecks() {
	}

	/** At least one role, and a scope of a level with an organisation in the directory. */
	@Documented
	@Constraint(validatedBy = RolesAndScope.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface RolesAndScope {

		/** The field the roles are chosen on. */
		String rolesField() default "roles";

		String message() default "Choose at least one role";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<RolesAndScope, ScopeFields> {

			private final UserAdministration users;

			private String rolesField = "roles";

			Validator(UserAdministration users) {
				this.users = users;
			}

			@Override
			public void initialize(RolesAndScope annotation) {
				this.rolesField = annotation.rolesField();
			}

			@Override
			public boolean isValid(@Nullable ScopeFields form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				if (form.roleSet().isEmpty()) {
					valid = refuse(context, rolesField, context.getDefaultConstraintMessageTemplate());
				}
				UserAdministration.Problem scope = users.scopeProblem(form.level(), form.scopeCode()).orElse(null);
				if (scope != null) {
					valid = refuse(context, scope.field(), scope.message());
				}
				return valid;
			}

		}

	}

	/** A username no one has yet, and a password the policy allows for it. */
	@Documented
	@Constraint(validatedBy = NewAccount.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface NewAccount {

		String message() default "A user with this username already exists; choose another";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<NewAccount, NewUserForm> {

			private final UserAdministration users;

			Validator(UserAdministration users) {
				this.users = users;
			}

			@Override
			public boolean isValid(@Nullable NewUserForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				String username = form.trimmedUsername();
				if (!username.isEmpty() && username.length() <= 60 && users.usernameTaken(username)) {
					valid = refuse(context, "username", context.getDefaultConstraintMessageTemplate());
				}
				String problem = UserAdministration.passwordProblem(username, form.password()).orElse(null);
				if (problem != null) {
					valid = refuse(context, "password", problem);
				}
				return valid;
			}

		}

	}

	/** The form carries the version of the user it was filled in from (a form with none is out of date). */
	@Documented
	@Constraint(validatedBy = KnownVersion.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface KnownVersion {

		String message() default "This form is out of date: open the user again";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** A problem of the whole form, not of one field: it has no field to link to. */
		class Validator implements ConstraintValidator<KnownVersion, EditUserForm> {

			@Override
			public boolean isValid(@Nullable EditUserForm form, ConstraintValidatorContext context) {
				return form == null || form.versionNumber() != null;
			}

		}

	}

	/** The new password typed twice the same. */
	@Documented
	@Constraint(validatedBy = ConfirmedPassword.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface ConfirmedPassword {

		String message() default "The two new passwords are not the same";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<ConfirmedPassword, AccountController.ChangePasswordForm> {

			@Override
			public boolean isValid(AccountController.@Nullable ChangePasswordForm form,
					ConstraintValidatorContext context) {
				if (form == null || form.newPassword() == null || form.newPassword().equals(form.confirmPassword())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				return refuse(context, "confirmPassword", context.getDefaultConstraintMessageTemplate());
			}

		}

	}

	private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
		// messages come from the code (never what was typed), but a brace must not be read as a parameter
		context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
			.addPropertyNode(field)
			.addConstraintViolation();
		return false;
	}

}
