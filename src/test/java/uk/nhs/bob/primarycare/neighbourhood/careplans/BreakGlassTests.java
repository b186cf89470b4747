package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Break-glass by role, scope and channel, on a care plan of a person at the Aylesbury team (Buckinghamshire): only
 * clinical roles whose scope covers the person's practice may use it, never Place delivery teams or administrators,
 * and never through the FHIR API; each use is audited, shown on the plan and reviewed by a supervisor of the Place.
 */
@IntegrationTest
class BreakGlassTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** An Aylesbury entry of its own for each test, so grants made by one test never open another's. */
	UUID aylesburyEntry(int skip) {
		List<UUID> entries = jdbc.sql("""
				SELECT e.id FROM neighbourhood.caseload_entry e JOIN neighbourhood.team t ON t.id = e.team_id
				WHERE t.site_code = 'BK-AYL' ORDER BY e.id""")
			.query(UUID.class)
			.list();
		return entries.get(skip % entries.size());
	}

	String nhsNumberOf(UUID entryId) {
		return jdbc.sql("SELECT nhs_number FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single();
	}

	MvcTestResult breakGlass(String username, UUID entryId, String code, String reason) {
		return mvc.post()
			.uri("/neighbourhood/care-plans/{id}/break-glass", entryId)
			.param("reasonCode", code)
			.param("reason", reason)
			.with(as(username))
			.with(csrf())
			.exchange();
	}

	long auditEntries(String username, String nhsNumber, String outcome) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND nhs_number = ? AND outcome = ?")
			.params(username, nhsNumber, outcome)
			.query(Long.class)
			.single();
	}

	@ParameterizedTest
	@ValueSource(strings = { "delivery-bucks", "delivery", "admin", "neighbourhood", "supervisor-oxon",
			"coordinator-berks" })
	void isRefusedToAdministratorsPlaceDeliveryAndAnyoneOutsideThePersonsPlace(String username) {
		UUID entry = aylesburyEntry(0);
		MvcTestResult page = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(username)).exchange();
		assertThat(page).hasStatus(403);
		assertThat(page).bodyText().doesNotContain("Break the glass and view the plan");
		assertThat(breakGlass(username, entry, "EMERGENCY", "Seeing the person after a fall in the UTC today"))
			.hasStatus(403);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(username))).hasStatus(403);
		assertThat(auditEntries(username, nhsNumberOf(entry), "BREAK_GLASS")).isZero();
		assertThat(auditEntries(username, nhsNumberOf(entry), "REFUSED")).isPositive();
	}

	@Test
	void opensThePlanForAClinicianInScopeAuditedShownAndReviewed() {
		UUID entry = aylesburyEntry(1);
		String nhsNumber = nhsNumberOf(entry);
		MvcTestResult refused = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as("coordinator")).exchange();
		assertThat(refused).hasStatus(403);
		assertThat(refused).bodyText()
			.contains("Break the glass and view the plan", "Emergency: the person needs urgent care now");

		assertThat(breakGlass("coordinator", entry, "EMERGENCY",
				"Caller in the hub today with chest pain, plan needed for medicines")).hasStatus3xxRedirection();
		MvcTestResult plan = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as("coordinator")).exchange();
		assertThat(plan).hasStatusOk();
		assertThat(plan).bodyText()
			.contains("Break-glass access to this plan", "Emergency: the person needs urgent care now",
					"not reviewed yet");
		assertThat(auditEntries("coordinator", nhsNumber, "BREAK_GLASS")).isGreaterThanOrEqualTo(2);

		// on the review list of the supervisors of Buckinghamshire, not of Oxfordshire
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as("supervisor"))).hasStatusOk()
			.bodyText()
			.contains("Caller in the hub today with chest pain");
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as("supervisor-oxon"))).hasStatusOk()
			.bodyText()
			.doesNotContain("Caller in the hub today with chest pain");
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as("coordinator"))).hasStatus(403);

		long id = jdbc.sql("SELECT id FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? "
				+ "AND username = 'coordinator' ORDER BY id DESC LIMIT 1").param(entry).query(Long.class).single();
		assertThat(mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.with(as("supervisor-oxon"))
			.with(csrf())).hasStatus(403);
		assertThat(mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.param("note", "Urgent same-day care")
			.with(as("supervisor"))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT review_outcome FROM neighbourhood.break_glass_access WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("APPROPRIATE");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE username = 'supervisor' "
				+ "AND action = 'BREAK_GLASS_REVIEWED' AND target LIKE ?").param("%" + nhsNumber).query(Long.class)
			.single()).isPositive();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as("coordinator"))).bodyText()
			.contains("reviewed: Appropriate");
	}

	@Test
	void neverOpensThePlanOverTheApiEvenAfterBreakingTheGlass() {
		UUID entry = aylesburyEntry(2);
		UUID carePlan = jdbc.sql("SELECT care_plan_id FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entry)
			.query(UUID.class)
			.single();
		assertThat(breakGlass("supervisor", entry, "SAFEGUARDING",
				"Safeguarding concern raised by the ambulance service tonight")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as("supervisor"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/care-plans/{id}", carePlan).with(as("supervisor"))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/care-plans/{id}", carePlan).with(as("neighbourhood-bucks")))
			.as("APIs are for systems with access tokens: no one's page sign-in opens them").hasStatus(403);
	}

	@Test
	void needsAReasonFromTheListAndAnExplanation() {
		UUID entry = aylesburyEntry(0);
		MvcTestResult noCode = breakGlass("coordinator", entry, "", "Seeing the person after a fall in the UTC today");
		assertThat(noCode).hasStatus(403);
		assertThat(noCode).bodyText().contains("Choose why you need to see this plan now");
		MvcTestResult tampered = breakGlass("coordinator", entry, "JUST_CURIOUS",
				"Seeing the person after a fall in the UTC today");
		assertThat(tampered).bodyText().contains("Choose why you need to see this plan now");
		MvcTestResult tooShort = breakGlass("coordinator", entry, "OTHER", "need it");
		assertThat(tooShort).bodyText().contains("in at least 20 characters");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as("coordinator"))).hasStatus(403);
	}

	@Test
	void aSupervisorCannotReviewTheirOwnUse() {
		UUID entry = aylesburyEntry(2);
		assertThat(breakGlass("supervisor", entry, "COVERING",
				"Covering the Aylesbury INT on the bank holiday weekend")).hasStatus3xxRedirection();
		long id = jdbc.sql("SELECT id FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? "
				+ "AND username = 'supervisor' ORDER BY id DESC LIMIT 1").param(entry).query(Long.class).single();
		MvcTestResult review = mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.with(as("supervisor"))
			.with(csrf())
			.exchange();
		assertThat(review).hasStatus3xxRedirection();
		assertThat(review).flash().containsEntry("problem",
				"You cannot review your own use of break-glass: another supervisor must");
		assertThat(jdbc.sql("SELECT reviewed_at IS NULL FROM neighbourhood.break_glass_access WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

}
