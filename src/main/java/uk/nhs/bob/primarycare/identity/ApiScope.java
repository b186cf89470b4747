package uk.nhs.bob.primarycare.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth 2.0 scopes of the platform's APIs, one per capability, with the request paths each one opens. A token
 * reaches a path only with its scope ({@code SCOPE_<value>} in Spring Security); a system registered for a scope
 * acts for the whole ICB. Adding a capability is one constant here: platform security, the OpenAPI document, the
 * API clients page and the demo client all read this list. On the FHIR endpoint ({@code /fhir}) a scope opens
 * interactions on resource types instead of paths ({@link Fhir}).
 */
public enum ApiScope {

	TRIAGE_REQUESTS("triage.requests", "Send same-day requests (NHS 111, online consultation) and read their status",
			"/api/v1/triage/requests", "/api/v1/triage/requests/**"),
	TRIAGE_NAVIGATION("triage.navigation", "Navigate a presenting problem with the triage rule pack",
			"/api/v1/triage/navigation"),
	CVD_READ("cvd.read", "Read a person's CVD risk and case-finding results", "/api/v1/cvd/people/**"),
	CVD_QRISK3("cvd.qrisk3", "Calculate QRISK3 scores (no personal data)", "/api/v1/cvd/qrisk3"),
	FHIR_IMPORT("fhir.import", "Import FHIR R4 bundles of people and their records", Fhir.TRANSACTIONS,
			"/api/v1/fhir"),
	CAREPLAN_READ("careplan.read", "Read personalised care and support plans as FHIR CarePlan",
			Fhir.reads("CarePlan", "CareTeam", "Goal"), "/api/v1/care-plans/**"),
	PATIENT_READ("patient.read", "Read people's demographics and observations as FHIR Patient and Observation",
			Fhir.reads("Patient", "Observation")),
	REFERRAL_WRITE("referral.write",
			"Refer people to an Integrated Neighbourhood Team as FHIR ServiceRequest, and read those referrals' status",
			Fhir.readsAndWrites("ServiceRequest")),
	OBSERVATION_WRITE("observation.write",
			"Send observations (blood pressure, BMI, smoking status, cholesterol) as FHIR Observation",
			Fhir.writes("Observation")),
	PROGRAMME_SPC("programme.spc",
			"Calculate statistical process control (SPC) charts, and read the programme's measure charts (aggregate)",
			"/api/v1/programme/spc", "/api/v1/programme/measures/**"),
	AUDIT_READ("audit.read", "Read the audit trail of who saw whose record", "/api/v1/audit");

	private final String value;

	private final String description;

	private final List<String> paths;

	private final Fhir fhir;

	ApiScope(String value, String description, String... paths) {
		this(value, description, Fhir.NONE, paths);
	}

	ApiScope(String value, String description, Fhir fhir, String... paths) {
		this.value = value;
		this.description = description;
		this.fhir = fhir;
		this.paths = List.of(paths);
	}

	/**
	 * What a scope opens on the FHIR endpoint: reading (read, search) and writing (create, update) these resource
	 * types, and transaction or batch Bundles posted to the base.
	 */
	public record Fhir(Set<String> reads, Set<String> writes, boolean transactions) {

		static final Fhir NONE = new Fhir(Set.of(), Set.of(), false);

		static final Fhir TRANSACTIONS = new Fhir(Set.of(), Set.of(), true);

		static Fhir reads(String... resourceTypes) {
			return new Fhir(Set.of(resourceTypes), Set.of(), false);
		}

		static Fhir writes(String... resourceTypes) {
			return new Fhir(Set.of(), Set.of(resourceTypes), false);
		}

		static Fhir readsAndWrites(String... resourceTypes) {
			return new Fhir(Set.of(resourceTypes), Set.of(resourceTypes), false);
		}

	}

	/** The scope that opens reading ({@code write} false) or writing this FHIR resource type, if any. */
	public static Optional<ApiScope> forFhir(String resourceType, boolean write) {
		return Arrays.stream(values())
			.filter(scope -> (write ? scope.fhir.writes() : scope.fhir.reads()).contains(resourceType))
			.findFirst();
	}

	/** The scope that opens transaction and batch Bundles on the FHIR endpoint. */
	public static Optional<ApiScope> forFhirTransactions() {
		return Arrays.stream(values()).filter(scope -> scope.fhir.transactions()).findFirst();
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
