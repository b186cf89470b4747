package uk.nhs.bob.primarycare.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth 2.0 scopes of the platform's APIs, one per capability, with the request paths each one opens. A token
 * reaches a path only with its scope ({@code SCOPE_<value>} in Spring Security); a system registered for a scope
 * acts for the whole ICB. Adding a capability is one constant here: platform security, the OpenAPI document, the
 * API clients page and the demo client all read this list.
 */
public enum ApiScope {

	TRIAGE_REQUESTS("triage.requests", "Send same-day requests (NHS 111, online consultation) and read their status",
			"/api/v1/triage/requests", "/api/v1/triage/requests/**"),
	TRIAGE_NAVIGATION("triage.navigation", "Navigate a presenting problem with the triage rule pack",
			"/api/v1/triage/navigation"),
	CVD_READ("cvd.read", "Read a person's CVD risk and case-finding results", "/api/v1/cvd/people/**"),
	CVD_QRISK3("cvd.qrisk3", "Calculate QRISK3 scores (no personal data)", "/api/v1/cvd/qrisk3"),
	FHIR_IMPORT("fhir.import", "Import FHIR R4 bundles of people and their records", "/api/v1/fhir"),
	CAREPLAN_READ("careplan.read", "Read personalised care and support plans as FHIR CarePlan",
			"/api/v1/care-plans/**"),
	PROGRAMME_SPC("programme.spc",
			"Calculate statistical process control (SPC) charts, and read the programme's measure charts (aggregate)",
			"/api/v1/programme/spc", "/api/v1/programme/measures/**"),
	AUDIT_READ("audit.read", "Read the audit trail of who saw whose record", "/api/v1/audit");

	private final String value;

	private final String description;

	private final List<String> paths;

	ApiScope(String value, String description, String... paths) {
		this.value = value;
		this.description = description;
		this.paths = List.of(paths);
	}

	/** The scope as tokens carry it ({@code triage.requests}). */
	public String value() {
		return value;
	}

	public String description() {
		return description;
	}

	/** Path patterns (Spring's {@code PathPattern} syntax) that need this scope. */
	public List<String> paths() {
		return paths;
	}

	/** The authority Spring Security gives a token with this scope. */
	public String authority() {
		return "SCOPE_" + value;
	}

	public static Optional<ApiScope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

}
