package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Person search and summary on the population's generated people with real security. Each test makes its own staff:
 * a coordinator in the Aylesbury neighbourhood (practices K82901-K82906), one in Oxford City, and others.
 */
@PopulationModuleTest
class PeopleControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** A coordinator of the Aylesbury neighbourhood, made for each test, and their username. */
	String coordinatorName;

	RequestPostProcessor coordinator;

	RequestPostProcessor oxfordCoordinator;

	RequestPostProcessor admin;

	RequestPostProcessor delivery;

	RequestPostProcessor supervisor;

	@BeforeEach
	void staff() {
		coordinatorName = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		coordinator = user(coordinatorName).roles(Role.CARE_COORDINATOR.name());
		oxfordCoordinator = IdentityFixtures.signedIn(context, "coordinator-oxon", Role.CARE_COORDINATOR,
				OrganisationScope.site("OX-CTY"));
		admin = IdentityFixtures.signedIn(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		delivery = IdentityFixtures.signedIn(context, "delivery", Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
		supervisor = IdentityFixtures.signedIn(context, "supervisor", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place("14Y"));
	}

	private record Someone(String nhsNumber, String familyName, LocalDate dateOfBirth, String postcode) {
	}

	private Someone registeredAt(String practice) {
		return jdbc.sql("""
				SELECT nhs_number, family_name, date_of_birth, postcode FROM population.person
				WHERE registered_practice = ? ORDER BY nhs_number LIMIT 1""")
			.param(practice)
			.query((rs, i) -> new Someone(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4)))
			.single();
	}

	private static String spaced(String nhsNumber) {
		return new NhsNumber(nhsNumber).formatted();
	}

	@Test
	void searchByNhsNumberWithSpacesFindsAPersonInScope() {
		Someone person = registeredAt("K82901");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("nhsNumber", spaced(person.nhsNumber()))
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("/population/people/" + person.nhsNumber())
			.contains(spaced(person.nhsNumber()));
	}

	@Test
	void searchByFamilyNameAndDateOfBirthFindsAPersonInScope() {
		Someone person = registeredAt("K82902");
		LocalDate dob = person.dateOfBirth();
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("familyName", person.familyName().toLowerCase())
			.param("day", String.valueOf(dob.getDayOfMonth()))
			.param("month", String.valueOf(dob.getMonthValue()))
			.param("year", String.valueOf(dob.getYear()))
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("/population/people/" + person.nhsNumber());
		// narrowed by postcode, typed in any case and spacing
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("familyName", person.familyName())
			.param("day", String.valueOf(dob.getDayOfMonth()))
			.param("month", String.valueOf(dob.getMonthValue()))
			.param("year", String.valueOf(dob.getYear()))
			.param("postcode", person.postcode().replace(" ", "").toLowerCase())
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("/population/people/" + person.nhsNumber());
	}

	@Test
	void searchDoesNotShowPeopleOutsideTheUsersScope() {
		Someone oxford = registeredAt("K84901");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("nhsNumber", oxford.nhsNumber())
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("No one in your scope matches")
			.doesNotContain("/population/people/" + oxford.nhsNumber());
	}

	@Test
	void anInvalidNhsNumberShowsAMessageAndKeepsTheInput() {
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("nhsNumber", "943 476 5918")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("There is a problem")
			.contains("Enter a valid NHS number")
			.contains("value=\"943 476 5918\"");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("nhsNumber", "12345")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("NHS number must be 10 digits");
	}

	@Test
	void errorsAreListedInTheOrderOfTheFieldsAndTheEmptyFormShowsNone() throws Exception {
		String body = mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("postcode", "not a postcode")
			.param("year", "2030")
			.with(coordinator)
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String summary = body.substring(body.indexOf("nhsuk-error-summary__list"));
		int name = summary.indexOf("Enter a family name");
		int date = summary.indexOf("Date of birth must include a day, month and year");
		int postcode = summary.indexOf("Enter a real postcode, like OX3 9DU");
		assertThat(name).isNotNegative();
		assertThat(date).isGreaterThan(name);
		assertThat(postcode).isGreaterThan(date);
		assertThat(mvc.get().uri("/population/people").with(coordinator))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("There is a problem");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("familyName", "Smith")
			.param("day", "1")
			.param("month", "1")
			.param("year", Integer.toString(LocalDate.now().getYear() + 1))
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Date of birth must be today or in the past");
	}

	@Test
	void anInvalidDateOrMissingFieldsShowAMessage() {
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("familyName", "Smith")
			.param("day", "31")
			.param("month", "2")
			.param("year", "1980")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("There is a problem")
			.contains("Date of birth must be a real date")
			.contains("value=\"Smith\"")
			.contains("value=\"31\"");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("day", "1")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Enter a family name")
			.contains("Date of birth must include a day, month and year");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Enter an NHS number, or a family name and date of birth");
		assertThat(mvc.get()
			.uri("/population/people")
			.param("search", "1")
			.param("familyName", "Smith")
			.param("day", "1")
			.param("month", "2")
			.param("year", "1950")
			.param("postcode", "not a postcode")
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Enter a real postcode, like OX3 9DU")
			.contains("value=\"not a postcode\"");
	}

	@Test
	void theSummaryShowsTheRecordAndWritesExactlyOneAuditEntry() {
		Someone person = registeredAt("K82903");
		long before = auditRows(person.nhsNumber());
		assertThat(mvc.get()
			.uri("/population/people/" + person.nhsNumber())
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains(spaced(person.nhsNumber()))
			.contains("Deprivation")
			.contains("Registered practice")
			.contains("Bierton Road Practice")
			.contains("Blood pressure")
			.contains("Medications")
			.contains("Hospital admissions");
		assertThat(auditRows(person.nhsNumber())).isEqualTo(before + 1);
		String purpose = jdbc.sql("""
				SELECT purpose FROM audit.record_view WHERE nhs_number = ? AND username = ?
				ORDER BY id DESC LIMIT 1""").params(person.nhsNumber(), coordinatorName).query(String.class).single();
		assertThat(purpose).isEqualTo(PeopleController.PURPOSE);
	}

	/**
	 * The summary is kept as rendered markup by everything it shows: a reading added to the record (as another instance
	 * or an import would) shows on the next view, and every view, kept or not, is audited.
	 */
	@Test
	void aChangeToTheRecordShowsOnTheNextViewAndEveryViewIsAudited() {
		Someone person = registeredAt("K82905");
		String page = "/population/people/" + person.nhsNumber();
		long before = auditRows(person.nhsNumber());
		for (int view = 0; view < 2; view++) {
			assertThat(mvc.get().uri(page).with(coordinator)).hasStatusOk()
				.bodyText()
				.contains(spaced(person.nhsNumber()), "Blood pressure")
				.doesNotContain("187/117");
		}
		try {
			jdbc.sql("""
					INSERT INTO population.observation (nhs_number, line, code, value, unit, observed_on, setting)
					SELECT ?, coalesce(max(line), 0) + 1, '72313002', 187, 'mmHg', current_date, 'CLINIC'
					FROM population.observation WHERE nhs_number = ?""")
				.params(person.nhsNumber(), person.nhsNumber())
				.update();
			jdbc.sql("""
					INSERT INTO population.observation (nhs_number, line, code, value, unit, observed_on, setting)
					SELECT ?, max(line) + 1, '1091811000000102', 117, 'mmHg', current_date, 'CLINIC'
					FROM population.observation WHERE nhs_number = ?""")
				.params(person.nhsNumber(), person.nhsNumber())
				.update();
			assertThat(mvc.get().uri(page).with(coordinator)).hasStatusOk().bodyText().contains("187/117");
		}
		finally {
			// the reading is this test's own: the other modules' tests read the same generated people
			jdbc.sql("""
					DELETE FROM population.observation
					WHERE nhs_number = ? AND observed_on = current_date AND value IN (187, 117)""")
				.param(person.nhsNumber())
				.update();
		}
		assertThat(auditRows(person.nhsNumber())).as("one audit row for each of the three views").isEqualTo(before + 3);
	}

	/**
	 * Someone in the Aylesbury neighbourhood with exactly one code from the national CHD cluster (codes read from the
	 * published file) sees the CHD register with that code, its term and its date on their summary.
	 */
	@Test
	void theSummaryShowsTheRegistersWithTheCodeTermAndDateThatPutThePersonOnThem() {
		String[] chd = uk.nhs.bob.primarycare.terminology.CodeSetFiles
			.codes("nhsd-primary-care-domain-refsets-chd_cod.csv")
			.toArray(String[]::new);
		record Entry(String nhsNumber, String code, String term, LocalDate onset) {
		}
		Entry entry = jdbc.sql("""
				SELECT pr.nhs_number, min(pr.code), min(pr.term), min(pr.onset_date) FROM population.problem pr
				JOIN population.person p ON p.nhs_number = pr.nhs_number
				WHERE p.registered_practice BETWEEN 'K82901' AND 'K82906' AND pr.code = ANY(?)
				GROUP BY pr.nhs_number HAVING count(*) = 1 ORDER BY pr.nhs_number LIMIT 1""")
			.param(chd)
			.query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.single();
		assertThat(mvc.get()
			.uri("/population/people/" + entry.nhsNumber())
			.with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("id=\"registers\"", "Coronary heart disease", "(CHD)",
					org.springframework.web.util.HtmlUtils.htmlEscape(entry.term()), "SNOMED CT " + entry.code(),
					entry.onset().getDayOfMonth() + " ")
			.containsPattern(entry.onset().getDayOfMonth() + " \\p{L}+ " + entry.onset().getYear());
	}

	@Test
	void aPersonOutsideTheUsersScopeIsForbiddenAndTheRefusalAudited() {
		Someone oxford = registeredAt("K84902");
		long before = auditRows(oxford.nhsNumber());
		assertThat(mvc.get()
			.uri("/population/people/" + oxford.nhsNumber())
			.with(coordinator)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(auditRows(oxford.nhsNumber())).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT outcome FROM audit.record_view WHERE nhs_number = ? ORDER BY id DESC LIMIT 1")
			.param(oxford.nhsNumber())
			.query(String.class)
			.single()).isEqualTo("REFUSED");
		assertThat(mvc.get()
			.uri("/population/people/" + oxford.nhsNumber())
			.with(oxfordCoordinator)).hasStatusOk();
	}

	@Test
	void unknownOrMalformedNhsNumbersAreNotFound() {
		assertThat(mvc.get().uri("/population/people/9434765918").with(admin))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/population/people/not-a-number").with(admin))
			.hasStatus(HttpStatus.NOT_FOUND);
		// valid check digit, but nobody has it
		assertThat(mvc.get().uri("/population/people/9434765919").with(admin))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anonymousUsersAreSentToSignIn() {
		assertThat(mvc.get().uri("/population/people")).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/login");
		Someone person = registeredAt("K82901");
		assertThat(mvc.get().uri("/population/people/" + person.nhsNumber())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/login");
	}

	@Test
	void placeDeliveryUsersCannotSearchOrOpenPeople() {
		Someone person = registeredAt("K81901");
		assertThat(mvc.get().uri("/population/people").with(delivery))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get()
			.uri("/population/people/" + person.nhsNumber())
			.with(delivery)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theSearchPageStartsEmpty() {
		assertThat(mvc.get().uri("/population/people").with(supervisor))
			.hasStatusOk()
			.bodyText()
			.contains("Find a person")
			.doesNotContain("There is a problem");
	}

	private long auditRows(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ?")
			.param(nhsNumber)
			.query(Long.class)
			.single();
	}

}
