package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.PublicFormCsrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Requests, people and contact details for the messaging tests, made through the real pages where they exist. */
final class MessagingTestData {

	/** A new coordinator of the Aylesbury hub (where the public form's requests go), signed in. */
	static RequestPostProcessor coordinator(ApplicationContext context) {
		return IdentityFixtures.signedIn(context, "coordinator", Role.CARE_COORDINATOR, OrganisationScope.site("BK-AYL"));
	}

	/** A new clinical supervisor for Buckinghamshire (the Aylesbury hub's Place), signed in. */
	static RequestPostProcessor supervisor(ApplicationContext context) {
		return IdentityFixtures.signedIn(context, "supervisor", Role.CLINICAL_SUPERVISOR, OrganisationScope.place("14Y"));
	}

	private MessagingTestData() {
	}

	/** Each public form request from its own address, so the form's limit per client never stops a test. */
	private static final AtomicInteger CLIENTS = new AtomicInteger();

	/** A request through the public form for someone not registered, at the Aylesbury hub; its id. */
	static UUID publicRequest(MockMvcTester mvc, JdbcClient jdbc, String phone, String problem, String redFlag) {
		String token = UUID.randomUUID().toString();
		submitPublicRequest(mvc, token, phone, problem, redFlag);
		return requestId(jdbc, token).orElseThrow();
	}

	/** As {@link #publicRequest}, under this form token, for a test that waits for the request's effects itself. */
	static void submitPublicRequest(MockMvcTester mvc, String token, String phone, String problem, String redFlag) {
		int client = CLIENTS.incrementAndGet();
		MvcTestResult result = mvc.post()
			.uri("/request")
			.with(PublicFormCsrf.token())
			.with(r -> {
				r.setRemoteAddr("198.51.100." + (client % 250 + 1));
				return r;
			})
			.param("formToken", token)
			.param("redFlags", redFlag)
			.param("forWhom", "self")
			.param("givenName", "Alex")
			.param("familyName", "Messagetest")
			.param("day", "14")
			.param("month", "3")
			.param("year", "1990")
			.param("sex", "female")
			.param("practiceCode", "NONE")
			.param("siteCode", "BK-AYL")
			.param("problem", problem)
			.param("pregnant", "no")
			.param("urinaryCatheter", "no")
			.param("contactPhone", phone)
			.param("step", "check")
			.param("go", "send")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
	}

	/** The id of the request the public form recorded under this form token, once it has. */
	static java.util.Optional<UUID> requestId(JdbcClient jdbc, String token) {
		return jdbc.sql("SELECT id FROM triage.request WHERE submission_key = ?")
			.param("form:" + token)
			.query(UUID.class)
			.optional();
	}

	/** Claims and completes a request with its suggestion, referring to the service if one is given. */
	static void completeWithSuggestion(MockMvcTester mvc, JdbcClient jdbc, UUID id, Long serviceId,
			RequestPostProcessor coordinator) {
		assertThat(mvc.post().uri("/triage/requests/" + id + "/claim").with(coordinator).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		Map<String, Object> row = jdbc.sql("SELECT version, suggested_disposition FROM triage.request WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		var decision = mvc.post()
			.uri("/triage/requests/" + id + "/decision")
			.with(coordinator)
			.with(csrf())
			.param("version", row.get("version").toString())
			.param("disposition", row.get("suggested_disposition").toString());
		if (serviceId != null) {
			decision = decision.param("serviceId", serviceId.toString());
		}
		assertThat(decision).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT status FROM triage.request WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("COMPLETED");
	}

	/**
	 * A pharmacy in Buckinghamshire open every hour of the week, so tests at night find it open, with no street
	 * address (the directory knows it by its postcode, HP20 1AA); its id.
	 */
	static long addAlwaysOpenPharmacy(JdbcClient jdbc, String name) {
		return addAlwaysOpenPharmacy(jdbc, name, null, null, null);
	}

	/** As {@link #addAlwaysOpenPharmacy(JdbcClient, String)}, at this street address. */
	static long addAlwaysOpenPharmacy(JdbcClient jdbc, String name, String addressLine1, String addressLine2,
			String town) {
		long id = jdbc.sql("""
				INSERT INTO directory.service (name, service_type, place_code, address_line1, address_line2, town,
				                               postcode, phone, accepts_referrals, self_referral)
				VALUES (?, 'COMMUNITY_PHARMACY', '14Y', ?, ?, ?, 'HP20 1AA', '01296 000000', true, true)
				RETURNING id""")
			.params(name, addressLine1, addressLine2, town)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO directory.service_offer (service_id, offer) VALUES (?, 'PHARMACY_FIRST')").param(id).update();
		for (int day = 1; day <= 7; day++) {
			jdbc.sql("INSERT INTO directory.service_opening_period VALUES (?, ?, 0, 1440)").params(id, day).update();
		}
		return id;
	}

	/** Replaces the person's contact details, as if staff had saved them. */
	static void contact(Contacts contacts, String nhsNumber, String mobile, String email, String addressLine1,
			String town, String postcode, Channel preferred, Consent consent, boolean optedOut) {
		ContactDetails before = contacts.find(new NhsNumber(nhsNumber));
		ContactDetails details = new ContactDetails(new NhsNumber(nhsNumber),
				mobile == null ? null : MobileNumber.parse(mobile).orElseThrow(), email, addressLine1, null, null, town,
				postcode == null ? null : uk.nhs.bob.primarycare.shared.Postcode.parse(postcode).orElseThrow(),
				preferred, consent, consent == Consent.NOT_RECORDED ? null : LocalDate.now(), optedOut,
				optedOut ? LocalDate.now() : null, before.version(), null, null);
		contacts.save(details, before.version(), "test");
	}

	/** A living person registered in a hub, picked by an offset so tests do not share people. */
	static String person(JdbcClient jdbc, String siteCode, int offset) {
		return jdbc.sql("""
				SELECT p.nhs_number FROM population.person p
				JOIN directory.practice pr ON pr.ods_code = p.registered_practice
				JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				WHERE pc.site_code = ? AND p.date_of_death IS NULL AND p.date_of_birth < ?
				ORDER BY p.nhs_number DESC OFFSET ? LIMIT 1""")
			.params(siteCode, LocalDate.now().minusYears(40), offset)
			.query(String.class)
			.single()
			.trim();
	}

	/**
	 * A new person, aged 60, registered at a practice in one of the site's PCNs, for one test (a module test's own
	 * person, where the whole-application tests picked one of the demo population); their NHS number.
	 */
	static String person(ApplicationContext context, String siteCode, String givenName, String familyName) {
		PracticeSummary practice = context.getBean(Directory.class)
			.practices()
			.stream()
			.filter(p -> siteCode.equals(p.siteCode()))
			.findFirst()
			.orElseThrow();
		return PopulationFixtures
			.person(context, practice.odsCode(), givenName, familyName, LocalDate.now().minusYears(60), Sex.FEMALE)
			.value();
	}

	static String status(JdbcClient jdbc, String reference) {
		return jdbc.sql("SELECT status FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	/** Waits until the message with this reference has the status. */
	static void awaitStatus(JdbcClient jdbc, String reference, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(status(jdbc, reference)).isEqualTo(status));
	}

	static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(value::get, done::test);
	}

}
