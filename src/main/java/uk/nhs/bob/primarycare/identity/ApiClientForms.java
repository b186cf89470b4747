package uk.nhs.bob.primarycare.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;
import uk.nhs.bob.primarycare.shared.EnumText;

/** The forms of the API clients pages. Values stay text so that nothing posted fails binding. */
final class ApiClientForms {

	private ApiClientForms() {
	}

	static final String METHOD_MESSAGE = "Choose how the system proves who it is";

	static final String TAKEN_MESSAGE = "A client with this id is registered already; choose another";

	/** Registers a system (a client id no other system has: {@link NewClientId}). */
	@NewClientId
	record NewClientForm(@Nullable @Size(max = 60, message = "Client id must be 60 characters or fewer") String clientId,
			@Nullable @Size(max = 120, message = "Name must be 120 characters or fewer") String clientName,
			@NotBlank(message = METHOD_MESSAGE)
			@EnumText(value = ApiClients.Method.class, message = METHOD_MESSAGE) @Nullable String method,
			@Nullable List<String> scopes,
			@Nullable @Size(max = 500, message = "The JWKS address must be 500 characters or fewer") String jwkSetUrl,
			@Nullable @Size(max = 10_000, message = "The key is too long: paste one public key") String publicKey,
			@Nullable String adminPassword) {

		static NewClientForm empty() {
			return new NewClientForm(null, null, ApiClients.Method.CLIENT_SECRET_BASIC.name(), List.of(), null, null,
					null);
		}

		ApiClients.@Nullable Method methodChoice() {
			for (ApiClients.Method m : ApiClients.Method.values()) {
				if (m.name().equals(method)) {
					return m;
				}
			}
			return null;
		}

		Set<ApiScope> scopeSet() {
			return ApiClientForms.scopes(scopes);
		}

		String trimmedClientId() {
			return clientId == null ? "" : clientId.trim();
		}

	}

	/** A client id typed is not registered already (blank or too long is said by the field's own checks). */
	@Documented
	@Constraint(validatedBy = NewClientId.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface NewClientId {

		String message() default TAKEN_MESSAGE;

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<NewClientId, NewClientForm> {

			private final ApiClients clients;

			Validator(ApiClients clients) {
				this.clients = clients;
			}

			@Override
			public boolean isValid(@Nullable NewClientForm form, ConstraintValidatorContext context) {
				if (form == null || form.trimmedClientId().isEmpty() || form.trimmedClientId().length() > 60
						|| !clients.exists(form.trimmedClientId())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("clientId")
					.addConstraintViolation();
				return false;
			}

		}

	}

	/**
	 * The problems {@link ApiClients} found, each on its field unless that already has an error; the choice of method
	 * is a problem of the whole form (its radios have no one field to link to).
	 */
	static void reject(RejectedChange ex, Errors errors) {
		for (Problem problem : ex.problems()) {
			if (!errors.hasFieldErrors(problem.field())) {
				if (problem.field().equals("method")) {
					errors.reject("method", problem.message());
				}
				else {
					errors.rejectValue(problem.field(), "rejected", problem.message());
				}
			}
		}
	}

	/** Changes a system's name and scopes. */
	record ChangeForm(@Nullable @Size(max = 120, message = "Name must be 120 characters or fewer") String clientName,
			@Nullable List<String> scopes, @Nullable String adminPassword) {

		static ChangeForm from(ApiClients.ApiClient client) {
			return new ChangeForm(client.name(), client.scopeValues(), null);
		}

		Set<ApiScope> scopeSet() {
			return ApiClientForms.scopes(scopes);
		}

	}

	/** Replaces a JWT client's keys. */
	record KeyForm(
			@Nullable @Size(max = 500, message = "The JWKS address must be 500 characters or fewer") String jwkSetUrl,
			@Nullable @Size(max = 10_000, message = "The key is too long: paste one public key") String publicKey,
			@Nullable String adminPassword) {

		static KeyForm empty() {
			return new KeyForm(null, null, null);
		}

	}

	/** Confirms a new secret or a removal with the administrator's password. */
	record ConfirmForm(@Nullable String adminPassword) {
	}

	/** The scopes among the posted values; unknown values are ignored. */
	static Set<ApiScope> scopes(@Nullable List<String> values) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		if (values != null) {
			values.forEach(value -> ApiScope.of(value).ifPresent(scopes::add));
		}
		return scopes;
	}

}
