package uk.nhs.bob.primarycare.cvd;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Worklists of people: counts of people rather than findings, the order within a rule, the outreach status and
 * owner filters, bulk actions (with their errors, a conflict and a refusal out of scope) and filters the user may
 * not use, over the population's generated people after a refresh. The Reading hub's coordinator works here so the
 * other CVD tests' people are left alone.
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class CvdWorklistTests {

	/** The Reading hub's coordinator, made for each test, as are the other staff below. */
	String berks;

	String adminName;

	String deliveryName;

	String coordinatorName;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void staff() {
		berks = IdentityFixtures.staffUser(context, "coordinator-berks", Role.CARE_COORDINATOR,
				OrganisationScope.site("BW-RDG"));
		adminName = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		deliveryName = IdentityFixtures.staffUser(context, "delivery", Role.PLACE_DELIVERY,
				OrganisationScope.place("15A"));
		coordinatorName = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
	}

	static final Pattern ROW = Pattern.compile("data-nhs-number=\"(\\d{10})\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	String page(String username, String role, String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).with(user(username).roles(role)).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static List<String> people(String page) {
		List<String> people = new ArrayList<>();
		Matcher matcher = ROW.matcher(page);
		while (matcher.find()) {
			people.add(matcher.group(1));
		}
		return people;
	}

	static long total(String page) {
		Matcher matcher = Pattern.compile("id=\"worklist-total\">([\\d,]+) (people|person) listed").matcher(page);
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1).replace(",", ""));
	}

	@Test
	void theWorklistCountsPeopleNotFindingsAndShowsEachPersonOnceWithAllTheirFindings() throws Exception {
		String page = page(berks, "CARE_COORDINATOR", "/cvd/worklist");
		long findings = jdbc.sql("SELECT count(*) FROM cvd.finding WHERE site_code = 'BW-RDG'").query(Long.class).single();
		long people = jdbc.sql("SELECT count(DISTINCT nhs_number) FROM cvd.finding WHERE site_code = 'BW-RDG'")
			.query(Long.class).single();
		assertThat(findings).isGreaterThan(people);
		assertThat(total(page)).isEqualTo(people);
		assertThat(page(berks, "CARE_COORDINATOR", "/cvd")).containsPattern(
				"id=\"people-listed\"><strong>" + String.format(java.util.Locale.UK, "%,d", people) + "</strong>");
		List<String> shown = people(page);
		assertThat(shown).hasSize(WorklistController.PAGE_SIZE).doesNotHaveDuplicates();

		String several = jdbc.sql("""
				SELECT nhs_number FROM cvd.finding WHERE site_code = 'BW-RDG' GROUP BY nhs_number
				HAVING count(*) >= 3 ORDER BY nhs_number LIMIT 1""").query(String.class).single();
		List<String> rules = jdbc.sql("SELECT rule_code FROM cvd.finding WHERE nhs_number = ?").param(several)
			.query(String.class).list();
		String practice = jdbc.sql("SELECT practice_code FROM cvd.finding WHERE nhs_number = ? LIMIT 1").param(several)
			.query(String.class).single();
		String narrowed = page(berks, "CARE_COORDINATOR", "/cvd/worklist?practice=" + practice + "&rule=" + rules.get(0));
		int start = narrowed.indexOf("data-nhs-number=\"" + several + "\"");
		int page2 = 2;
		while (start < 0 && page2 < 40) {
			narrowed = page(berks, "CARE_COORDINATOR",
					"/cvd/worklist?practice=" + practice + "&rule=" + rules.get(0) + "&page=" + page2++);
			start = narrowed.indexOf("data-nhs-number=\"" + several + "\"");
		}
		assertThat(start).isPositive();
		String row = narrowed.substring(start, narrowed.indexOf("</tr>", start));
		for (String rule : rules) {
			assertThat(row).contains(rule + " v");
		}
	}

	@Test
	void everyPageCountsTheWholeListAndAPagePastTheEndShowsTheLastPage() throws Exception {
		long people = jdbc.sql("SELECT count(DISTINCT nhs_number) FROM cvd.finding WHERE site_code = 'BW-RDG'")
			.query(Long.class).single();
		int lastPage = (int) ((people + WorklistController.PAGE_SIZE - 1) / WorklistController.PAGE_SIZE);
		assertThat(lastPage).isGreaterThan(2);

		String second = page(berks, "CARE_COORDINATOR", "/cvd/worklist?page=2");
		assertThat(total(second)).isEqualTo(people);
		assertThat(people(second)).hasSize(WorklistController.PAGE_SIZE)
			.doesNotContainAnyElementsOf(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist")));

		// an old link to a page the list no longer has: the last page, counted, not an empty list
		String last = page(berks, "CARE_COORDINATOR", "/cvd/worklist?page=" + lastPage);
		String past = page(berks, "CARE_COORDINATOR", "/cvd/worklist?page=" + (lastPage + 50));
		assertThat(total(past)).isEqualTo(people);
		assertThat(people(past)).isNotEmpty().isEqualTo(people(last));
	}

	/**
	 * Each person's most urgent matching finding, then deprivation, as docs/cvd.md explains it, written here
	 * independently of the list's query (DISTINCT ON each person, then sorted): WHERE conditions, limit, offset.
	 */
	static final String EXPECTED_ORDER = """
			SELECT nhs_number FROM (
			    SELECT DISTINCT ON (nhs_number) nhs_number, priority,
			        CASE WHEN coalesce(systolic, 0) >= 160 OR coalesce(diastolic, 0) >= 100 OR coalesce(score, 0) >= 20
			            THEN 0 ELSE 1 END AS band,
			        coalesce(score, systolic, 0) AS finding_value, coalesce(diastolic, 0) AS finding_diastolic,
			        imd_decile, townsend
			    FROM cvd.finding WHERE %s
			    ORDER BY nhs_number, priority, band, finding_value DESC, finding_diastolic DESC) l
			ORDER BY priority, band, finding_value DESC, finding_diastolic DESC, imd_decile, townsend DESC, nhs_number
			LIMIT 25 OFFSET ?""";

	List<String> expected(String where, int page) {
		return jdbc.sql(EXPECTED_ORDER.formatted(where)).param((page - 1) * WorklistController.PAGE_SIZE)
			.query(String.class).list();
	}

	@Test
	void eachPersonIsPlacedByTheirMostUrgentFindingThenDeprivationPageAfterPage() throws Exception {
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist")))
			.isEqualTo(expected("site_code = 'BW-RDG'", 1)).hasSize(WorklistController.PAGE_SIZE);
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?page=3")))
			.isEqualTo(expected("site_code = 'BW-RDG'", 3)).hasSize(WorklistController.PAGE_SIZE);
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?quintile=1")))
			.isEqualTo(expected("site_code = 'BW-RDG' AND imd_decile IN (1, 2)", 1)).isNotEmpty();
		String pcn = jdbc.sql("SELECT pcn_code FROM cvd.finding WHERE site_code = 'BW-RDG' ORDER BY pcn_code LIMIT 1")
			.query(String.class).single();
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?pcn=" + pcn + "&page=2")))
			.isEqualTo(expected("site_code = 'BW-RDG' AND pcn_code = '" + pcn + "'", 2)).isNotEmpty();
		// all of BOB
		assertThat(people(page(adminName, "ICB_ADMIN", "/cvd/worklist?page=2"))).isEqualTo(expected("true", 2))
			.hasSize(WorklistController.PAGE_SIZE);
	}

	@Test
	void withinARuleTheHigherBandComesFirstThenTheHigherValue() throws Exception {
		List<String> shown = people(page(adminName, "ICB_ADMIN", "/cvd/worklist?rule=CVD-QRISK-STATIN"));
		assertThat(shown).hasSize(WorklistController.PAGE_SIZE);
		List<Double> scores = new ArrayList<>();
		for (String nhs : shown) {
			scores.add(jdbc.sql("SELECT score FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-QRISK-STATIN'")
				.param(nhs).query(Double.class).single());
		}
		assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		double top = jdbc.sql("SELECT max(score) FROM cvd.finding WHERE rule_code = 'CVD-QRISK-STATIN'")
			.query(Double.class).single();
		assertThat(scores.get(0)).isEqualTo(top);

		List<String> undiagnosed = people(page(adminName, "ICB_ADMIN", "/cvd/worklist?rule=CVD-HTN-UNDX"));
		List<int[]> readings = new ArrayList<>();
		for (String nhs : undiagnosed) {
			readings.add(jdbc.sql("SELECT systolic, diastolic FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-HTN-UNDX'")
				.param(nhs).query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }).single());
		}
		// band (160/100) first, then systolic, highest first: never a lower band above a higher one
		List<Integer> keys = readings.stream()
			.map(r -> (r[0] >= 160 || r[1] >= 100 ? 1000 : 0) + r[0])
			.toList();
		assertThat(keys).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
	}

	@Test
	void statusFiltersAndBulkActionsMovePeopleFromNotContactedToInvitedAndMine() throws Exception {
		String notContacted = page(berks, "CARE_COORDINATOR",
				"/cvd/worklist?rule=CVD-HTN-TARGET&status=NOT_CONTACTED&owner=UNASSIGNED");
		long before = total(notContacted);
		List<String> chosen = people(notContacted).subList(0, 3);

		// no action, and no invitation chosen: the page comes back with the error summary, the selection kept
		assertThat(mvc.post().uri("/cvd/worklist/actions").with(user(berks).roles("CARE_COORDINATOR")).with(csrf())
			.param("selected", chosen.get(0)).param("action", "INVITE").param("rule", "CVD-HTN-TARGET")
			.param("status", "NOT_CONTACTED"))
			.hasStatusOk().bodyText()
			.contains("There is a problem", "Choose the invitation that was sent")
			.containsPattern("value=\"" + chosen.get(0) + "\"\\s+checked");
		assertThat(mvc.post().uri("/cvd/worklist/actions").with(user(berks).roles("CARE_COORDINATOR")).with(csrf())
			.param("action", "ASSIGN"))
			.hasStatusOk().bodyText().contains("Select at least one person");
		// a forged selection is named back, each value as typed (never read as a message parameter)
		assertThat(mvc.post().uri("/cvd/worklist/actions").with(user(berks).roles("CARE_COORDINATOR")).with(csrf())
			.param("selected", "12345").param("selected", "{min}").param("action", "ASSIGN"))
			.hasStatusOk().bodyText()
			.contains("&#39;12345&#39; is not an NHS number: select people from the list",
					"&#39;{min}&#39; is not an NHS number: select people from the list");
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.outreach WHERE nhs_number = ?").param(chosen.get(0))
			.query(Long.class).single()).isZero();

		// someone else already has the third person: assigning does not take them over
		jdbc.sql("INSERT INTO cvd.worklist_owner VALUES (?, 'supervisor-berks', now(), 'supervisor-berks')")
			.param(chosen.get(2)).update();
		MockMvcTester.MockMvcRequestBuilder assign = mvc.post().uri("/cvd/worklist/actions")
			.with(user(berks).roles("CARE_COORDINATOR")).with(csrf()).param("action", "ASSIGN")
			.param("rule", "CVD-HTN-TARGET");
		chosen.forEach(nhs -> assign.param("selected", nhs));
		assertThat(assign).hasStatus(HttpStatus.FOUND)
			.flash().containsEntry("success", "2 people assigned to you. 1 person is already assigned to supervisor-berks: not changed.");
		assertThat(jdbc.sql("SELECT owner FROM cvd.worklist_owner WHERE nhs_number = ?").param(chosen.get(2))
			.query(String.class).single()).isEqualTo("supervisor-berks");
		List<String> mine = people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-TARGET&owner=MINE"));
		assertThat(mine).containsAll(chosen.subList(0, 2)).doesNotContain(chosen.get(2));

		MockMvcTester.MockMvcRequestBuilder invite = mvc.post().uri("/cvd/worklist/actions")
			.with(user(berks).roles("CARE_COORDINATOR")).with(csrf()).param("action", "INVITE")
			.param("outreachType", "PHARMACY_BP_CHECK");
		chosen.subList(0, 2).forEach(nhs -> invite.param("selected", nhs));
		assertThat(invite).hasStatus(HttpStatus.FOUND).flash().containsEntry("success",
				"Invitation recorded for 2 people: " + OutreachType.PHARMACY_BP_CHECK.label() + ", today.");
		assertThat(total(page(berks, "CARE_COORDINATOR",
				"/cvd/worklist?rule=CVD-HTN-TARGET&status=NOT_CONTACTED&owner=UNASSIGNED"))).isEqualTo(before - 3);
		String invited = page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-TARGET&status=INVITED&owner=MINE");
		assertThat(people(invited)).containsExactlyInAnyOrderElementsOf(chosen.subList(0, 2));
		assertThat(invited).contains("Invited " + RiskAssessment.date(LocalDate.now(PersonEvaluation.UK)),
				"by " + berks, "Owner: " + berks);
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-TARGET&status=NO_RESPONSE")))
			.doesNotContainAnyElementsOf(chosen);

		// an invitation 20 days old with nothing since: "no response after 14 days", not after 30
		String older = people(notContacted).get(3);
		jdbc.sql("""
				INSERT INTO cvd.outreach (id, nhs_number, practice_code, site_code, type, outcome, outcome_date, recorded_by,
				    recorded_at)
				SELECT ?, nhs_number, practice_code, site_code, 'GP_REVIEW', 'SENT', ?, 'coordinator-berks', now()
				FROM cvd.person_risk WHERE nhs_number = ?""")
			.params(UUID.randomUUID(), LocalDate.now(PersonEvaluation.UK).minusDays(20), older).update();
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-TARGET&status=NO_RESPONSE&days=14")))
			.contains(older);
		assertThat(people(page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-TARGET&status=NO_RESPONSE&days=30")))
			.doesNotContain(older);
	}

	@Test
	void aBulkActionOnSomeoneOutsideTheScopeIsRefusedWholeAndNothingIsSaved() throws Exception {
		String inScope = jdbc.sql("SELECT nhs_number FROM cvd.finding WHERE site_code = 'BW-RDG' ORDER BY nhs_number DESC LIMIT 1")
			.query(String.class).single();
		String outside = jdbc.sql("SELECT nhs_number FROM cvd.finding WHERE site_code = 'BK-AYL' ORDER BY nhs_number DESC LIMIT 1")
			.query(String.class).single();
		assertThat(mvc.post().uri("/cvd/worklist/actions").with(user(berks).roles("CARE_COORDINATOR")).with(csrf())
			.param("action", "ASSIGN").param("selected", inScope).param("selected", outside))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.worklist_owner WHERE nhs_number IN (?, ?)").params(inScope, outside)
			.query(Long.class).single()).isZero();
	}

	@Test
	void filtersTheUserMayNotUseAreAnsweredWithAMessage() throws Exception {
		String otherPractice = jdbc.sql("SELECT practice_code FROM cvd.finding WHERE site_code = 'BK-AYL' LIMIT 1")
			.query(String.class).single();
		String page = page(berks, "CARE_COORDINATOR",
				"/cvd/worklist?practice=" + otherPractice + "&rule=NOPE&quintile=9&status=LOST&days=abc");
		assertThat(page).contains("Some filters were not used", "Practice &#39;" + otherPractice + "&#39; is not in your area",
				"There is no rule &#39;NOPE&#39;", "&#39;9&#39; is not an IMD quintile", "not an outreach status",
				"&#39;abc&#39; is not a number of days");
		assertThat(total(page)).isEqualTo(jdbc.sql("SELECT count(DISTINCT nhs_number) FROM cvd.finding WHERE site_code = 'BW-RDG'")
			.query(Long.class).single());
		assertThat(page(berks, "CARE_COORDINATOR", "/cvd/worklist")).doesNotContain("Some filters were not used");
	}

	@Test
	void theOrderIsExplainedOnThePage() throws Exception {
		assertThat(page(berks, "CARE_COORDINATOR", "/cvd/worklist?rule=CVD-HTN-UNDX"))
			.contains("How this list is ordered", "160", "100", "20</span>% or more", "Core20");
	}

	@Test
	void everyRoleThatMaySeeTheDashboardHasALinkToIt() throws Exception {
		for (String[] user : new String[][] { { deliveryName, "PLACE_DELIVERY" },
				{ coordinatorName, "CARE_COORDINATOR" }, { adminName, "ICB_ADMIN" } }) {
			String home = page(user[0], user[1], "/");
			String path = home.contains("href=\"/cvd/dashboard\"") ? "/cvd/dashboard" : "/cvd";
			assertThat(home).contains("href=\"" + path + "\"");
			if (path.equals("/cvd")) {
				assertThat(page(user[0], user[1], "/cvd")).contains("href=\"/cvd/dashboard\"");
			}
		}
		assertThat(page(deliveryName, "PLACE_DELIVERY", "/")).contains("href=\"/cvd/dashboard\"");
	}

	@Test
	void aStatinOfferDeclinedAtAReviewTakesThePersonOffThatListWithAnAdjustmentThatCanBeWithdrawn() {
		String nhs = jdbc.sql("""
				SELECT nhs_number FROM cvd.finding WHERE rule_code = 'CVD-QRISK-STATIN' AND site_code = 'BW-RDG'
				ORDER BY nhs_number DESC LIMIT 1""").query(String.class).single();
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/outreach").with(user(berks).roles("CARE_COORDINATOR"))
			.with(csrf()).param("type", "GP_REVIEW").param("ruleCode", "CVD-QRISK-STATIN").param("outcome", "DECLINED")
			.param("day", String.valueOf(today.getDayOfMonth())).param("month", String.valueOf(today.getMonthValue()))
			.param("year", String.valueOf(today.getYear())))
			.hasStatus3xxRedirection()
			.flash().hasEntrySatisfying("success", m -> assertThat(m).asString().contains("personalised care adjustment"));
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-QRISK-STATIN'")
			.param(nhs).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT reason FROM cvd.care_adjustment WHERE nhs_number = ? AND rule_code = 'CVD-QRISK-STATIN'
				AND withdrawn_at IS NULL""").param(nhs).query(String.class).single()).isEqualTo("DECLINED");
	}

}
