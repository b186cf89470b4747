package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.OrganisationScope.Level;
import uk.nhs.bob.primarycare.identity.UserAdministration.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * User management by ICB administrators at /admin/users. Each test creates its own administrator and users with
 * unique names.
 */
@IdentityModuleTest
class UserManagementTests {

	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	StaffAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationContext context;

	/** An ICB administrator made for each test (their password confirms each change), and their username. */
	String adminName;

	@BeforeEach
	void administrator() {
		adminName = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	RequestPostProcessor admin() {
		return user(adminName).roles(Role.ICB_ADMIN.name());
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	long newUser(String username) {
		return users.create(new NewUser(username, "Test User " + username, PASSWORD,
				EnumSet.of(Role.CARE_COORDINATOR), OrganisationScope.site("BK-AYL")), "test");
	}

	StaffAccount account(long id) {
		return accounts.findById(id).orElseThrow();
	}

	@Test
	void listsUsersWithRolesScopeAndStatus() {
		String coordinator = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		assertThat(mvc.get().uri("/admin/users").with(admin())).hasStatusOk()
			.bodyText()
			.contains(">" + coordinator + "<", "coordinator (test)", "Care coordinator", "Aylesbury neighbourhood",
					">" + adminName + "<", "BOB ICB", "Enabled");
	}

	@Test
	void filtersTheListByRoleScopeAndText() {
		String coordinator = staff("coordinator", Role.CARE_COORDINATOR, OrganisationScope.site("BK-AYL"));
		String oxfordCoordinator = staff("coordinator-oxon", Role.CARE_COORDINATOR, OrganisationScope.site("OX-CTY"));
		String supervisor = staff("supervisor", Role.CLINICAL_SUPERVISOR, OrganisationScope.place("14Y"));
		String oxfordSupervisor = staff("supervisor-oxon", Role.CLINICAL_SUPERVISOR, OrganisationScope.place("10Q"));
		String oxfordDelivery = staff("delivery-oxon", Role.PLACE_DELIVERY, OrganisationScope.place("10Q"));
		String berksCoordinator = staff("coordinator-berks", Role.CARE_COORDINATOR, OrganisationScope.site("BW-RDG"));
		String berksSupervisor = staff("supervisor-berks", Role.CLINICAL_SUPERVISOR, OrganisationScope.place("15A"));
		assertThat(mvc.get().uri("/admin/users").param("role", "ICB_ADMIN").with(admin())).hasStatusOk()
			.bodyText()
			.contains(">" + adminName + "<")
			.doesNotContain(">" + oxfordCoordinator + "<");
		assertThat(mvc.get().uri("/admin/users").param("scope", "PLACE:10Q").with(admin())).hasStatusOk()
			.bodyText()
			.contains(">" + oxfordSupervisor + "<", ">" + oxfordDelivery + "<")
			.doesNotContain(">" + supervisor + "<", ">" + oxfordCoordinator + "<");
		assertThat(mvc.get().uri("/admin/users").param("q", "BERKS").with(admin())).hasStatusOk()
			.bodyText()
			.contains(">" + berksCoordinator + "<", ">" + berksSupervisor + "<")
			.doesNotContain(">" + coordinator + "<");
	}

	String staff(String prefix, Role role, OrganisationScope scope) {
		return IdentityFixtures.staffUser(context, prefix, role, scope);
	}

	@Test
	void unknownFilterValuesShowEveryoneRatherThanFail() {
		String coordinator = staff("coordinator", Role.CARE_COORDINATOR, OrganisationScope.site("BK-AYL"));
		assertThat(mvc.get().uri("/admin/users").param("role", "KING").param("scope", "PLACE:XX").with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains(">" + coordinator + "<", ">" + adminName + "<");
	}

	@Test
	void createsAUser() {
		String username = unique("New.User");
		MvcTestResult result = mvc.post()
			.uri("/admin/users/new")
			.param("username", username)
			.param("displayName", "Nina New (Oxford City hub)")
			.param("password", PASSWORD)
			.param("roles", "CARE_COORDINATOR", "INT_MEMBER")
			.param("scopeLevel", "PCN")
			.param("placeCode", "14Y")
			.param("pcnCode", "U91001")
			.with(admin())
			.with(csrf())
			.exchange();

		StaffAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users/" + account.getId());
		assertThat(result).flash().containsEntry("done", "User " + username + " created");
		assertThat(account.getUsername()).isEqualTo(username);
		assertThat(account.getDisplayName()).isEqualTo("Nina New (Oxford City hub)");
		assertThat(account.getRoles()).containsExactlyInAnyOrder(Role.CARE_COORDINATOR, Role.INT_MEMBER);
		assertThat(account.scope()).isEqualTo(OrganisationScope.pcn("U91001"));
		assertThat(account.isEnabled()).isTrue();
		assertThat(passwordEncoder.matches(PASSWORD, account.getPasswordHash())).isTrue();
		assertThat(account.getPasswordHash()).startsWith("{bcrypt}");

		assertThat(mvc.get().uri("/admin/users/" + account.getId()).with(admin())).hasStatusOk()
			.bodyText()
			.contains("Nina New (Oxford City hub)", "Aylesbury Town PCN", "Integrated Neighbourhood Team member");
	}

	@Test
	void newUserFormRendersEveryScopeListOnce() {
		assertThat(mvc.get().uri("/admin/users/new").with(admin())).hasStatusOk()
			.bodyText()
			.containsOnlyOnce("id=\"placeCode\"")
			.containsOnlyOnce("id=\"siteCode\"")
			.containsOnlyOnce("id=\"pcnCode\"")
			.containsOnlyOnce("id=\"roles\"")
			.containsOnlyOnce("id=\"scopeLevel\"")
			.contains("name=\"roles\"", "value=\"ICB_ADMIN\"", "name=\"scopeLevel\"", "id=\"placeCode\"",
					"id=\"siteCode\"", "id=\"pcnCode\"", "Oxfordshire", "Reading Central neighbourhood",
					"Aylesbury Town PCN");
	}

	@Test
	void rejectsAnIncompleteNewUserKeepingWhatWasTypedAndSavingNothing() {
		String username = unique("incomplete");
		assertThat(mvc.post()
			.uri("/admin/users/new")
			.param("username", username)
			.param("displayName", "Ian Incomplete")
			.param("password", "short")
			.param("scopeLevel", "SITE")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Password must be 12 characters or more", "Choose at least one role",
					"Choose a neighbourhood site", "value=\"" + username + "\"", "value=\"Ian Incomplete\"")
			.doesNotContain("value=\"short\"");
		assertThat(accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void rejectsAUsernameInUseInAnyCase() {
		assertThat(newUserPost(adminName.toUpperCase(java.util.Locale.UK), PASSWORD, "ICB", null, null))
			.hasStatusOk()
			.bodyText()
			.contains("A user with this username already exists");
	}

	@Test
	void rejectsAPasswordEqualToTheUsername() {
		String username = unique("same-as-password");
		assertThat(newUserPost(username, username.toUpperCase(), "ICB", null, null)).hasStatusOk()
			.bodyText()
			.contains("Password must not contain the username");
		assertThat(accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void rejectsAnOverlongPasswordInsteadOfFailing() {
		String username = unique("long-password");
		assertThat(newUserPost(username, "x".repeat(73), "ICB", null, null)).hasStatusOk()
			.bodyText()
			.contains("Password must be 72 characters or fewer");
	}

	@Test
	void rejectsAnOrganisationThatIsNotInTheDirectory() {
		String username = unique("bad-scope");
		assertThat(newUserPost(username, PASSWORD, "PLACE", "placeCode", "XX9")).hasStatusOk()
			.bodyText()
			.contains("Choose a Place");
		assertThat(newUserPost(username, PASSWORD, "PCN", "pcnCode", "14Y")).hasStatusOk()
			.bodyText()
			.contains("Choose a PCN");
		assertThat(accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void theWholeIcbScopeHasNoOrganisation() {
		assertThat(users.scopeProblem(Level.ICB, null)).isEmpty();
		assertThat(users.scopeProblem(Level.ICB, "14Y")).hasValueSatisfying(p -> assertThat(p.field())
			.isEqualTo("scopeLevel"));
		assertThat(users.scopeProblem(Level.SITE, "BK-AYL")).isEmpty();
		assertThat(users.scopeProblem(Level.SITE, "14Y")).isPresent();
		assertThat(users.scopeProblem(null, null)).isPresent();
	}

	@Test
	void garbledInputGivesMessagesNotErrors() {
		assertThat(mvc.post()
			.uri("/admin/users/new")
			.param("username", unique("garbled"))
			.param("displayName", "Gary Garbled")
			.param("password", PASSWORD)
			.param("roles", "KING")
			.param("scopeLevel", "GALAXY")
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("There is a problem");
		assertThat(mvc.post().uri("/admin/users/new").with(admin()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter a username", "Enter the full name of the user", "Choose at least one role",
					"Choose what the user&#39;s scope is");
	}

	@Test
	void editsAUser() {
		long id = newUser(unique("edit"));
		StaffAccount before = account(id);
		assertThat(mvc.get().uri("/admin/users/" + id).with(admin())).hasStatusOk()
			.bodyText()
			.contains(before.getDisplayName(), "name=\"version\" value=\"" + before.getVersion() + "\"");

		assertThat(editPost(id, before.getVersion(), "Edna Edited", "PLACE", "placeCode", "10Q", true,
				"CLINICAL_SUPERVISOR"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/users/" + id);

		StaffAccount after = account(id);
		assertThat(after.getDisplayName()).isEqualTo("Edna Edited");
		assertThat(after.getRoles()).containsExactly(Role.CLINICAL_SUPERVISOR);
		assertThat(after.scope()).isEqualTo(OrganisationScope.place("10Q"));
		assertThat(after.getVersion()).isGreaterThan(before.getVersion());
	}

	@Test
	void aStaleEditIsRefusedAndKeepsTheInput() {
		long id = newUser(unique("stale"));
		long version = account(id).getVersion();
		assertThat(editPost(id, version, "First Editor", "ICB", null, null, true, "CARE_COORDINATOR"))
			.hasStatus3xxRedirection();

		assertThat(editPost(id, version, "Second Editor", "PLACE", "placeCode", "15A", true, "INT_MEMBER"))
			.hasStatusOk()
			.bodyText()
			.contains("Someone else changed this user while you were editing", "value=\"Second Editor\"",
					"First Editor", "name=\"version\" value=\"" + account(id).getVersion() + "\"");

		StaffAccount after = account(id);
		assertThat(after.getDisplayName()).isEqualTo("First Editor");
		assertThat(after.getRoles()).containsExactly(Role.CARE_COORDINATOR);
		assertThat(after.scope()).isEqualTo(OrganisationScope.ICB);
	}

	@Test
	void anInvalidEditSavesNothing() {
		long id = newUser(unique("invalid-edit"));
		StaffAccount before = account(id);
		assertThat(editPost(id, before.getVersion(), "", "SITE", "siteCode", "NOWHERE", true))
			.hasStatusOk()
			.bodyText()
			.contains("Enter the full name of the user", "Choose at least one role", "Choose a neighbourhood site");
		StaffAccount after = account(id);
		assertThat(after.getDisplayName()).isEqualTo(before.getDisplayName());
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
	}

	@Test
	void anAdministratorCannotDisableOrDemoteThemselves() {
		StaffAccount admin = accounts.findByUsername(adminName).orElseThrow();
		long id = admin.getId();
		assertThat(mvc.get().uri("/admin/users/" + id).with(admin())).hasStatusOk()
			.bodyText()
			.doesNotContain("Disable user");

		assertThat(mvc.post().uri("/admin/users/" + id + "/disable").with(admin()).with(csrf()).exchange())
			.hasRedirectedUrl("/admin/users/" + id)
			.flash()
			.containsEntry("problem", "You cannot disable your own account");

		assertThat(editPost(id, admin.getVersion(), admin.getDisplayName(), "ICB", null, null, true,
				"CARE_COORDINATOR"))
			.hasStatusOk()
			.bodyText()
			.contains("You cannot remove your own ICB administrator role");
		assertThat(editPost(id, admin.getVersion(), admin.getDisplayName(), "ICB", null, null, false, "ICB_ADMIN"))
			.hasStatusOk()
			.bodyText()
			.contains("You cannot disable your own account");

		StaffAccount after = accounts.findByUsername(adminName).orElseThrow();
		assertThat(after.isEnabled()).isTrue();
		assertThat(after.getRoles()).contains(Role.ICB_ADMIN);
		assertThat(after.getVersion()).isEqualTo(admin.getVersion());
	}

	@Test
	void disablesAndEnablesAUser() {
		String username = unique("toggle");
		long id = newUser(username);
		assertThat(mvc.get().uri("/admin/users/" + id).with(admin())).hasStatusOk().bodyText().contains("Disable user");
		assertThat(mvc.post().uri("/admin/users/" + id + "/disable").with(admin()).with(csrf()))
			.hasRedirectedUrl("/admin/users/" + id);
		assertThat(account(id).isEnabled()).isFalse();
		assertThat(mvc.get().uri("/admin/users/" + id).with(admin())).hasStatusOk()
			.bodyText()
			.contains("Disabled", "Enable user");

		assertThat(mvc.post().uri("/admin/users/" + id + "/enable").with(admin()).with(csrf()))
			.hasRedirectedUrl("/admin/users/" + id);
		assertThat(account(id).isEnabled()).isTrue();
	}

	@Test
	void resetsAPasswordWithTheSameRules() {
		String username = unique("reset");
		long id = newUser(username);
		assertThat(mvc.get().uri("/admin/users/" + id + "/password").with(admin())).hasStatusOk();
		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", "too-short")
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("Password must be 12 characters or more");
		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", username)
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("Password must not contain the username");
		assertThat(passwordEncoder.matches(PASSWORD, account(id).getPasswordHash())).isTrue();

		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", "password1234")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("This is a common password");
		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", "a-brand-new-password")
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("Enter your own password to confirm this change");
		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", "a-brand-new-password")
			.param("adminPassword", "not-my-password")
			.with(admin())
			.with(csrf())).hasStatusOk().bodyText().contains("Your password is not correct");
		assertThat(passwordEncoder.matches(PASSWORD, account(id).getPasswordHash())).isTrue();

		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/password")
			.param("password", "a-brand-new-password")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/admin/users/" + id);
		assertThat(passwordEncoder.matches("a-brand-new-password", account(id).getPasswordHash())).isTrue();
		assertThat(account(id).isPasswordChangeRequired()).isTrue();
	}

	@Test
	void aChangeOfRolesOrScopeNeedsTheAdministratorsOwnPassword() {
		long id = newUser(unique("reauth"));
		StaffAccount before = account(id);
		var withoutPassword = mvc.post()
			.uri("/admin/users/" + id)
			.param("version", String.valueOf(before.getVersion()))
			.param("displayName", before.getDisplayName())
			.param("scopeLevel", "ICB")
			.param("roles", "ICB_ADMIN")
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(withoutPassword).hasStatusOk().bodyText().contains("Enter your own password to confirm this change");
		assertThat(account(id).getRoles()).doesNotContain(Role.ICB_ADMIN);
		// a change of name alone needs no password
		assertThat(mvc.post()
			.uri("/admin/users/" + id)
			.param("version", String.valueOf(before.getVersion()))
			.param("displayName", "Renamed Only")
			.param("scopeLevel", before.scope().level().name())
			.param("placeCode", String.valueOf(before.scope().code()))
			.param("siteCode", String.valueOf(before.scope().code()))
			.param("pcnCode", String.valueOf(before.scope().code()))
			.param("roles", before.getRoles().stream().map(Enum::name).toArray(String[]::new))
			.param("enabled", "true")
			.with(admin())
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(account(id).getDisplayName()).isEqualTo("Renamed Only");
	}

	@Test
	void anUnknownUserIsNotFound() {
		assertThat(mvc.get().uri("/admin/users/987654321").with(admin())).hasStatus(404);
		assertThat(mvc.post().uri("/admin/users/987654321/disable").with(admin()).with(csrf())).hasStatus(404);
		assertThat(mvc.post().uri("/admin/users/987654321/unlock").with(admin()).with(csrf())).hasStatus(404);
		assertThat(mvc.get().uri("/admin/users/987654321/password").with(admin())).hasStatus(404);
		assertThat(editPost(987654321L, 0, "Nobody", "ICB", null, null, true, "CARE_COORDINATOR")).hasStatus(404);
		assertThat(mvc.get().uri("/admin/users/not-a-number").with(admin())).hasStatus(400);
	}

	@Test
	void onlyIcbAdministratorsManageUsers() {
		assertThat(mvc.get().uri("/admin/users").with(user("coordinator").roles("CARE_COORDINATOR")))
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/admin/users/new")
			.param("username", unique("sneaky"))
			.with(user("supervisor").roles("CLINICAL_SUPERVISOR"))
			.with(csrf())).hasStatus(403);
	}

	private MvcTestResult newUserPost(String username, String password, String level, String codeField,
			String code) {
		var request = mvc.post()
			.uri("/admin/users/new")
			.param("username", username)
			.param("displayName", "Test User")
			.param("password", password)
			.param("roles", "CARE_COORDINATOR")
			.param("scopeLevel", level);
		if (codeField != null) {
			request.param(codeField, code);
		}
		return request.with(admin()).with(csrf()).exchange();
	}

	private MvcTestResult editPost(long id, long version, String displayName, String level, String codeField,
			String code, boolean enabled, String... roles) {
		var request = mvc.post()
			.uri("/admin/users/" + id)
			.param("version", String.valueOf(version))
			.param("displayName", displayName)
			.param("scopeLevel", level)
			.param("_roles", "on")
			.param("_enabled", "on")
			.param("adminPassword", IdentityFixtures.PASSWORD);
		if (roles.length > 0) {
			request.param("roles", roles);
		}
		if (codeField != null) {
			request.param(codeField, code);
		}
		if (enabled) {
			request.param("enabled", "true");
		}
		return request.with(admin()).with(csrf()).exchange();
	}

}
