package uk.nhs.bob.primarycare.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateOdsCode;
import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateSiteCode;
import uk.nhs.bob.primarycare.shared.OdsCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.admin;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.coordinator;

/**
 * ICB administrators add and edit neighbourhood sites and PCNs (unique codes, optimistic locking). Every test makes
 * its own codes, as the test database is shared and may outlive one run.
 */
@DirectoryModuleTest
class OrganisationAdminTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anAdministratorAddsASiteAndAPcnInItThenEditsThem() {
		String site = uniqueSiteCode();
		String pcn = uniquePcnCode();
		assertThat(mvc.get().uri("/admin/directory/sites/new?place=10Q").with(admin())).hasStatusOk()
			.bodyText()
			.contains("Add a neighbourhood site", "<option value=\"10Q\" selected=\"selected\">Oxfordshire</option>");

		assertThat(mvc.post().uri("/admin/directory/sites").with(admin()).with(csrf())
			.param("code", site.toLowerCase(Locale.UK))
			.param("name", "Test Meadow neighbourhood " + site)
			.param("placeCode", "10Q")).hasStatus3xxRedirection().hasRedirectedUrl("/directory#place-10Q");
		assertThat(directory.site(site)).hasValueSatisfying(s -> {
			assertThat(s.name()).isEqualTo("Test Meadow neighbourhood " + site);
			assertThat(s.placeName()).isEqualTo("Oxfordshire");
		});

		assertThat(mvc.get().uri("/admin/directory/pcns/new?site=" + site).with(admin())).hasStatusOk()
			.bodyText()
			.contains("Oxfordshire: Test Meadow neighbourhood " + site, "value=\"" + site + "\" selected=\"selected\"");
		assertThat(mvc.post().uri("/admin/directory/pcns").with(admin()).with(csrf())
			.param("odsCode", pcn.toLowerCase(Locale.UK))
			.param("name", "Test Meadow PCN " + pcn)
			.param("siteCode", site)).hasStatus3xxRedirection().hasRedirectedUrl("/directory#place-10Q");
		assertThat(directory.pcn(pcn)).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("Test Meadow PCN " + pcn);
			assertThat(p.siteCode()).isEqualTo(site);
			assertThat(p.placeCode()).isEqualTo("10Q");
		});

		// listed on the overview for everyone; only administrators see the links to change it
		assertThat(mvc.get().uri("/directory").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Test Meadow neighbourhood " + site, "Test Meadow PCN " + pcn)
			.doesNotContain("/admin/directory/sites/" + site + "/edit", "/admin/directory/pcns/new");
		assertThat(mvc.get().uri("/directory").with(admin())).hasStatusOk()
			.bodyText()
			.contains("/admin/directory/sites/" + site + "/edit", "/admin/directory/pcns/" + pcn + "/edit",
					"/admin/directory/sites/new?place=15A");

		assertThat(mvc.get().uri("/admin/directory/sites/" + site + "/edit").with(admin())).hasStatusOk()
			.bodyText()
			.contains("value=\"Test Meadow neighbourhood " + site + "\"", "Moving the site to another Place");
		assertThat(mvc.post().uri("/admin/directory/sites/" + site).with(admin()).with(csrf())
			.param("code", "OX-CTY")
			.param("name", "Test Kennet neighbourhood " + site)
			.param("placeCode", "15A")
			.param("version", "0")).hasStatus3xxRedirection().hasRedirectedUrl("/directory#place-15A");
		assertThat(directory.site(site)).hasValueSatisfying(s -> {
			assertThat(s.name()).isEqualTo("Test Kennet neighbourhood " + site);
			assertThat(s.placeCode()).isEqualTo("15A");
		});
		assertThat(directory.site("OX-CTY").orElseThrow().name()).isEqualTo("Oxford City neighbourhood");
		assertThat(directory.pcn(pcn).orElseThrow().placeName()).isEqualTo("Berkshire West");

		// moving the PCN to a demo site: its place follows the site
		assertThat(mvc.get().uri("/admin/directory/pcns/" + pcn + "/edit").with(admin())).hasStatusOk()
			.bodyText()
			.contains("value=\"Test Meadow PCN " + pcn + "\"", "Moving the PCN to another site moves its 0 practices");
		assertThat(mvc.post().uri("/admin/directory/pcns/" + pcn).with(admin()).with(csrf())
			.param("name", "Test Chiltern PCN " + pcn)
			.param("siteCode", "BK-AYL")
			.param("version", "0")).hasStatus3xxRedirection().hasRedirectedUrl("/directory#place-14Y");
		assertThat(directory.pcn(pcn)).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("Test Chiltern PCN " + pcn);
			assertThat(p.siteCode()).isEqualTo("BK-AYL");
			assertThat(p.placeName()).isEqualTo("Buckinghamshire");
		});
	}

	@Test
	void aStaleEditIsRefusedAndKeepsWhatWasTyped() {
		String site = uniqueSiteCode();
		String pcn = uniquePcnCode();
		administration.addSite(new SiteDetails(site, "Stale test neighbourhood", "14Y"));
		administration.addPcn(new PcnDetails(new OdsCode(pcn), "Stale test PCN", site));
		assertThat(mvc.post().uri("/admin/directory/sites/" + site).with(admin()).with(csrf())
			.param("name", "First save neighbourhood")
			.param("placeCode", "14Y")
			.param("version", "0")).hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/admin/directory/pcns/" + pcn).with(admin()).with(csrf())
			.param("name", "First save PCN")
			.param("siteCode", site)
			.param("version", "0")).hasStatus3xxRedirection();

		assertThat(mvc.post().uri("/admin/directory/sites/" + site).with(admin()).with(csrf())
			.param("name", "Late change neighbourhood")
			.param("placeCode", "10Q")
			.param("version", "0")).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes to this neighbourhood site", "value=\"Late change neighbourhood\"",
					"name=\"version\" value=\"1\"");
		assertThat(mvc.post().uri("/admin/directory/pcns/" + pcn).with(admin()).with(csrf())
			.param("name", "Late change PCN")
			.param("siteCode", "OX-CTY")
			.param("version", "0")).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes to this PCN", "value=\"Late change PCN\"");

		assertThat(directory.site(site)).hasValueSatisfying(s -> {
			assertThat(s.name()).isEqualTo("First save neighbourhood");
			assertThat(s.placeCode()).isEqualTo("14Y");
		});
		assertThat(directory.pcn(pcn)).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("First save PCN");
			assertThat(p.siteCode()).isEqualTo(site);
		});
	}

	@Test
	void aDuplicateCodeIsAFieldErrorNotAFailure() {
		assertThat(mvc.post().uri("/admin/directory/sites").with(admin()).with(csrf())
			.param("code", "ox-cty")
			.param("name", "Duplicate neighbourhood")
			.param("placeCode", "15A")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "The code OX-CTY already belongs to Oxford City neighbourhood",
					"value=\"Duplicate neighbourhood\"");
		assertThat(directory.site("OX-CTY")).hasValueSatisfying(s -> {
			assertThat(s.name()).isEqualTo("Oxford City neighbourhood");
			assertThat(s.placeCode()).isEqualTo("10Q");
		});

		assertThat(mvc.post().uri("/admin/directory/pcns").with(admin()).with(csrf())
			.param("odsCode", "U92001")
			.param("name", "Duplicate PCN")
			.param("siteCode", "BK-AYL")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "The ODS code U92001 already belongs to Oxford North and Jericho PCN");
		assertThat(directory.pcn("U92001")).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("Oxford North and Jericho PCN");
			assertThat(p.siteCode()).isEqualTo("OX-CTY");
		});
	}

	@Test
	void aDuplicateTheDatabaseCatchesAtSaveTimeIsStillADuplicate() throws Exception {
		String site = uniqueSiteCode();
		assertThat(raceAgainstAnotherAdministrator(
				"INSERT INTO directory.neighbourhood_site (code, name, place_code) VALUES ('" + site
						+ "', 'Raced neighbourhood', '10Q')",
				() -> administration.addSite(new SiteDetails(site, "Losing neighbourhood", "14Y"))))
			.isInstanceOfSatisfying(DuplicateSiteCode.class, ex -> assertThat(ex.code()).isEqualTo(site));
		assertThat(directory.site(site).orElseThrow().name()).isEqualTo("Raced neighbourhood");

		String pcn = uniquePcnCode();
		assertThat(raceAgainstAnotherAdministrator(
				"INSERT INTO directory.pcn (ods_code, name, site_code) VALUES ('" + pcn + "', 'Raced PCN', '" + site
						+ "')",
				() -> administration.addPcn(new PcnDetails(new OdsCode(pcn), "Losing PCN", "OX-CTY"))))
			.isInstanceOf(DuplicateOdsCode.class);
		assertThat(directory.pcn(pcn).orElseThrow().name()).isEqualTo("Raced PCN");
	}

	@Test
	void anInvalidFormSavesNothingAndShowsEveryError() {
		String site = uniqueSiteCode();
		assertThat(mvc.post().uri("/admin/directory/sites").with(admin()).with(csrf())
			.param("code", site + "_!")
			.param("name", "")
			.param("placeCode", "99Z")
			.param("name[0]", "tampered")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter a code of 2 to 20 letters, numbers and hyphens",
					"Enter the name of the neighbourhood site", "Select the Place the site is in",
					"value=\"" + site + "_!\"");
		assertThat(directory.site(site)).isEmpty();

		String pcn = uniquePcnCode();
		assertThat(mvc.post().uri("/admin/directory/pcns").with(admin()).with(csrf())
			.param("odsCode", pcn)
			.param("name", "Valid name but no site " + pcn)
			.param("siteCode", "NOWHERE")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Select a neighbourhood site for the PCN",
					"value=\"Valid name but no site " + pcn + "\"");
		assertThat(directory.pcn(pcn)).isEmpty();

		assertThat(mvc.post().uri("/admin/directory/pcns/U92001").with(admin()).with(csrf())
			.param("name", "x".repeat(151))
			.param("siteCode", "OX-CTY")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("The name must be 150 characters or fewer");
		assertThat(directory.pcn("U92001").orElseThrow().name()).isEqualTo("Oxford North and Jericho PCN");
	}

	@Test
	void onlyAdministratorsMayChangeSitesAndPcnsAndUnknownCodesAreNotFound() {
		assertThat(mvc.get().uri("/admin/directory/sites/new").with(coordinator())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/admin/directory/sites").with(coordinator()).with(csrf())
			.param("code", uniqueSiteCode())
			.param("name", "Forbidden neighbourhood")
			.param("placeCode", "10Q")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/directory/pcns/U92001/edit").with(coordinator()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/admin/directory/pcns/U92001").with(coordinator()).with(csrf())
			.param("name", "Forbidden PCN")
			.param("siteCode", "OX-CTY")
			.param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(directory.pcn("U92001").orElseThrow().name()).isEqualTo("Oxford North and Jericho PCN");

		assertThat(mvc.get().uri("/admin/directory/sites/ZZ-NONE/edit").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/directory/sites/not a code!/edit").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/admin/directory/sites/ZZ-NONE").with(admin()).with(csrf())
			.param("name", "Nowhere")
			.param("placeCode", "10Q")
			.param("version", "0")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/directory/pcns/U00000/edit").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/directory/pcns/{code}/edit", "<b>").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/admin/directory/pcns/U00000").with(admin()).with(csrf())
			.param("name", "Nowhere PCN")
			.param("siteCode", "OX-CTY")
			.param("version", "0")).hasStatus(HttpStatus.NOT_FOUND);
	}

	/**
	 * Another administrator's insert of the same code is still uncommitted when ours runs, so our check finds nothing
	 * and our insert waits on it; once theirs commits, the database refuses ours. Returns what ours threw.
	 */
	private Throwable raceAgainstAnotherAdministrator(String theirInsert, Runnable ours) throws Exception {
		CompletableFuture<Void> ourSave = new CompletableFuture<>();
		transactions.executeWithoutResult(status -> {
			jdbc.sql(theirInsert).update();
			new Thread(() -> {
				try {
					ours.run();
					ourSave.complete(null);
				}
				catch (RuntimeException ex) {
					ourSave.completeExceptionally(ex);
				}
			}).start();
			waitUntilASessionWaitsForALock();
		});
		try {
			ourSave.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		throw new AssertionError("The second save of the same code was not refused");
	}

	private void waitUntilASessionWaitsForALock() {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(giveUp)) {
			Integer waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
				.query(Integer.class)
				.single();
			if (waiting > 0) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String uniqueSiteCode() {
		return "T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.UK);
	}

	private static String uniquePcnCode() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.UK);
	}

}
