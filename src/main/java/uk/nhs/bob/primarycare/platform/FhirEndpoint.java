package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StructureDefinition;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import uk.nhs.bob.primarycare.identity.ApiScope;

/**
 * The FHIR R4 endpoint at {@code /fhir}: HAPI FHIR's plain RESTful server, hosting the resource providers the modules
 * contribute. Every Spring bean that implements HAPI's {@link IResourceProvider} is served under its resource type;
 * a bean qualified {@value #PLAIN_PROVIDER} is registered as a plain (server-level) provider, such as the
 * transaction/batch Bundle import. The server writes the CapabilityStatement from what is registered, answers JSON
 * and XML ({@code _format} or Accept), and turns HAPI's exceptions into OperationOutcomes with their status codes.
 * Which scope each interaction needs is read from {@link ApiScope}; sign-in is checked before, by platform security.
 */
@Configuration(proxyBeanMethods = false)
class FhirEndpoint {

	/** The Spring qualifier of plain providers: {@code @Component @Qualifier(PLAIN_PROVIDER)}. */
	static final String PLAIN_PROVIDER = "fhir-plain-provider";

	static final String PATH = "/fhir";

	/** Conformance resources (the platform's own extensions): public like the CapabilityStatement, no patient data. */
	static final String CONFORMANCE_TYPE = "StructureDefinition";

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(List<IResourceProvider> resourceProviders,
			@Qualifier(PLAIN_PROVIDER) List<Object> plainProviders, RefusalAudit refusals,
			StructureDefinitionProvider conformance) {
		// its own context, strict: a body with an element FHIR R4 does not define (a misspelt field) or a malformed
		// value is refused with a 400 naming it, never half-read. The shared context stays lenient for the streamed
		// file import, which reads each resource on its own and skips the bad ones with their reason.
		FhirContext strict = FhirContext.forR4();
		strict.setParserErrorHandler(new StrictErrorHandler());
		RestfulServer server = new RestfulServer(strict);
		server.setServerName("BOB Primary Care Platform");
		server.setImplementationDescription(
				"FHIR R4 API of the BOB Primary Care Platform (people, observations, care plans, bundle import)");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setResourceProviders(resourceProviders);
		server.registerProviders(plainProviders);
		server.registerInterceptor(new ScopeCheck(refusals));
		server.registerInterceptor(new Capability(conformance.definitions()));
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, PATH + "/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

	/**
	 * What HAPI cannot know from the providers: that the transaction method takes batch Bundles too, and which of the
	 * platform's own extensions each resource type carries (with where their StructureDefinitions are published).
	 */
	@Interceptor
	static final class Capability {

		private final List<StructureDefinition> extensions;

		Capability(List<StructureDefinition> extensions) {
			this.extensions = List.copyOf(extensions);
		}

		@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
		void complete(IBaseConformance capability) {
			if (!(capability instanceof CapabilityStatement statement)) {
				return;
			}
			for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
				batch(rest);
				// set, never appended: HAPI may hand the same statement to this hook more than once
				StringBuilder all = new StringBuilder("The platform's own extensions (StructureDefinitions at "
						+ PATH + "/" + CONFORMANCE_TYPE + "/<id>):");
				for (StructureDefinition extension : extensions) {
					all.append("\n- ").append(extension.getUrl()).append(": ").append(extension.getTitle())
						.append(" (on ").append(String.join(", ", contexts(extension))).append(")");
				}
				for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
					List<String> lines = extensions.stream()
						.filter(extension -> contexts(extension).stream()
							.anyMatch(c -> c.equals(resource.getType()) || c.startsWith(resource.getType() + ".")))
						.map(extension -> "Extension " + extension.getUrl() + ": " + extension.getTitle() + ".")
						.toList();
					if (!lines.isEmpty()) {
						resource.setDocumentation(String.join("\n\n", lines));
					}
				}
				rest.setDocumentation(all.toString());
			}
		}

		private static List<String> contexts(StructureDefinition extension) {
			return extension.getContext()
				.stream()
				.map(StructureDefinition.StructureDefinitionContextComponent::getExpression)
				.toList();
		}

		/** HAPI lists the transaction interaction only; the same method takes batch Bundles, so say so. */
		private static void batch(CapabilityStatement.CapabilityStatementRestComponent rest) {
			boolean transaction = rest.getInteraction()
				.stream()
				.anyMatch(i -> i.getCode() == CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
			boolean batch = rest.getInteraction()
				.stream()
				.anyMatch(i -> i.getCode() == CapabilityStatement.SystemRestfulInteraction.BATCH);
			if (transaction && !batch) {
				rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
			}
		}

	}

	/** Each interaction needs the scope that opens it on its resource type; the CapabilityStatement needs none. */
	@Interceptor
	static final class ScopeCheck {

		private final RefusalAudit refusals;

		ScopeCheck(RefusalAudit refusals) {
			this.refusals = refusals;
		}

		@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
		void check(ServletRequestDetails request, RestOperationTypeEnum operation) {
			if (operation == RestOperationTypeEnum.METADATA || (CONFORMANCE_TYPE.equals(request.getResourceName())
					&& (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.SEARCH_TYPE))) {
				return;
			}
			Optional<ApiScope> needed = needed(operation, request.getResourceName());
			List<String> held = SecurityContextHolder.getContext().getAuthentication() == null ? List.of()
					: SecurityContextHolder.getContext()
						.getAuthentication()
						.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.toList();
			if (needed.isPresent() && held.contains(needed.get().authority())) {
				return;
			}
			String scopes = held.stream()
				.filter(a -> a.startsWith("SCOPE_"))
				.map(a -> a.substring("SCOPE_".length()))
				.sorted()
				.collect(Collectors.joining(" "));
			String message = needed.map(scope -> "This interaction needs the scope " + scope.value() + "; the token has "
					+ (scopes.isEmpty() ? "no scopes" : "the scopes " + scopes) + ".")
				.orElse("No scope opens " + operation.getCode() + " on "
						+ (request.getResourceName() == null ? "the server" : request.getResourceName()) + ".");
			refusals.record(request.getServletRequest(), new AccessDeniedException(message));
			needed.ifPresent(scope -> request.getServletResponse()
				.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope.value() + "\""));
			throw new ForbiddenOperationException(message);
		}

		static Optional<ApiScope> needed(RestOperationTypeEnum operation, @org.jspecify.annotations.Nullable String type) {
			return switch (operation) {
				case TRANSACTION, BATCH -> ApiScope.forFhirTransactions();
				case READ, VREAD, SEARCH_TYPE, HISTORY_INSTANCE, HISTORY_TYPE ->
					type == null ? Optional.empty() : ApiScope.forFhir(type, false);
				case CREATE, UPDATE, PATCH, DELETE -> type == null ? Optional.empty() : ApiScope.forFhir(type, true);
				default -> Optional.empty();
			};
		}

	}

	/** 401 as an OperationOutcome: no token, or one that is expired or not valid. */
	static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String header = request.getHeader("Authorization");
		boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
		response.setHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED, IssueType.LOGIN, bearer
				? "The access token is not valid or has expired: get a new one from " + ProblemResponses.TOKEN_ENDPOINT
						+ "."
				: (header == null ? "" : "Only OAuth 2.0 bearer tokens are accepted here (not HTTP Basic or other "
						+ "credentials). ") + "Send an access token as 'Authorization: Bearer <token>'. Systems get one "
						+ "from " + ProblemResponses.TOKEN_ENDPOINT + " (OAuth 2.0 client credentials).");
	}

	/** 403 as an OperationOutcome: a signed-in member of staff (the FHIR endpoint is for systems). */
	static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpServletResponse.SC_FORBIDDEN, IssueType.FORBIDDEN,
				"The FHIR endpoint is for systems with an OAuth 2.0 access token.");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, int status, IssueType type,
			String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		// the same context HAPI keeps for R4 (building one is costly); these answers are written before the server runs
		FhirContext fhir = FhirContext.forR4Cached();
		boolean xml = wantsXml(request);
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
		response.getWriter()
			.write(xml ? fhir.newXmlParser().encodeResourceToString(outcome)
					: fhir.newJsonParser().encodeResourceToString(outcome));
	}

	private static boolean wantsXml(HttpServletRequest request) {
		String format = request.getParameter("_format");
		if (format != null) {
			return format.contains("xml");
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("xml") && !accept.contains("json");
	}

}
