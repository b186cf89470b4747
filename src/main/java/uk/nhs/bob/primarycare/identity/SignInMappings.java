package uk.nhs.bob.primarycare.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * How a sign-in with an OpenID Connect provider gives roles and scope. The provider says which roles the person holds
 * at which organisations (NHS CIS2: entries of {@code nhsid_nrbac_roles}, each with a national RBAC job role code
 * such as {@code R8000} and the ODS code of the organisation); each mapping, kept in PostgreSQL and edited by ICB
 * administrators, gives one app role with one organisation scope to a role code held at an organisation. Nothing is
 * guessed: a role the mappings do not name gives nothing. Every change is an administrator action in the audit log
 * and needs the administrator's confirmation. Problems name the fields {@code roleCode}, {@code orgCode},
 * {@code appRole}, the scope fields and {@code adminPassword}.
 */
@Component
class SignInMappings {

	private static final Logger log = LoggerFactory.getLogger(SignInMappings.class);

	/** One mapping as stored. */
	public record Mapping(long id, String roleCode, String orgCode, Role appRole, OrganisationScope scope,
			String scopeName, Instant createdAt, String createdBy) {
	}

	/** A mapping to add. */
	record NewMapping(String roleCode, String orgCode, @Nullable Role appRole, @Nullable OrganisationScope scope) {
	}

	/** One role the provider says the person holds: the role code at the organisation, and its id there. */
	public record RoleClaim(String roleCode, String orgCode, @Nullable String personRoleId, @Nullable String roleName) {

		/** Whether the claimed role is the mapping's: the whole code, or its job role part (R8000 of S8000:G8000:R8000). */
		boolean matches(String mappedRoleCode) {
			String wanted = mappedRoleCode.toUpperCase(Locale.ROOT);
			String code = roleCode.toUpperCase(Locale.ROOT);
			return code.equals(wanted) || code.endsWith(":" + wanted);
		}

		public String describe() {
			return roleCode + " at " + orgCode + (roleName == null || roleName.isBlank() ? "" : " (" + roleName + ")");
		}

	}

	/** What a set of claims gives: one choice per organisation scope (several when roles map to different ones). */
	public record Access(List<AccessChoice> choices) {

		public boolean none() {
			return choices.isEmpty();
		}

	}

	private final JdbcClient jdbc;

	private final StaffUsers staffUsers;

	private final AuditLog auditLog;

	private final Reauthentication reauthentication;

	private final UserAdministration users;

	SignInMappings(JdbcClient jdbc, StaffUsers staffUsers, AuditLog auditLog, Reauthentication reauthentication,
			UserAdministration users) {
		this.jdbc = jdbc;
		this.staffUsers = staffUsers;
		this.auditLog = auditLog;
		this.reauthentication = reauthentication;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public List<Mapping> mappings() {
		Map<OrganisationScope, String> names = new LinkedHashMap<>();
		return jdbc.sql("""
				SELECT id, role_code, org_code, app_role, scope_level, scope_code, created_at, created_by
				FROM identity.sign_in_mapping ORDER BY upper(role_code), upper(org_code), app_role""")
			.query((rs, row) -> {
				OrganisationScope scope = new OrganisationScope(OrganisationScope.Level.valueOf(rs.getString("scope_level")),
						rs.getString("scope_code"));
				return new Mapping(rs.getLong("id"), rs.getString("role_code"), rs.getString("org_code"),
						Role.valueOf(rs.getString("app_role")), scope, "", rs.getTimestamp("created_at").toInstant(),
						rs.getString("created_by"));
			})
			.list()
			.stream()
			.map(m -> new Mapping(m.id(), m.roleCode(), m.orgCode(), m.appRole(), m.scope(),
					names.computeIfAbsent(m.scope(), staffUsers::scopeName), m.createdAt(), m.createdBy()))
			.toList();
	}

	@Transactional
	void add(NewMapping mapping, String administrator, @Nullable String adminPassword) {
		List<Problem> problems = new ArrayList<>();
		String roleCode = mapping.roleCode().trim().toUpperCase(Locale.ROOT);
		String orgCode = mapping.orgCode().trim().toUpperCase(Locale.ROOT);
		if (!roleCode.matches("[A-Z0-9]{1,20}(:[A-Z0-9]{1,20}){0,2}")) {
			problems.add(new Problem("roleCode", "Enter a national RBAC role code, such as R8000 (or S8000:G8000:R8000)"));
		}
		if (OdsCode.parse(orgCode).isEmpty()) {
			problems.add(new Problem("orgCode", "Enter the ODS code of the organisation, such as K81001"));
		}
		if (mapping.appRole() == null || mapping.appRole() == Role.API_CLIENT) {
			problems.add(new Problem("appRole", "Choose the role it gives here"));
		}
		if (mapping.scope() == null) {
			problems.add(new Problem("scopeLevel", "Choose the scope it gives"));
		}
		else {
			users.scopeProblem(mapping.scope().level(), mapping.scope().code()).ifPresent(problems::add);
		}
		if (problems.isEmpty()) {
			reauthentication.problem(administrator, adminPassword).ifPresent(problems::add);
		}
		reject(problems);
		Role role = java.util.Objects.requireNonNull(mapping.appRole());
		OrganisationScope scope = java.util.Objects.requireNonNull(mapping.scope());
		try {
			jdbc.sql("""
					INSERT INTO identity.sign_in_mapping (role_code, org_code, app_role, scope_level, scope_code, created_by)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(roleCode, orgCode, role.name(), scope.level().name(), scope.code(), administrator)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedChange(List.of(new Problem("roleCode",
					"This role code at this organisation already gives " + role.label())));
		}
		log.info("{} mapped {} at {} to {} for {}", administrator, roleCode, orgCode, role, scope);
		auditLog.recordAdminAction(administrator, AdminAction.SIGN_IN_MAPPING_ADDED, roleCode + " at " + orgCode,
				"Gives " + role.label() + " for " + staffUsers.scopeName(scope)
						+ "; people already signed in get it at their next sign-in");
	}

	@Transactional
	void remove(long id, String administrator, @Nullable String adminPassword) {
		Mapping mapping = mappings().stream()
			.filter(m -> m.id() == id)
			.findFirst()
			.orElseThrow(() -> new RejectedChange(List.of(new Problem("id", "This mapping was removed already"))));
		reject(reauthentication.problem(administrator, adminPassword).stream().toList());
		jdbc.sql("DELETE FROM identity.sign_in_mapping WHERE id = ?").param(id).update();
		auditLog.recordAdminAction(administrator, AdminAction.SIGN_IN_MAPPING_REMOVED,
				mapping.roleCode() + " at " + mapping.orgCode(), "Gave " + mapping.appRole().label() + " for "
						+ mapping.scopeName() + "; people who have it keep it until their next sign-in");
	}

	/**
	 * The access the claims give: the roles of every mapping a claimed role matches, grouped by organisation scope.
	 * Several scopes make several choices, for the person to pick one (a user has one scope at a time); none means
	 * no access.
	 */
	@Transactional(readOnly = true)
	public Access access(List<RoleClaim> claims) {
		Map<OrganisationScope, Set<Role>> byScope = new LinkedHashMap<>();
		Map<OrganisationScope, List<String>> because = new LinkedHashMap<>();
		List<Mapping> mappings = mappings();
		for (RoleClaim claim : claims) {
			for (Mapping mapping : mappings) {
				if (claim.matches(mapping.roleCode()) && claim.orgCode().equalsIgnoreCase(mapping.orgCode())) {
					byScope.computeIfAbsent(mapping.scope(), s -> EnumSet.noneOf(Role.class)).add(mapping.appRole());
					because.computeIfAbsent(mapping.scope(), s -> new ArrayList<>()).add(claim.describe());
				}
			}
		}
		List<AccessChoice> choices = new ArrayList<>();
		byScope.forEach((scope, roles) -> choices.add(new AccessChoice(EnumSet.copyOf(roles), scope,
				staffUsers.scopeName(scope), List.copyOf(new java.util.LinkedHashSet<>(because.get(scope))))));
		choices.sort(Comparator.comparing(AccessChoice::scopeName));
		return new Access(List.copyOf(choices));
	}

	/** The mapping of a claim list, for the administrators' page: what a sign-in with these roles would give. */
	static Optional<String> describe(Access access) {
		if (access.none()) {
			return Optional.empty();
		}
		return Optional.of(String.join("; ", access.choices().stream().map(AccessChoice::describe).toList()));
	}

	private static void reject(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new RejectedChange(problems);
		}
	}

}
