package uk.nhs.bob.primarycare.identity;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.UserAdministration.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * What administrators do is recorded in the database and shown on the audit page; a password reset (confirmed with
 * the administrator's own password) makes the user choose their own password before anything else, so the
 * administrator cannot go on signing in as them. Each test makes its own administrator, and signs in as the users it
 * makes through the real server.
 */
@IdentityModuleTest
class AdministratorActionsTests {

	static final String FIRST = "first-secret-passphrase";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** An ICB administrator made for the test, whose password is {@link IdentityFixtures#PASSWORD}. */
	String admin = "";

	@BeforeEach
	void administratorOfTheirOwn() {
		admin = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	long actions(String target, String action) {
		return jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE target = ? AND action = ?")
			.params(target, action)
			.query(Long.class)
			.single();
	}

	@Test
	void creatingChangingAndDisablingAUserAreOnTheAuditPage() {
		String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(mvc.post()
			.uri("/admin/users/new")
			.param("username", username)
			.param("displayName", "Audrey Audited")
			.param("password", FIRST)
			.param("roles", "CARE_COORDINATOR")
			.param("scopeLevel", "SITE")
			.param("siteCode", "BK-AYL")
			.with(user(admin).roles("ICB_ADMIN"))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(actions(username, "USER_CREATED")).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM identity.staff_user WHERE username = ?").param(username).query(Long.class).single();
		long version = jdbc.sql("SELECT version FROM identity.staff_user WHERE id = ?").param(id).query(Long.class).single();
		assertThat(mvc.post()
			.uri("/admin/users/" + id)
			.param("version", String.valueOf(version))
			.param("displayName", "Audrey Audited")
			.param("roles", "CLINICAL_SUPERVISOR")
			.param("scopeLevel", "PLACE")
			.param("placeCode", "14Y")
			.param("enabled", "true")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.with(user(admin).roles("ICB_ADMIN"))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(actions(username, "ROLES_CHANGED")).isEqualTo(1);
		assertThat(actions(username, "SCOPE_CHANGED")).isEqualTo(1);
		assertThat(mvc.post().uri("/admin/users/" + id + "/disable").with(user(admin).roles("ICB_ADMIN")).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(actions(username, "USER_DISABLED")).isEqualTo(1);

		assertThat(mvc.get().uri("/audit/admin-actions?username=" + admin).with(user(admin).roles("ICB_ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains(username, "User created", "Roles changed", "From Care coordinator to Clinical supervisor",
					"Scope changed", "User disabled");
		String supervisor = IdentityFixtures.staffUser(jdbc, "supervisor", OrganisationScope.place("14Y"),
				Role.CLINICAL_SUPERVISOR);
		assertThat(mvc.get().uri("/audit/admin-actions").with(user(supervisor).roles("CLINICAL_SUPERVISOR")))
			.hasStatus(403);
	}

	@Test
	void aResetPasswordMustBeReplacedByTheUserBeforeAnythingElse() {
		String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
		long id = users.create(new NewUser(username, "Rita Reset", FIRST, EnumSet.of(Role.CARE_COORDINATOR),
				OrganisationScope.site("BK-AYL")), admin);
		users.resetPassword(id, "administrator-chosen-words", admin, IdentityFixtures.PASSWORD);
		assertThat(actions(username, "PASSWORD_RESET")).isEqualTo(1);

		HttpSession session = new HttpSession(port);
		HttpResponse<String> signIn = session.signIn(username, "administrator-chosen-words");
		assertThat(signIn.headers().firstValue("Location")).contains("/account/password");
		assertThat(session.get("/directory/services").headers().firstValue("Location")).contains("/account/password");
		assertThat(session.get("/population/people").headers().firstValue("Location")).contains("/account/password");

		String page = session.get("/account/password").body();
		assertThat(page).contains("An administrator has reset your password");
		String token = HttpSession.csrfToken(page);
		HttpResponse<String> common = session.postForm("/account/password", "currentPassword=administrator-chosen-words"
				+ "&newPassword=password1234&confirmPassword=password1234&_csrf=" + token);
		assertThat(common.statusCode()).isEqualTo(200);
		assertThat(common.body()).contains("This is a common password");
		HttpResponse<String> mistyped = session.postForm("/account/password", "currentPassword=administrator-chosen-words"
				+ "&newPassword=only-rita-knows-this&confirmPassword=only-rita-knows-thus&_csrf=" + token);
		assertThat(mistyped.statusCode()).isEqualTo(200);
		assertThat(mistyped.body()).contains("There is a problem", "The two new passwords are not the same");
		HttpResponse<String> changed = session.postForm("/account/password",
				"currentPassword=administrator-chosen-words&newPassword=only-rita-knows-this"
						+ "&confirmPassword=only-rita-knows-this&_csrf=" + token);
		assertThat(changed.headers().firstValue("Location")).hasValue("/");
		assertThat(session.get("/directory/services").statusCode()).isEqualTo(200);
		assertThat(actions(username, "PASSWORD_CHANGED")).isEqualTo(1);

		// the administrator's password no longer signs in as the user
		assertThat(new HttpSession(port).signIn(username, "administrator-chosen-words").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
	}

}
