package uk.nhs.bob.primarycare.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's name, version and security scheme (served at {@code /api/v1/openapi}): every API signs in
 * with HTTP Basic as a user or service account, so a client generated from the document authenticates. The server is
 * relative, so the document holds wherever the platform runs.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "BOB Primary Care Platform API", version = "v1",
				description = "Same-day triage intake, navigation and request status; FHIR import and care plans; "
						+ "SPC charts. Errors are application/problem+json."),
		servers = @Server(url = "/", description = "This platform"),
		security = @SecurityRequirement(name = OpenApiDocument.BASIC))
@SecurityScheme(name = OpenApiDocument.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "A platform user or service account (role API_CLIENT for triage intake)")
class OpenApiDocument {

	static final String BASIC = "basicAuth";

}
