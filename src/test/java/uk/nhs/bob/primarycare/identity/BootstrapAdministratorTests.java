package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The first administrator of a new installation. Each test makes an enabled administrator first, so the cases
 * that need none run in a transaction that disables them and is always rolled back.
 */
@IdentityModuleTest
class BootstrapAdministratorTests {

	@Autowired
	StaffAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationContext context;

	/** An enabled ICB administrator made for each test, as an installation in use has. */
	String adminName;

	@BeforeEach
	void administrator() {
		adminName = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	static String unique() {
		return "bootstrap-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void run(String username, String password) {
		new BootstrapAdministrator(accounts, passwordEncoder, username, password).run(new DefaultApplicationArguments());
	}

	/** Runs the check with no enabled administrator in the database, then undoes everything. */
	void withoutAdministrators(Runnable check) {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("""
					UPDATE identity.staff_user SET enabled = false
					WHERE id IN (SELECT user_id FROM identity.staff_user_role WHERE role = 'ICB_ADMIN')""").update();
			assertThat(accounts.existsEnabledWithRole(Role.ICB_ADMIN)).isFalse();
			check.run();
		});
		assertThat(accounts.existsEnabledWithRole(Role.ICB_ADMIN)).isTrue();
	}

	@Test
	void createsNobodyWhileAnEnabledAdministratorExists() {
		String username = unique();
		run(username, "a-long-enough-password");
		assertThat(accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void neverResetsTheExistingAdministrator() {
		run(adminName, "a-new-password-for-admin");
		StaffAccount admin = accounts.findByUsername(adminName).orElseThrow();
		assertThat(passwordEncoder.matches(IdentityFixtures.PASSWORD, admin.getPasswordHash())).isTrue();
	}

	@Test
	void createsTheFirstAdministratorWhenNoneIsEnabled() {
		String username = unique();
		withoutAdministrators(() -> {
			run(username, "a-long-enough-password");
			StaffAccount created = accounts.findByUsername(username).orElseThrow();
			assertThat(created.getRoles()).containsExactly(Role.ICB_ADMIN);
			assertThat(created.scope()).isEqualTo(OrganisationScope.ICB);
			assertThat(created.isEnabled()).isTrue();
			assertThat(passwordEncoder.matches("a-long-enough-password", created.getPasswordHash())).isTrue();
		});
		assertThat(accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void refusesAPasswordUnderTwelveCharacters() {
		String username = unique();
		withoutAdministrators(() -> {
			run(username, "elevenchars");
			assertThat(accounts.findByUsername(username)).isEmpty();
			run(username, "twelve-chars");
			assertThat(accounts.findByUsername(username)).isPresent();
		});
	}

	@Test
	void createsNobodyWithoutSettings() {
		withoutAdministrators(() -> {
			long before = accounts.count();
			run("", "");
			run("someone", "");
			run("", "a-long-enough-password");
			assertThat(accounts.count()).isEqualTo(before);
		});
	}

	@Test
	void neverTakesOverOrResetsAnExistingUser() {
		String username = unique();
		withoutAdministrators(() -> {
			StaffAccount existing = accounts.save(new StaffAccount(username, "Existing User",
					passwordEncoder.encode("the-original-password"), EnumSet.of(Role.CARE_COORDINATOR),
					OrganisationScope.site("BK-AYL")));
			run(username.toUpperCase(), "a-long-enough-password");
			assertThat(jdbc.sql("SELECT count(*) FROM identity.staff_user WHERE lower(username) = lower(?)")
				.param(username)
				.query(Long.class)
				.single()).isEqualTo(1);
			StaffAccount after = accounts.findById(existing.getId()).orElseThrow();
			assertThat(after.getRoles()).containsExactly(Role.CARE_COORDINATOR);
			assertThat(passwordEncoder.matches("the-original-password", after.getPasswordHash())).isTrue();
		});
	}

}
