package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.DemoDataPart;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Demo users, one or more per role and Place, all with the password {@value #DEMO_PASSWORD}, and the demo API client
 * {@value #DEMO_CLIENT_ID} (client secret {@value #DEMO_PASSWORD}, every scope). They exist only when demo data is on;
 * a real installation gets its first administrator from the bootstrap settings instead, and registers its systems on
 * the API clients page.
 */
@Component
@Order(30)
public class IdentityDemoData implements DemoDataPart {

	public static final String DEMO_PASSWORD = "demo-password";

	/** The demo system: NHS 111 and online consultation systems sending same-day requests, and every other API. */
	public static final String DEMO_CLIENT_ID = "api-client";

	record DemoUser(String username, String displayName, Set<Role> roles, OrganisationScope scope) {
	}

	/** The demo users, listed in the README. Site and Place codes are those of the directory's demo data. */
	public static final List<DemoUser> USERS = List.of(
			new DemoUser("coordinator", "Casey Coordinator (Aylesbury hub)", EnumSet.of(Role.CARE_COORDINATOR),
					OrganisationScope.site("BK-AYL")),
			new DemoUser("supervisor", "Sam Supervisor (Buckinghamshire)", EnumSet.of(Role.CLINICAL_SUPERVISOR),
					OrganisationScope.place("14Y")),
			new DemoUser("neighbourhood", "Nadia Neighbourhood (Oxford City INT)", EnumSet.of(Role.INT_MEMBER),
					OrganisationScope.site("OX-CTY")),
			new DemoUser("delivery", "Dev Delivery (Berkshire West)", EnumSet.of(Role.PLACE_DELIVERY),
					OrganisationScope.place("15A")),
			new DemoUser("admin", "Alex Admin (ICB)", EnumSet.of(Role.ICB_ADMIN), OrganisationScope.ICB),
			new DemoUser("coordinator-oxon", "Olu Coordinator (Oxford City hub)", EnumSet.of(Role.CARE_COORDINATOR),
					OrganisationScope.site("OX-CTY")),
			new DemoUser("coordinator-berks", "Bea Coordinator (Reading Central hub)",
					EnumSet.of(Role.CARE_COORDINATOR), OrganisationScope.site("BW-RDG")),
			new DemoUser("supervisor-oxon", "Omar Supervisor (Oxfordshire)", EnumSet.of(Role.CLINICAL_SUPERVISOR),
					OrganisationScope.place("10Q")),
			new DemoUser("supervisor-berks", "Beth Supervisor (Berkshire West)", EnumSet.of(Role.CLINICAL_SUPERVISOR),
					OrganisationScope.place("15A")),
			new DemoUser("neighbourhood-bucks", "Nia Neighbourhood (Aylesbury INT)", EnumSet.of(Role.INT_MEMBER),
					OrganisationScope.site("BK-AYL")),
			new DemoUser("neighbourhood-berks", "Ned Neighbourhood (Reading Central INT)", EnumSet.of(Role.INT_MEMBER),
					OrganisationScope.site("BW-RDG")),
			new DemoUser("delivery-bucks", "Dana Delivery (Buckinghamshire)", EnumSet.of(Role.PLACE_DELIVERY),
					OrganisationScope.place("14Y")),
			new DemoUser("delivery-oxon", "Dom Delivery (Oxfordshire)", EnumSet.of(Role.PLACE_DELIVERY),
					OrganisationScope.place("10Q")));

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApiClients apiClients;

	IdentityDemoData(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, ApiClients apiClients) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.apiClients = apiClients;
	}

	@Transactional(readOnly = true)
	@Override
	public boolean present() {
		return accounts.findByUsername("coordinator").isPresent();
	}

	@Transactional
	@Override
	public void create() {
		String hash = passwordEncoder.encode(DEMO_PASSWORD);
		for (DemoUser user : USERS) {
			if (accounts.findByUsername(user.username()).isEmpty()) {
				accounts.save(new StaffAccount(user.username(), user.displayName(), hash, user.roles(), user.scope()));
			}
		}
		apiClients.registerWithHashedSecret(DEMO_CLIENT_ID, "111 and online consultation systems (demo)", hash,
				EnumSet.allOf(ApiScope.class));
	}

}
