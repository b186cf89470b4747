package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * A new installation has no users and no default password. Its first ICB administrator comes from
 * {@code PRIMARYCARE_BOOTSTRAP_ADMIN_USERNAME} and {@code PRIMARYCARE_BOOTSTRAP_ADMIN_PASSWORD}, and only while no
 * enabled administrator exists, so the settings can stay in place without re-creating or resetting anyone.
 */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final String username;

	private final String password;

	BootstrapAdministrator(StaffAccountRepository accounts, PasswordEncoder passwordEncoder,
			@Value("${primarycare.bootstrap-admin.username:}") String username,
			@Value("${primarycare.bootstrap-admin.password:}") String password) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.username = username.trim();
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.existsEnabledWithRole(Role.ICB_ADMIN)) {
			return;
		}
		if (username.isEmpty() || password.isEmpty()) {
			log.warn("No ICB administrator exists. Set PRIMARYCARE_BOOTSTRAP_ADMIN_USERNAME and "
					+ "PRIMARYCARE_BOOTSTRAP_ADMIN_PASSWORD to create the first one.");
			return;
		}
		java.util.Optional<String> problem = PasswordPolicy.problem(username, password);
		if (problem.isPresent()) {
			log.error("PRIMARYCARE_BOOTSTRAP_ADMIN_PASSWORD cannot be used ({}); no administrator created",
					problem.get());
			return;
		}
		if (accounts.findByUsername(username).isPresent()) {
			log.error("A user named '{}' exists but is not an enabled administrator; choose another bootstrap "
					+ "username or enable that user", username);
			return;
		}
		accounts.save(new StaffAccount(username, "ICB administrator", passwordEncoder.encode(password),
				EnumSet.of(Role.ICB_ADMIN), OrganisationScope.ICB));
		log.info("Created the first ICB administrator '{}' from the bootstrap settings", username);
	}

}
