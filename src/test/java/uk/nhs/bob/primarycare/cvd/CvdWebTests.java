package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.terminology.CodeSets;
import uk.nhs.bob.primarycare.terminology.Cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The QRISK3 API and the CVD pages with real security, scope checks and audit, over the population's generated people
 * after a first refresh; each test makes its own staff.
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class CvdWebTests {

	static final String VALID = """
			{"age": 64, "sex": "male", "ethnicity": 2, "townsend": 1.5, "smokingCategory": 3,
			 "type1Diabetes": false, "type2Diabetes": true, "atrialFibrillation": false, "atypicalAntipsychotics": false,
			 "corticosteroids": false, "migraine": true, "rheumatoidArthritis": false, "chronicKidneyDisease": false,
			 "severeMentalIllness": false, "sle": false, "treatedHypertension": true, "erectileDysfunction": true,
			 "familyHistoryCvd": true, "bmi": 29.4, "cholesterolHdlRatio": 4.6, "systolicBp": 148, "systolicBpSd": 7.5}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** The Aylesbury hub's coordinator, made for each test. */
	String coordinatorName;

	@BeforeEach
	void coordinatorAccount() {
		coordinatorName = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
	}

	RequestPostProcessor coordinator() {
		return user(coordinatorName).roles(Role.CARE_COORDINATOR.name());
	}

	RequestPostProcessor oxfordCoordinator() {
		return IdentityFixtures.signedIn(context, "coordinator-oxon", Role.CARE_COORDINATOR,
				OrganisationScope.site("OX-CTY"));
	}

	RequestPostProcessor supervisor() {
		return IdentityFixtures.signedIn(context, "supervisor", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place("14Y"));
	}

	RequestPostProcessor delivery() {
		return IdentityFixtures.signedIn(context, "delivery", Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
	}

	long audits(String username, String purpose) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND purpose = ?")
			.params(username, purpose)
			.query(Long.class)
			.single();
	}

	// --- API ---

	@Test
	void theApiAnswersTheScoreAtFullPrecision() {
		double expected = Qrisk3.score(new Qrisk3Inputs(true, 64, 2, 1.5, 3, false, true, false, false, false, true,
				false, false, false, false, true, true, true, 29.4, 4.6, 148, 7.5));
		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.score", score -> assertThat(score).asNumber().isEqualTo(expected))
			.hasPathSatisfying("$.algorithm", a -> assertThat(a).isEqualTo("QRISK3-2017"))
			.hasPathSatisfying("$.disclaimer", d -> assertThat(d).asString().contains("ClinRisk"));
	}

	@Test
	void outOfRangeAndMissingFieldsAreEachNamedInProblemJson() {
		String bad = VALID.replace("\"age\": 64", "\"age\": 90")
			.replace("\"bmi\": 29.4", "\"bmi\": 12")
			.replace("\"ethnicity\": 2", "\"ethnicity\": 10")
			.replace("\"smokingCategory\": 3", "\"smokingCategory\": 5");
		MvcTestResult result = mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content(bad).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field",
					fields -> assertThat(fields).asArray().containsExactly("age", "ethnicity", "smokingCategory", "bmi"));

		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"age\": 50, \"sex\": \"other\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asArray()
				.contains("sex", "ethnicity", "townsend", "bmi", "systolicBpSd")
				.doesNotContain("age"));

		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID.replace("\"age\": 64", "\"age\": \"old\"")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", field -> assertThat(field).isEqualTo("age"));
	}

	@Test
	void theApiRefusesNonIntegersForIntegerFieldsNonBooleansForBooleansTextForNumbersAndUnknownFields() {
		String bad = VALID.replace("\"age\": 64", "\"age\": 84.99")
			.replace("\"migraine\": true", "\"migraine\": 2")
			.replace("\"ethnicity\": 2", "\"ethnicity\": 2.0")
			.replace("\"sle\": false", "\"sle\": \"false\"")
			.replace("\"bmi\": 29.4", "\"bmi\": \"29.4\"")
			.replace("\"systolicBpSd\": 7.5}", "\"systolicBpSd\": 7.5, \"hba1c\": 48}");
		MvcTestResult result = mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content(bad).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asArray()
				.containsExactlyInAnyOrder("hba1c", "age", "ethnicity", "bmi", "migraine", "sle"))
			.hasPathSatisfying("$.errors[?(@.field == 'age')].message",
					m -> assertThat(m).asArray().containsExactly("must be a whole number"))
			.hasPathSatisfying("$.errors[?(@.field == 'migraine')].message",
					m -> assertThat(m).asArray().containsExactly("must be true or false"))
			.hasPathSatisfying("$.errors[?(@.field == 'hba1c')].message",
					m -> assertThat(m).asArray().containsExactly("is not a field of this API"));
		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID.replace("\"age\": 64", "\"age\": 84")))
			.hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").with(tokens.otherClientBearer("cvd.qrisk3"))
			.contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theCalculatorAssumesNoTownsendScoreAndNoSmokingStatusAndExplainsTheCkdBox() {
		assertThat(mvc.get().uri("/cvd/calculator").with(supervisor()))
			.hasStatusOk()
			.bodyText()
			.containsPattern("id=\"townsend\"[^>]*value=\"\"")
			.doesNotContainPattern("<option value=\"0\" selected")
			.contains("eGFR below 60");
		assertThat(mvc.post().uri("/cvd/calculator").with(supervisor()).with(csrf())
			.param("age", "60").param("sex", "female").param("ethnicity", "1").param("bmi", "25")
			.param("cholesterolHdlRatio", "4").param("systolicBp", "130").param("systolicBpSd", "5"))
			.hasStatusOk()
			.bodyText()
			.contains("Enter the Townsend score", "Enter the smoking status")
			.doesNotContain("id=\"qrisk3-score\"");
	}

	@Test
	void aSystemReadsAPersonsRiskAndFindingsWithRuleVersionsAndTheReadIsAudited() {
		String nhsNumber = jdbc.sql("""
				SELECT p.nhs_number FROM population.person p JOIN cvd.finding f ON f.nhs_number = p.nhs_number
				ORDER BY p.nhs_number LIMIT 1""").query(String.class).single();
		long before = audits(ApiTokens.OTHER_CLIENT_ID, CvdPersonApiController.PURPOSE);
		MvcTestResult result = mvc.get().uri("/api/v1/cvd/people/{n}", nhsNumber).with(tokens.otherClientBearer("cvd.read"))
			.exchange();
		assertThat(result).hasStatusOk().bodyJson()
			.hasPathSatisfying("$.nhsNumber", n -> assertThat(n).isEqualTo(nhsNumber))
			.hasPathSatisfying("$.qrisk3.status", s -> assertThat(s).asString().isIn("SCORED", "NOT_ASSESSABLE",
					"NOT_APPLICABLE"))
			.hasPathSatisfying("$.qrisk3.algorithm", a -> assertThat(a).isEqualTo("QRISK3-2017"))
			.hasPathSatisfying("$.findings[0].ruleId", r -> assertThat(r).asString().isNotBlank())
			.hasPathSatisfying("$.findings[0].version", v -> assertThat(v).asNumber().isNotNull())
			.hasPathSatisfying("$.findings[0].reason", e -> assertThat(e).asString().isNotBlank())
			.hasPathSatisfying("$.disclaimer", d -> assertThat(d).asString().contains("ClinRisk"));
		assertThat(result).bodyText().doesNotContain("givenName", "familyName", "postcode");
		assertThat(audits(ApiTokens.OTHER_CLIENT_ID, CvdPersonApiController.PURPOSE)).isEqualTo(before + 1);

		assertThat(mvc.get().uri("/api/v1/cvd/people/1234567890").with(tokens.otherClientBearer("cvd.read")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("nhsNumber"));
		assertThat(mvc.get().uri("/api/v1/cvd/people/9434765919").with(tokens.otherClientBearer("cvd.read")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/cvd/people/{n}", nhsNumber).with(tokens.otherClientBearer("cvd.qrisk3")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(audits(ApiTokens.OTHER_CLIENT_ID, CvdPersonApiController.PURPOSE)).isEqualTo(before + 1);
	}

	@Test
	void theApiNeedsSignIn() {
		assertThat(mvc.post().uri("/api/v1/cvd/qrisk3").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	// --- Calculator ---

	@Test
	void theCalculatorKeepsWhatWasTypedOnErrorAndShowsTheScoreWithTheDisclaimer() {
		assertThat(mvc.post().uri("/cvd/calculator").with(supervisor()).with(csrf())
			.param("age", "91").param("sex", "male").param("ethnicity", "1").param("townsend", "0")
			.param("smokingCategory", "0").param("bmi", "twenty").param("cholesterolHdlRatio", "4")
			.param("systolicBp", "130").param("systolicBpSd", "5").param("conditions", "migraine"))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem")
			.contains("Age must be between 25 and 84")
			.contains("The BMI must be a number")
			.contains("value=\"twenty\"")
			.contains("value=\"91\"")
			.doesNotContain("id=\"qrisk3-score\"");

		double expected = Qrisk3.score(new Qrisk3Inputs(false, 60, 1, 0, 0, false, false, false, false, false, true,
				false, false, false, false, false, false, false, 25, 4, 130, 5));
		assertThat(mvc.post().uri("/cvd/calculator").with(supervisor()).with(csrf())
			.param("age", "60").param("sex", "female").param("ethnicity", "1").param("townsend", "0")
			.param("smokingCategory", "0").param("bmi", "25").param("cholesterolHdlRatio", "4")
			.param("systolicBp", "130").param("systolicBpSd", "5").param("conditions", "migraine"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"qrisk3-score\"")
			.contains(String.format("%.1f%%", expected))
			.contains("ClinRisk Ltd. stress");
	}

	// --- Worklists ---

	@Test
	void aCoordinatorsWorklistHoldsOnlyTheirSiteAndEveryPersonShownIsAudited() {
		long before = audits(coordinatorName, Worklists.PURPOSE_LIST);
		assertThat(mvc.get().uri("/cvd/worklist").with(coordinator()))
			.hasStatusOk()
			.bodyText()
			.contains("Aylesbury")
			.contains("Listed since");
		long shown = audits(coordinatorName, Worklists.PURPOSE_LIST) - before;
		assertThat(shown).isBetween(1L, (long) WorklistController.PAGE_SIZE);
		List<String> audited = jdbc.sql("""
				SELECT DISTINCT r.site_code FROM audit.record_view a JOIN cvd.person_risk r ON r.nhs_number = a.nhs_number
				WHERE a.username = ? AND a.purpose = ?""").params(coordinatorName, Worklists.PURPOSE_LIST)
			.query(String.class)
			.list();
		assertThat(audited).containsExactly("BK-AYL");
	}

	@Test
	void theCsvHasOneRowPerPersonWithTheirFindingsJoinedInUtf8WithABomAndIsAudited() throws Exception {
		long before = audits(coordinatorName, Worklists.PURPOSE_EXPORT);
		MvcTestResult result = mvc.get().uri("/cvd/worklist.csv?rule=CVD-ASSESS-5Y")
			.with(coordinator()).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.EXCEL.builder()
			.setHeader().setSkipHeaderRecord(true).get()
			.parse(new java.io.StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1)))
			.getRecords();
		long people = jdbc.sql("SELECT count(*) FROM cvd.finding WHERE rule_code = 'CVD-ASSESS-5Y' AND site_code = 'BK-AYL'")
			.query(Long.class).single();
		assertThat(records).hasSize((int) people);
		assertThat(records.stream().map(r -> r.get("nhs_number")).distinct()).hasSize((int) people);
		for (org.apache.commons.csv.CSVRecord record : records.subList(0, Math.min(50, records.size()))) {
			long findings = jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ?")
				.param(record.get("nhs_number")).query(Long.class).single();
			assertThat(record.get("findings_count")).isEqualTo(String.valueOf(findings));
			assertThat(record.get("findings").split(" \\| ")).hasSize((int) findings);
			assertThat(record.get("findings")).contains("CVD-ASSESS-5Y v1: Aged ");
			assertThat(record.get("status")).isNotBlank();
		}
		assertThat(audits(coordinatorName, Worklists.PURPOSE_EXPORT) - before).isEqualTo(people);
	}

	@Test
	void aPlaceDeliveryUserSeesTheDashboardButNoWorklist() {
		assertThat(mvc.get().uri("/cvd/dashboard").with(delivery()))
			.hasStatusOk()
			.bodyText()
			.contains("Hypertension treated to target")
			.contains("Impact scenario")
			.contains("797")
			.contains("Project&#39;s own");
		assertThat(mvc.get().uri("/cvd/dashboard?level=practice&indicator=RISK_ASSESSED&area=").with(delivery()))
			.hasStatusOk();
		assertThat(mvc.get().uri("/cvd/dashboard?level=ward&indicator=NOPE&area=XYZ").with(delivery()))
			.hasStatusOk()
			.bodyText()
			.contains("Some filters were not used", "&#39;ward&#39; is not a level", "&#39;NOPE&#39; is not an indicator",
					"There is no Place &#39;XYZ&#39;");
		assertThat(mvc.get().uri("/cvd/worklist").with(delivery()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	// --- A person's page ---

	String personIn(String site) {
		return jdbc.sql("""
				SELECT r.nhs_number FROM cvd.person_risk r WHERE r.site_code = ? AND r.status = 'ASSESSED'
				ORDER BY r.nhs_number LIMIT 1""").param(site).query(String.class).single();
	}

	@Test
	void aPersonsPageShowsTheScoreTheEntriesUsedAndTheDisclaimerAndIsAudited() throws Exception {
		String nhs = personIn("BK-AYL");
		long before = audits(coordinatorName, CvdController.PURPOSE_PERSON);
		String page = mvc.get().uri("/cvd/people/" + nhs).with(coordinator())
			.exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page)
			.contains("id=\"qrisk3-score\"")
			.contains("Record entries used")
			.contains("ClinRisk Ltd. stress");
		// The BMI entry names its code, and that code is one of the national BMI value cluster's codes.
		java.util.regex.Matcher bmi = java.util.regex.Pattern
			.compile("BMI</td>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>Observation SNOMED CT (\\d+)").matcher(page);
		assertThat(bmi.find()).isTrue();
		assertThat(CodeSets.standard().clustersOf(bmi.group(1)).contains(Cluster.BMIVAL_COD)).isTrue();
		assertThat(audits(coordinatorName, CvdController.PURPOSE_PERSON)).isEqualTo(before + 1);

		assertThat(mvc.get().uri("/cvd/people/" + personIn("OX-CTY")).with(coordinator()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/cvd/people/1234567890").with(coordinator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aBadReadingKeepsWhatWasTypedAndAGoodOneChangesTheFindingsAtOnce() {
		String nhs = jdbc.sql("""
				SELECT r.nhs_number FROM cvd.person_risk r WHERE r.site_code = 'BK-AYL' AND r.age BETWEEN 30 AND 70
				  AND NOT r.hypertension
				  AND NOT EXISTS (SELECT 1 FROM cvd.finding f WHERE f.nhs_number = r.nhs_number AND f.rule_code = 'CVD-BP-SEVERE')
				ORDER BY r.nhs_number DESC LIMIT 1""").query(String.class).single();
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/readings").with(coordinator())
			.with(csrf()).param("systolic", "90").param("diastolic", "120").param("setting", "PHARMACY")
			.param("readingDay", "31").param("readingMonth", "2").param("readingYear", "2026"))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem")
			.contains("The diastolic pressure must be lower than the systolic pressure")
			.contains("must be a real date")
			.contains("value=\"120\"");
		LocalDate tomorrow = today.plusDays(1);
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/readings").with(coordinator())
			.with(csrf()).param("systolic", "1x0").param("diastolic", "").param("setting", "CLINIC")
			.param("readingDay", String.valueOf(tomorrow.getDayOfMonth()))
			.param("readingMonth", String.valueOf(tomorrow.getMonthValue()))
			.param("readingYear", String.valueOf(tomorrow.getYear())))
			.hasStatusOk()
			.bodyText()
			.contains("The systolic pressure must be a whole number between 50 and 300", "Enter the diastolic pressure",
					"Choose where the reading was taken", "The date of the reading must be today or in the past")
			.contains("value=\"1x0\"");

		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/readings").with(coordinator())
			.with(csrf()).param("systolic", "186").param("diastolic", "100").param("setting", "HOME")
			.param("readingDay", String.valueOf(today.getDayOfMonth()))
			.param("readingMonth", String.valueOf(today.getMonthValue()))
			.param("readingYear", String.valueOf(today.getYear())))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT explanation FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-BP-SEVERE'")
			.param(nhs).query(String.class).single()).contains("186/100");
	}

	@Test
	void recordedOutreachIsListedAndATobaccoReferralTakesThePersonOffTheList() {
		String nhs = jdbc.sql("""
				SELECT nhs_number FROM cvd.finding WHERE rule_code = 'CVD-SMOKE-REFER' AND site_code = 'BK-AYL'
				ORDER BY nhs_number LIMIT 1""").query(String.class).single();
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/outreach").with(coordinator())
			.with(csrf()).param("type", "").param("outcome", "SENT").param("note", "called"))
			.hasStatusOk()
			.bodyText()
			.contains("Choose the outreach")
			.contains("Enter the outcome date")
			.contains("called");

		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/outreach").with(coordinator())
			.with(csrf()).param("type", "TOBACCO_REFERRAL").param("ruleCode", "CVD-SMOKE-REFER").param("outcome", "SENT")
			.param("day", String.valueOf(today.getDayOfMonth())).param("month", String.valueOf(today.getMonthValue()))
			.param("year", String.valueOf(today.getYear())))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-SMOKE-REFER'")
			.param(nhs).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.outreach WHERE nhs_number = ? AND type = 'TOBACCO_REFERRAL'")
			.param(nhs).query(Long.class).single()).isEqualTo(1);
	}

	// --- Personalised care adjustments ---

	@Test
	void aPersonalisedCareAdjustmentTakesThePersonOffThatRulesListUntilWithdrawn() {
		String nhs = jdbc.sql("""
				SELECT nhs_number FROM cvd.finding WHERE rule_code = 'CVD-SMOKE-REFER' AND site_code = 'BK-AYL'
				ORDER BY nhs_number DESC LIMIT 1""").query(String.class).single();
		var coordinator = coordinator();
		LocalDate today = LocalDate.now(PersonEvaluation.UK);

		// nothing chosen, a date in the past: errors, and what was typed is kept
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments").with(coordinator).with(csrf())
			.param("adjustmentRule", "").param("adjustmentReason", "").param("reviewDay", "1")
			.param("reviewMonth", "1").param("reviewYear", "2020").param("adjustmentNote", "Discussed at the clinic"))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Choose the rule the adjustment is for", "Choose the reason",
					"The review date must be after today", "Discussed at the clinic");
		// maximum tolerated therapy is no reason to leave the smoking list
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments").with(coordinator).with(csrf())
			.param("adjustmentRule", "CVD-SMOKE-REFER").param("adjustmentReason", "MAXIMUM_TOLERATED"))
			.hasStatusOk()
			.bodyText()
			.containsPattern("&#39;[^&<]+&#39; does not apply to Smoker without a tobacco dependency referral");
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.care_adjustment WHERE nhs_number = ?").param(nhs)
			.query(Long.class).single()).isZero();

		// declined, no review date given: 12 months
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments").with(coordinator).with(csrf())
			.param("adjustmentRule", "CVD-SMOKE-REFER").param("adjustmentReason", "DECLINED")
			.param("adjustmentNote", "Not ready to quit; revisit next year"))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT review_date FROM cvd.care_adjustment WHERE nhs_number = ?").param(nhs)
			.query(LocalDate.class).single()).isEqualTo(today.plusMonths(12));
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-SMOKE-REFER'")
			.param(nhs).query(Long.class).single()).isZero();
		assertThat(mvc.get().uri("/cvd/people/" + nhs).with(coordinator))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"excepted\"", "Declined (informed dissent)", "Not ready to quit; revisit next year",
					"In force until " + today.plusMonths(12).getDayOfMonth() + " ")
			.containsPattern("In force until \\d+ \\p{L}+ " + today.plusMonths(12).getYear());

		// withdrawn: listed again at once, the adjustment kept as a record
		String id = jdbc.sql("SELECT id::text FROM cvd.care_adjustment WHERE nhs_number = ?").param(nhs)
			.query(String.class).single();
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments/" + id + "/withdraw").with(coordinator)
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-SMOKE-REFER'")
			.param(nhs).query(Long.class).single()).isEqualTo(1);
		assertThat(mvc.get().uri("/cvd/people/" + nhs).with(coordinator))
			.hasStatusOk()
			.bodyText()
			.contains("Withdrawn by coordinator")
			.doesNotContain("id=\"excepted\"");
		// a second withdrawal changes nothing; someone else's scope may not
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments/" + id + "/withdraw").with(coordinator)
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/cvd/people/" + nhs + "/adjustments").with(oxfordCoordinator()).with(csrf()).param("adjustmentRule", "CVD-SMOKE-REFER")
			.param("adjustmentReason", "DECLINED")).hasStatus(HttpStatus.FORBIDDEN);
	}

	// --- Refresh ---

	@Test
	void theRefreshPageHasNoMetaRefreshAndItsProgressIsPolledIntoAPoliteLiveRegion() throws Exception {
		long runId = jdbc.sql("SELECT max(id) FROM cvd.refresh_run").query(Long.class).single();
		long[] kept = jdbc.sql("SELECT processed, total FROM cvd.refresh_run WHERE id = ?").param(runId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		// the last run, whatever this test database's other tests started, as one a supervisor started on demand
		String[] trigger = jdbc.sql("SELECT trigger, started_by FROM cvd.refresh_run WHERE id = ?").param(runId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		String page;
		try {
			jdbc.sql("UPDATE cvd.refresh_run SET trigger = 'ON_DEMAND', started_by = 'supervisor-oxon' WHERE id = ?")
				.param(runId).update();
			page = mvc.get().uri("/cvd/refresh").with(supervisor()).exchange()
				.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		finally {
			jdbc.sql("UPDATE cvd.refresh_run SET trigger = ?, started_by = ? WHERE id = ?")
				.params(trigger[0], trigger[1], runId).update();
		}
		assertThat(page).doesNotContain("http-equiv=\"refresh\"")
			.contains("id=\"refresh-announcer\"", "aria-live=\"polite\"", "htmx.min.js");
		assertThat(page).containsPattern("id=\"run-trigger\">[^<]*on demand by supervisor-oxon");
		// a running refresh: the fragment polls itself and says each new tenth once
		jdbc.sql("UPDATE cvd.refresh_run SET status = 'RUNNING', processed = 41000, total = 100000 WHERE id = ?")
			.param(runId).update();
		try {
			assertThat(mvc.get().uri("/cvd/refresh/progress?announced=3").with(supervisor()))
				.hasStatusOk().bodyText()
				.contains("hx-trigger=\"every 2s\"", "announced=4", "hx-swap-oob", "Refresh 40% done: 41,000 of 100,000 people.",
						"41,000 of 100,000 people (41%)")
				.doesNotContain("<html");
			assertThat(mvc.get().uri("/cvd/refresh/progress?announced=4").with(supervisor()))
				.hasStatusOk().bodyText().doesNotContain("hx-swap-oob");
		}
		finally {
			jdbc.sql("UPDATE cvd.refresh_run SET status = 'COMPLETED', processed = ?, total = ? WHERE id = ?")
				.params(kept[0], kept[1], runId).update();
		}
		assertThat(mvc.get().uri("/cvd/refresh/progress?announced=4").with(supervisor()))
			.hasStatusOk().bodyText().contains("Refresh complete").doesNotContain("hx-trigger");
	}

	@Test
	void theImpactScenarioTakesAnUptakePerInterventionAndPlaceAndSaysWhatItCouldNotUse() {
		assertThat(mvc.get().uri("/cvd/dashboard?impactPlace=14Y&uptake-statin-primary=80&uptake-blood-pressure=abc")
			.with(delivery()))
			.hasStatusOk()
			.bodyText()
			.contains("Uptake for Blood pressure treatment", "must be a whole percentage from 0 to 100",
					"value=\"abc\"", "value=\"80\"", "TIAs avoided", "BOB Primary Care Strategy (draft, January 2024)",
					"<option value=\"14Y\" selected=\"selected\"");
	}

	@Test
	void onlySupervisorsAndAdministratorsStartARefresh() {
		assertThat(mvc.get().uri("/cvd/refresh").with(coordinator()))
			.hasStatusOk()
			.bodyText()
			.contains("Population refresh")
			.doesNotContain("id=\"start-refresh\"");
		assertThat(mvc.post().uri("/cvd/refresh").with(coordinator()).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void csvFormulasAreNeutralised() {
		assertThat(WorklistCsv.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(WorklistCsv.safe("-1")).isEqualTo("'-1");
		assertThat(WorklistCsv.safe("Aged 50, no test")).isEqualTo("Aged 50, no test");
		assertThat(within(0.1)).isNotNull();
	}

}
