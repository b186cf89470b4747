package uk.nhs.bob.primarycare.programme;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The staff of a programme module test, made for each test: an ICB administrator and a delivery team member of
 * Berkshire West (15A), after the directory's reference data that holds the Places and sites their scopes and the
 * programme sites' footprints name. The test's own service calls run as the administrator; the test thread is signed
 * out after each test. Registered on a test class with {@code @RegisterExtension final ProgrammeStaff staff = new
 * ProgrammeStaff();}.
 */
public final class ProgrammeStaff implements BeforeEachCallback, AfterEachCallback {

	private JdbcClient jdbc;

	private String admin = "";

	private String delivery = "";

	@Override
	public void beforeEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		PopulationFixtures.referenceData(context);
		jdbc = context.getBean(JdbcClient.class);
		admin = user("admin", OrganisationScope.ICB, Role.ICB_ADMIN);
		delivery = user("delivery", OrganisationScope.place("15A"), Role.PLACE_DELIVERY);
		SignedIn.as(admin, Role.ICB_ADMIN.name());
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		SecurityContextHolder.clearContext();
	}

	/** The ICB administrator's username. */
	public String admin() {
		return admin;
	}

	/** The username of the delivery team member of Berkshire West (15A). */
	public String delivery() {
		return delivery;
	}

	/** Another member of staff for this test, with these roles and this scope; their username. */
	public String user(String prefix, OrganisationScope scope, Role... roles) {
		return IdentityFixtures.staffUser(jdbc, prefix, scope, roles);
	}

}
