package uk.nhs.bob.primarycare.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import uk.nhs.bob.primarycare.identity.ApiScope;

/**
 * The OpenAPI document's name, version and security (served at {@code /api/v1/openapi}): the OAuth 2.0
 * client-credentials scheme with the token endpoint and every scope ({@link ApiScope}), and on each operation the
 * scope it needs, so a client generated from the document knows where to get a token and what to ask for. The server
 * and the token address are relative, so the document holds wherever the platform runs.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "BOB Primary Care Platform API", version = "v1",
				description = "Same-day triage intake, navigation and request status; FHIR import and care plans; "
						+ "CVD risk; SPC charts; the audit trail. Every call needs an OAuth 2.0 access token from "
						+ "POST /oauth2/token (client credentials) with the operation's scope. Errors are "
						+ "application/problem+json."),
		servers = @Server(url = "/", description = "This platform"))
class OpenApiDocument {

	static final String OAUTH2 = "oauth2";

	static final String TOKEN_URL = "/oauth2/token";

	@Bean
	OpenApiCustomizer clientCredentialsSecurity() {
		return openApi -> {
			Scopes scopes = new Scopes();
			for (ApiScope scope : ApiScope.values()) {
				scopes.addString(scope.value(), scope.description());
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.description("OAuth 2.0 client credentials. Authenticate to the token endpoint with the client "
							+ "secret (HTTP Basic, client_secret_basic) or a signed JWT (private_key_jwt, RFC 7523). "
							+ "Tokens live five minutes.")
					.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(TOKEN_URL).scopes(scopes))));
			openApi.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2)));
			if (openApi.getPaths() != null) {
				openApi.getPaths().forEach((path, item) -> {
					List<String> needed = scopeOf(path).map(scope -> List.of(scope.value())).orElse(List.of());
					item.readOperations()
						.forEach(operation -> operation.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2,
								needed))));
				});
			}
		};
	}

	/** The scope an API path needs; none for the caller's own details. */
	static Optional<ApiScope> scopeOf(String path) {
		PathContainer container = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"));
		return Arrays.stream(ApiScope.values())
			.filter(scope -> scope.paths()
				.stream()
				.anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container)))
			.findFirst();
	}

}
