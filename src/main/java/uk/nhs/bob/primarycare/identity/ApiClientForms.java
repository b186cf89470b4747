package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The forms of the API clients pages. Values stay text so that nothing posted fails binding. */
final class ApiClientForms {

	private ApiClientForms() {
	}

	/** Registers a system. */
	record NewClientForm(@Nullable @Size(max = 60, message = "Client id must be 60 characters or fewer") String clientId,
			@Nullable @Size(max = 120, message = "Name must be 120 characters or fewer") String clientName,
			@Nullable String method, @Nullable List<String> scopes,
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
