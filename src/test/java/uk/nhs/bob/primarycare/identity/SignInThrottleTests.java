package uk.nhs.bob.primarycare.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.identity.UserAdministration.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Form sign-in locks a user out after 5 wrong passwords, says so, and an administrator can unlock them. */
@IntegrationTest
class SignInThrottleTests {

	static final String PASSWORD = "the-right-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	StaffAccountRepository accounts;

	MvcTestResult signIn(String username, String password) {
		return mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.exchange();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
		// never a demo user: locking one would break other tests and the demo
		String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		long id = users.create(new NewUser(username, "Theo Throttled", PASSWORD, EnumSet.of(Role.CARE_COORDINATOR),
				OrganisationScope.site("BK-AYL")), "test");

		for (int i = 1; i <= 5; i++) {
			assertThat(signIn(username, "wrong-password-" + i)).hasRedirectedUrl("/login?error");
		}
		StaffAccount locked = accounts.findById(id).orElseThrow();
		assertThat(locked.getFailedSignIns()).isEqualTo(5);
		assertThat(locked.getLockedUntil()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)),
				within(Duration.ofMinutes(1)));

		// the right password no longer helps, and does not extend the lock
		assertThat(signIn(username, PASSWORD)).hasRedirectedUrl("/login?locked");
		assertThat(accounts.findById(id).orElseThrow().getLockedUntil()).isEqualTo(locked.getLockedUntil());
		assertThat(mvc.get().uri("/login").param("locked", "")).hasStatusOk()
			.bodyText()
			.contains("Your account is locked", "locked for 15 minutes");
		assertThat(mvc.get().uri("/admin/users/" + id).with(user("admin").roles("ICB_ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("Locked", "Unlock user");

		assertThat(mvc.post()
			.uri("/admin/users/" + id + "/unlock")
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())).hasRedirectedUrl("/admin/users/" + id);
		assertThat(signIn(username, PASSWORD)).hasRedirectedUrl("/");
		StaffAccount unlocked = accounts.findById(id).orElseThrow();
		assertThat(unlocked.getFailedSignIns()).isZero();
		assertThat(unlocked.getLockedUntil()).isNull();
	}

	@Test
	void aSuccessfulSignInResetsTheCount() {
		String username = "recovering-" + UUID.randomUUID().toString().substring(0, 8);
		long id = users.create(new NewUser(username, "Rita Recovering", PASSWORD, EnumSet.of(Role.INT_MEMBER),
				OrganisationScope.site("OX-CTY")), "test");
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(username, "wrong-password")).hasRedirectedUrl("/login?error");
		}
		assertThat(signIn(username, PASSWORD)).hasRedirectedUrl("/");
		assertThat(accounts.findById(id).orElseThrow().getFailedSignIns()).isZero();
		assertThat(signIn(username, "wrong-password")).hasRedirectedUrl("/login?error");
		assertThat(signIn(username, PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void anOverlongPasswordIsJustWrong() {
		String username = "overlong-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(new NewUser(username, "Olive Overlong", PASSWORD, EnumSet.of(Role.INT_MEMBER),
				OrganisationScope.site("OX-CTY")), "test");
		assertThat(signIn(username, PASSWORD + "x".repeat(100))).hasRedirectedUrl("/login?error");
	}

	@Test
	void aDisabledUserCannotSignIn() {
		String username = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
		long id = users.create(new NewUser(username, "Dee Disabled", PASSWORD, EnumSet.of(Role.INT_MEMBER),
				OrganisationScope.site("OX-CTY")), "test");
		users.setEnabled(id, false, "test");
		assertThat(signIn(username, PASSWORD)).hasRedirectedUrl("/login?error");
	}

}
