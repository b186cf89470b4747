package uk.nhs.bob.primarycare.identity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.SignInMappings.RoleClaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import uk.nhs.bob.primarycare.shared.Role;

/** The sign-in mappings page: ICB administrators only, bad input named and kept, changes confirmed and audited. */
@IdentityModuleTest
class SignInMappingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	/** An ICB administrator made for each test, signed in (their password confirms each change). */
	RequestPostProcessor admin;

	@BeforeEach
	void administrator() {
		admin = IdentityFixtures.signedIn(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	@Autowired
	SignInMappings mappings;

	@Autowired
	JdbcClient jdbc;

	static String newOrg() {
		return "X" + (int) (Math.random() * 900_000 + 100_000);
	}

	@Test
	void badInputIsNamedAndKeptAndNothingIsSaved() {
		int before = mappings.mappings().size();
		MvcTestResult page = mvc.post()
			.uri("/admin/sign-in-mappings/new")
			.with(admin)
			.with(csrf())
			.param("roleCode", "R 8000!")
			.param("orgCode", "x")
			.param("appRole", "API_CLIENT")
			.param("scopeLevel", "SITE")
			.param("siteCode", "NOWHERE")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.exchange();
		assertThat(page).hasStatusOk().bodyText()
			.contains("There is a problem", "Choose the role it gives here", "Choose a neighbourhood site", "R 8000!");
		MvcTestResult codes = mvc.post()
			.uri("/admin/sign-in-mappings/new")
			.with(admin)
			.with(csrf())
			.param("roleCode", "R 8000!")
			.param("orgCode", "x")
			.param("appRole", "CARE_COORDINATOR")
			.param("scopeLevel", "ICB")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.exchange();
		assertThat(codes).hasStatusOk().bodyText()
			.contains("Enter a national RBAC role code", "Enter the ODS code of the organisation");
		assertThat(mappings.mappings()).hasSize(before);
	}

	@Test
	void aMappingIsAddedListedUsedAndRemovedWithTheAdministratorsConfirmationAndAudited() {
		String org = newOrg();
		assertThat(mvc.post()
			.uri("/admin/sign-in-mappings/new")
			.with(admin)
			.with(csrf())
			.param("roleCode", "r8000")
			.param("orgCode", org.toLowerCase())
			.param("appRole", "INT_MEMBER")
			.param("scopeLevel", "SITE")
			.param("siteCode", "OX-CTY")
			.param("adminPassword", "wrong-password")).hasStatusOk().bodyText().contains(Reauthentication.WRONG_OWN_PASSWORD);
		assertThat(mappings.mappings()).noneMatch(m -> m.orgCode().equals(org));

		assertThat(mvc.post()
			.uri("/admin/sign-in-mappings/new")
			.with(admin)
			.with(csrf())
			.param("roleCode", "r8000")
			.param("orgCode", org.toLowerCase())
			.param("appRole", "INT_MEMBER")
			.param("scopeLevel", "SITE")
			.param("siteCode", "OX-CTY")
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatus3xxRedirection();
		SignInMappings.Mapping added = mappings.mappings()
			.stream()
			.filter(m -> m.orgCode().equals(org))
			.findFirst()
			.orElseThrow();
		assertThat(added.roleCode()).isEqualTo("R8000");
		assertThat(added.scopeName()).isEqualTo("Oxford City neighbourhood");
		assertThat(mvc.get().uri("/admin/sign-in-mappings").with(admin)).hasStatusOk()
			.bodyText()
			.contains(org, "Integrated Neighbourhood Team member", "Oxford City");
		assertThat(jdbc.sql("SELECT detail FROM audit.admin_action WHERE action = 'SIGN_IN_MAPPING_ADDED' AND target = ?")
			.param("R8000 at " + org)
			.query(String.class)
			.single()).contains("Integrated Neighbourhood Team member", "Oxford City");

		// what a sign-in with the role there gets; the role elsewhere, or another role there, gets nothing
		assertThat(mappings.access(List.of(new RoleClaim("S8000:G8000:R8000", org, "1", null))).choices())
			.singleElement()
			.satisfies(choice -> assertThat(choice.roles()).containsExactly(Role.INT_MEMBER));
		assertThat(mappings.access(List.of(new RoleClaim("R8000", "K81001", "1", null))).none()).isTrue();
		assertThat(mappings.access(List.of(new RoleClaim("S8000:G8000:R80001", org, "1", null))).none()).isTrue();

		assertThat(mvc.post()
			.uri("/admin/sign-in-mappings/new")
			.with(admin)
			.with(csrf())
			.param("roleCode", "R8000")
			.param("orgCode", org)
			.param("appRole", "INT_MEMBER")
			.param("scopeLevel", "SITE")
			.param("siteCode", "OX-CTY")
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatusOk()
			.bodyText()
			.contains("already gives");

		assertThat(mvc.post()
			.uri("/admin/sign-in-mappings/" + added.id() + "/remove")
			.with(admin)
			.with(csrf())
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatus3xxRedirection();
		assertThat(mappings.mappings()).noneMatch(m -> m.orgCode().equals(org));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE action = 'SIGN_IN_MAPPING_REMOVED' AND target = ?")
			.param("R8000 at " + org)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/admin/sign-in-mappings").with(IdentityFixtures.signedIn(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"))))
			.hasStatus(403);
	}

}
