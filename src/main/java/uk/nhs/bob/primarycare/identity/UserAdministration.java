package uk.nhs.bob.primarycare.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ResponseStatus;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.OrganisationScope.Level;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * User management for ICB administrators: create users, change their name, roles, scope and status, unlock them and
 * reset their password. Every change is checked in full before anything is written, so a rejected change leaves the
 * account as it was. Problems name the form field they belong to ({@code username}, {@code password}, {@code roles},
 * {@code scopeLevel}, {@code placeCode}, {@code siteCode}, {@code pcnCode}, {@code enabled}, {@code adminPassword})
 * so pages can show them next to it. Every change is recorded in the audit log's administrator actions, in the
 * transaction of the change; a password reset or a change of roles or scope needs the administrator's own password
 * again, and a reset password must be replaced by the user at their next sign-in.
 */
@Component
class UserAdministration {

	static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

	static final int MAX_PASSWORD_BYTES = PasswordPolicy.MAX_BYTES;

	static final String WRONG_OWN_PASSWORD = Reauthentication.WRONG_OWN_PASSWORD;

	static final String SYSTEMS_ARE_CLIENTS = "Systems are registered as API clients (Administration, API clients), "
			+ "not as users";

	private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final StaffUsers staffUsers;

	private final Directory directory;

	private final AuditLog auditLog;

	private final SignInThrottle throttle;

	private final Reauthentication reauthentication;

	UserAdministration(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, StaffUsers staffUsers,
			Directory directory, AuditLog auditLog, SignInThrottle throttle, Reauthentication reauthentication) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.staffUsers = staffUsers;
		this.directory = directory;
		this.auditLog = auditLog;
		this.throttle = throttle;
		this.reauthentication = reauthentication;
	}

	/** A problem with a requested change, for the named form field. */
	record Problem(String field, String message) {
	}

	/** The change breaks a rule; nothing was saved. */
	static class RejectedChange extends RuntimeException {

		private final List<Problem> problems;

		RejectedChange(List<Problem> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		List<Problem> problems() {
			return problems;
		}

		/** Each problem on its form field, unless that field already has an error. */
		void rejectOn(Errors errors) {
			for (Problem problem : problems) {
				if (!errors.hasFieldErrors(problem.field())) {
					errors.rejectValue(problem.field(), "rejected", problem.message());
				}
			}
		}

	}

	/** Someone saved the user after the version the change was based on; nothing was saved. */
	static class StaleChange extends RuntimeException {

		StaleChange() {
			super("The user was changed by someone else");
		}

	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownUser extends RuntimeException {

		UnknownUser(long id) {
			super("No user with id " + id);
		}

	}

	/** The details a new user is created with. */
	record NewUser(String username, String displayName, String password, Set<Role> roles, OrganisationScope scope,
			@Nullable String email) {

		NewUser(String username, String displayName, String password, Set<Role> roles, OrganisationScope scope) {
			this(username, displayName, password, roles, scope, null);
		}

	}

	/**
	 * The details an administrator can change; {@code version} is the one the change was based on and
	 * {@code adminPassword} the administrator's own password, needed when roles or scope change.
	 */
	record UserChange(long version, String displayName, Set<Role> roles, OrganisationScope scope, boolean enabled,
			@Nullable String adminPassword, @Nullable String email) {

		UserChange(long version, String displayName, Set<Role> roles, OrganisationScope scope, boolean enabled,
				@Nullable String adminPassword) {
			this(version, displayName, roles, scope, enabled, adminPassword, null);
		}

	}

	@Transactional(readOnly = true)
	/** The users matching the filters typed, with the filters as used. */
	record Listing(List<ManagedUser> users, String text, @Nullable Role role, @Nullable String scope,
			Map<String, Map<String, String>> scopeOptions) {
	}

	/**
	 * The users matching a text, a role and a scope; an unknown role or scope (a hand-edited address) filters
	 * nothing rather than failing.
	 */
	@Transactional(readOnly = true)
	public Listing list(@Nullable String text, @Nullable String role, @Nullable String scope) {
		Role wantedRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
		Map<String, Map<String, String>> scopeOptions = scopeFilterOptions();
		String wantedScope = scope != null && scopeOptions.values().stream().anyMatch(group -> group.containsKey(scope))
				? scope : null;
		return new Listing(users().stream().filter(u -> matches(u, wantedRole, wantedScope, text)).toList(),
				text == null ? "" : text, wantedRole, wantedScope, scopeOptions);
	}

	public List<ManagedUser> users() {
		// many users share a scope; name each scope once rather than once per user
		Map<OrganisationScope, String> scopeNames = new HashMap<>();
		return accounts.findAllByOrderByUsernameAsc()
			.stream()
			.map(account -> toManagedUser(account,
					scopeNames.computeIfAbsent(account.scope(), staffUsers::scopeName)))
			.toList();
	}

	@Transactional(readOnly = true)
	public ManagedUser user(long id) {
		return toManagedUser(account(id));
	}

	/** Whether the username is taken by another account, ignoring case. */
	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return accounts.findByUsername(username.trim()).isPresent();
	}

	@Transactional
	public long create(NewUser user, String administrator) {
		List<Problem> problems = new ArrayList<>();
		if (usernameTaken(user.username())) {
			problems.add(new Problem("username", "A user with this username already exists; choose another"));
		}
		passwordProblem(user.username(), user.password()).ifPresent(m -> problems.add(new Problem("password", m)));
		if (user.roles().isEmpty()) {
			problems.add(new Problem("roles", "Choose at least one role"));
		}
		else if (user.roles().contains(Role.API_CLIENT)) {
			problems.add(new Problem("roles", SYSTEMS_ARE_CLIENTS));
		}
		scopeProblem(user.scope().level(), user.scope().code()).ifPresent(problems::add);
		emailProblem(user.email(), null).ifPresent(problems::add);
		reject(problems);
		StaffAccount created = new StaffAccount(user.username().trim(), user.displayName().trim(),
				passwordEncoder.encode(user.password()), user.roles(), user.scope());
		created.setEmail(user.email());
		StaffAccount account = accounts.save(created);
		log.info("{} created user '{}' with roles {} for {}", administrator, account.getUsername(), user.roles(),
				user.scope());
		auditLog.recordAdminAction(administrator, AdminAction.USER_CREATED, account.getUsername(),
				"Name " + account.getDisplayName() + "; roles " + roleNames(user.roles()) + "; scope "
						+ staffUsers.scopeName(user.scope()));
		return id(account);
	}

	@Transactional
	public void update(long id, UserChange change, String administrator) {
		StaffAccount account = account(id);
		if (account.getVersion() != change.version()) {
			throw new StaleChange();
		}
		List<Problem> problems = new ArrayList<>();
		boolean self = isSelf(account, administrator);
		if (change.roles().isEmpty()) {
			problems.add(new Problem("roles", "Choose at least one role"));
		}
		else if (change.roles().contains(Role.API_CLIENT) && !account.getRoles().contains(Role.API_CLIENT)) {
			problems.add(new Problem("roles", SYSTEMS_ARE_CLIENTS));
		}
		else if (self && !change.roles().contains(Role.ICB_ADMIN)) {
			problems.add(new Problem("roles", "You cannot remove your own ICB administrator role; ask another "
					+ "ICB administrator to do it"));
		}
		if (self && !change.enabled()) {
			problems.add(new Problem("enabled", "You cannot disable your own account"));
		}
		scopeProblem(change.scope().level(), change.scope().code()).ifPresent(problems::add);
		emailProblem(change.email(), account).ifPresent(problems::add);
		boolean rolesChanged = !Set.copyOf(account.getRoles()).equals(Set.copyOf(change.roles()));
		boolean scopeChanged = !change.scope().equals(account.scope());
		if (problems.isEmpty() && (rolesChanged || scopeChanged)) {
			reauthenticationProblem(administrator, change.adminPassword()).ifPresent(problems::add);
		}
		reject(problems);
		String oldRoles = roleNames(account.getRoles());
		String oldScope = staffUsers.scopeName(account.scope());
		String oldName = account.getDisplayName();
		String oldEmail = account.getEmail();
		boolean wasEnabled = account.isEnabled();
		account.setDisplayName(change.displayName().trim());
		account.setRoles(change.roles());
		account.setScope(change.scope());
		account.setEnabled(change.enabled());
		account.setEmail(change.email());
		log.info("{} changed user '{}': roles {}, scope {}, enabled {}", administrator, account.getUsername(),
				change.roles(), change.scope(), change.enabled());
		String target = account.getUsername();
		if (rolesChanged) {
			auditLog.recordAdminAction(administrator, AdminAction.ROLES_CHANGED, target,
					"From " + oldRoles + " to " + roleNames(change.roles()));
		}
		if (scopeChanged) {
			auditLog.recordAdminAction(administrator, AdminAction.SCOPE_CHANGED, target,
					"From " + oldScope + " to " + staffUsers.scopeName(change.scope()));
		}
		if (!oldName.equals(account.getDisplayName())) {
			auditLog.recordAdminAction(administrator, AdminAction.USER_CHANGED, target,
					"Name from " + oldName + " to " + account.getDisplayName());
		}
		if (wasEnabled != change.enabled()) {
			auditLog.recordAdminAction(administrator,
					change.enabled() ? AdminAction.USER_ENABLED : AdminAction.USER_DISABLED, target, "");
		}
		if (!java.util.Objects.equals(oldEmail, account.getEmail())) {
			// the address a first sign-in with the identity provider links the account by
			auditLog.recordAdminAction(administrator, AdminAction.USER_CHANGED, target,
					"Email address from " + (oldEmail == null ? "none" : oldEmail) + " to "
							+ (account.getEmail() == null ? "none" : account.getEmail()));
		}
	}


	@Transactional
	public void setEnabled(long id, boolean enabled, String administrator) {
		StaffAccount account = account(id);
		if (!enabled && isSelf(account, administrator)) {
			throw new RejectedChange(List.of(new Problem("enabled", "You cannot disable your own account")));
		}
		boolean was = account.isEnabled();
		account.setEnabled(enabled);
		log.info("{} {} user '{}'", administrator, enabled ? "enabled" : "disabled", account.getUsername());
		if (was != enabled) {
			auditLog.recordAdminAction(administrator, enabled ? AdminAction.USER_ENABLED : AdminAction.USER_DISABLED,
					account.getUsername(), "");
		}
	}

	/** Clears the failed sign-ins of the account: its count and every client's sign-in throttle. */
	@Transactional
	public void unlock(long id, String administrator) {
		StaffAccount account = account(id);
		accounts.clearFailedSignIns(account.getUsername());
		throttle.clear(account.getUsername());
		log.info("{} unlocked user '{}'", administrator, account.getUsername());
		auditLog.recordAdminAction(administrator, AdminAction.USER_UNLOCKED, account.getUsername(), "");
	}

	/**
	 * Sets a new password chosen by an administrator, after checking the administrator's own password. A member of
	 * staff must replace it at their next sign-in, so the administrator never goes on knowing it; a service account
	 * (no pages to change it on) keeps it.
	 */
	@Transactional
	public void resetPassword(long id, String password, String administrator, @Nullable String adminPassword) {
		StaffAccount account = account(id);
		List<Problem> problems = new ArrayList<>();
		passwordProblem(account.getUsername(), password).ifPresent(m -> problems.add(new Problem("password", m)));
		reauthenticationProblem(administrator, adminPassword).ifPresent(problems::add);
		reject(problems);
		account.setPasswordHash(passwordEncoder.encode(password));
		account.setPasswordChangeRequired(!account.isServiceAccount());
		log.info("{} reset the password of user '{}'", administrator, account.getUsername());
		auditLog.recordAdminAction(administrator, AdminAction.PASSWORD_RESET, account.getUsername(),
				account.isServiceAccount() ? "Service account: the new password is in use at once"
						: "The user must choose a new password at their next sign-in");
	}

	/**
	 * A signed-in user replaces their own password (required after a reset). Problems name the fields
	 * {@code currentPassword} and {@code newPassword}.
	 */
	@Transactional
	public void changeOwnPassword(String username, @Nullable String currentPassword, @Nullable String newPassword) {
		StaffAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new IllegalStateException("The signed-in user has an account"));
		List<Problem> problems = new ArrayList<>();
		reauthenticationProblem(username, currentPassword)
			.map(p -> new Problem("currentPassword", p.message()))
			.ifPresent(problems::add);
		passwordProblem(account.getUsername(), newPassword).ifPresent(m -> problems.add(new Problem("newPassword", m)));
		if (problems.isEmpty() && newPassword != null && passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			problems.add(new Problem("newPassword", "Choose a password different from the one you have now"));
		}
		reject(problems);
		account.setPasswordHash(passwordEncoder.encode(Objects.requireNonNull(newPassword)));
		account.setPasswordChangeRequired(false);
		auditLog.recordAdminAction(username, AdminAction.PASSWORD_CHANGED, username, "Chose a new password");
	}

	/** Whether the user must choose a new password before doing anything else. */
	@Transactional(readOnly = true)
	public boolean passwordChangeRequired(String username) {
		return accounts.findByUsername(username).map(StaffAccount::isPasswordChangeRequired).orElse(false);
	}

	private Optional<Problem> reauthenticationProblem(String administrator, @Nullable String password) {
		return reauthentication.problem(administrator, password);
	}

	/** Why an email address may not be used: another account has it (any case). */
	private Optional<Problem> emailProblem(@Nullable String email, @Nullable StaffAccount account) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		return accounts.findByEmail(email.trim())
			.filter(other -> account == null || !java.util.Objects.equals(other.getId(), account.getId()))
			.map(other -> new Problem("email", "Another user has this email address"));
	}

	/** Why a password may not be used, if it may not (see {@link PasswordPolicy}). */
	static Optional<String> passwordProblem(String username, @Nullable String password) {
		return PasswordPolicy.problem(username, password);
	}

	private static String roleNames(Set<Role> roles) {
		return roles.isEmpty() ? "none" : String.join(", ", roles.stream().sorted().map(Role::label).toList());
	}

	/**
	 * Why a scope cannot be used, if it cannot: the ICB has no organisation code; a Place, site or PCN needs the code
	 * of one that is in the directory. The problem names the form field of the level's organisation list.
	 */
	@Transactional(readOnly = true)
	public Optional<Problem> scopeProblem(@Nullable Level level, @Nullable String code) {
		if (level == null) {
			return Optional.of(new Problem("scopeLevel", "Choose what the user's scope is"));
		}
		boolean blank = code == null || code.isBlank();
		return switch (level) {
			case ICB -> blank ? Optional.empty()
					: Optional.of(new Problem("scopeLevel", "The whole ICB scope has no organisation"));
			case PLACE -> blank || directory.place(code).isEmpty()
					? Optional.of(new Problem("placeCode", "Choose a Place")) : Optional.empty();
			case SITE -> blank || directory.site(code).isEmpty()
					? Optional.of(new Problem("siteCode", "Choose a neighbourhood site")) : Optional.empty();
			case PCN -> blank || directory.pcn(code).isEmpty()
					? Optional.of(new Problem("pcnCode", "Choose a PCN")) : Optional.empty();
		};
	}

	/** Places by code, for the scope lists. */
	@Transactional(readOnly = true)
	public Map<String, String> placeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.places().forEach(p -> options.put(p.code(), p.name()));
		return options;
	}

	@Transactional(readOnly = true)
	public Map<String, String> siteOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.sites().forEach(s -> options.put(s.code(), s.name() + " (" + s.placeName() + ")"));
		return options;
	}

	@Transactional(readOnly = true)
	public Map<String, String> pcnOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.pcns().forEach(p -> options.put(p.odsCode(), p.name() + " (" + p.placeName() + ")"));
		return options;
	}

	/**
	 * Every scope a user can have, keyed {@code ICB} or {@code LEVEL:code}, in groups by level, for the filter on the
	 * user list.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, String>> scopeFilterOptions() {
		Map<String, Map<String, String>> groups = new LinkedHashMap<>();
		groups.put("ICB", Map.of(scopeKey(OrganisationScope.ICB), "BOB ICB (whole ICB)"));
		groups.put("Places", keyed(placeOptions(), OrganisationScope::place));
		groups.put("Neighbourhood sites", keyed(siteOptions(), OrganisationScope::site));
		groups.put("PCNs", keyed(pcnOptions(), OrganisationScope::pcn));
		return groups;
	}

	private static Map<String, String> keyed(Map<String, String> options,
			Function<String, OrganisationScope> scope) {
		Map<String, String> keyed = new LinkedHashMap<>();
		options.forEach((code, name) -> keyed.put(scopeKey(scope.apply(code)), name));
		return keyed;
	}

	static String scopeKey(OrganisationScope scope) {
		return scope.code() == null ? scope.level().name() : scope.level().name() + ":" + scope.code();
	}

	/** Whether the user matches the list filters; blank filters match everyone. */
	static boolean matches(ManagedUser user, @Nullable Role role, @Nullable String scopeKey, @Nullable String text) {
		if (role != null && !user.roles().contains(role)) {
			return false;
		}
		if (scopeKey != null && !scopeKey.isBlank() && !scopeKey.equals(scopeKey(user.scope()))) {
			return false;
		}
		if (text != null && !text.isBlank()) {
			String wanted = text.trim().toLowerCase(Locale.UK);
			return user.username().toLowerCase(Locale.UK).contains(wanted)
					|| user.displayName().toLowerCase(Locale.UK).contains(wanted);
		}
		return true;
	}

	private static boolean isSelf(StaffAccount account, String administrator) {
		return account.getUsername().equalsIgnoreCase(administrator);
	}

	private static void reject(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new RejectedChange(problems);
		}
	}

	private StaffAccount account(long id) {
		return accounts.findById(id).orElseThrow(() -> new UnknownUser(id));
	}

	private static long id(StaffAccount account) {
		Long id = account.getId();
		if (id == null) {
			throw new IllegalStateException("A saved account has an id");
		}
		return id;
	}

	private ManagedUser toManagedUser(StaffAccount account) {
		return toManagedUser(account, staffUsers.scopeName(account.scope()));
	}

	private static ManagedUser toManagedUser(StaffAccount account, String scopeName) {
		Set<Role> roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class)
				: EnumSet.copyOf(account.getRoles());
		return new ManagedUser(id(account), account.getUsername(), account.getDisplayName(), roles, account.scope(),
				scopeName, account.isEnabled(), account.getFailedSignIns(), account.getLastFailedSignInAt(),
				account.isPasswordChangeRequired(), account.getCreatedAt(), account.getVersion(), account.getEmail(),
				account.getOidcSubject() != null);
	}

}
