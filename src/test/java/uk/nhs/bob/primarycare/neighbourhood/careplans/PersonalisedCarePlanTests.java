package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The personalised care and support planning parts of a plan: edited with validation, shown on the plan, kept
 * through the field-by-field merge and the version history, the person's own copy and sending it to them.
 */
@IntegrationTest
class PersonalisedCarePlanTests {

	static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	Caseload caseload;

	@Autowired
	CaseloadEntryRepository entries;

	@Autowired
	PlanDocuments documents;

	static RequestPostProcessor member() {
		return user("neighbourhood").roles("INT_MEMBER");
	}

	CaseloadEntry entry(int skip) {
		Team team = NeighbourhoodTestData.oxfordTeam(teams, definitions);
		Candidates.Candidate candidate = NeighbourhoodTestData.candidate(candidates, team, skip);
		return caseload.add(team, new NhsNumber(candidate.nhsNumber()), candidate.profile().practiceCode(), "test",
				null, "neighbourhood");
	}

	@Test
	void theStandardsFieldsAreSavedShownAndInTheHistory() {
		CaseloadEntry entry = entry(8);
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		String today = TYPED.format(LocalDate.now());
		assertThat(mvc.post().uri(plan).param("version", "0").param("whatMatters", "Stay at home")
			.param("consentToShare", "YES").param("sharedWith", "GP practice and district nurses")
			.param("agreedWith", "CARER").param("agreedOn", today)
			.param("carers[0].name", "Ann Example").param("carers[0].role", "CARER_AND_NEXT_OF_KIN")
			.param("carers[0].relationship", "Daughter").param("carers[0].contact", "07700 900123")
			.param("advanceCarePlan", "YES").param("respect", "YES").param("careDocumentsHeld", "GP record")
			.param("frailtyScore", "6").param("frailtyJudgedOn", today)
			.with(member()).with(csrf())).hasStatus3xxRedirection();
		PersonalisedCare care = documents.content(entries.findById(entry.getId()).orElseThrow()).care();
		assertThat(care.consent()).isEqualTo(new PersonalisedCare.Consent(ConsentToShare.YES,
				"GP practice and district nurses"));
		assertThat(care.agreement()).isEqualTo(new PersonalisedCare.Agreement(AgreedWith.CARER, LocalDate.now()));
		assertThat(care.carers()).singleElement().satisfies(c -> {
			assertThat(c.name()).isEqualTo("Ann Example");
			assertThat(c.role()).isEqualTo(CarerRole.CARER_AND_NEXT_OF_KIN);
		});
		assertThat(care.frailtyScale().score()).isEqualTo(ClinicalFrailtyScale.MODERATE);
		assertThat(care.frailtyScale().confirmedBy()).as("the server names who confirmed it").isEqualTo("neighbourhood");
		assertThat(mvc.get().uri(plan).with(member())).hasStatusOk()
			.bodyText()
			.contains("Agreed to share with: GP practice and district nurses", "Their carer on",
					"Ann Example (Carer and next of kin, Daughter): 07700 900123",
					"Has an advance care plan or ReSPECT form", "Held: GP record",
					"6: Living with moderate frailty, confirmed by neighbourhood",
					"Consent to share: Not recorded to Agreed to share: GP practice and district nurses",
					"Carer or next of kin added: Ann Example");
		// the edit form brings the values back, and the version page shows them in full
		assertThat(mvc.get().uri(plan + "/edit").with(member())).hasStatusOk()
			.bodyText()
			.contains("GP practice and district nurses", "Ann Example");
		assertThat(mvc.get().uri(plan + "/versions/2").with(member())).hasStatusOk()
			.bodyText()
			.contains("Agreed to share with: GP practice and district nurses");
		assertThat(mvc.get().uri(plan + "/compare?from=1&to=2").with(member())).hasStatusOk()
			.bodyText()
			.contains("Clinical Frailty Scale", "Advance care plan and ReSPECT");
	}

	@Test
	void badInputIsShownOnTheFieldsWithWhatWasTypedAndNothingIsSaved() {
		CaseloadEntry entry = entry(9);
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		assertThat(mvc.post().uri(plan).param("version", "0").param("whatMatters", "Stay at home")
			.param("consentToShare", "YES").param("sharedWith", "")
			.param("agreedWith", "PERSON").param("agreedOn", TYPED.format(LocalDate.now().plusDays(3)))
			.param("carers[0].name", "Bob Typed").param("carers[0].role", "CARER")
			.param("carers[0].relationship", "Son").param("carers[0].contact", "")
			.param("advanceCarePlan", "YES").param("respect", "MAYBE").param("careDocumentsHeld", "")
			.param("frailtyScore", "10").param("frailtyJudgedOn", "31/2/2026")
			.with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter who the person agreed their plan can be shared with",
					"Date agreed must be a real date in the last 2 years, not in the future",
					"Enter how to contact carer or next of kin 1", "Choose whether the person has a ReSPECT form",
					"Enter where the advance care plan or ReSPECT form is held",
					"Choose a Clinical Frailty Scale score from 1 to 9",
					"Date of the Clinical Frailty Scale judgement must be a real date", "Bob Typed", "Stay at home");
		CaseloadEntry after = entries.findById(entry.getId()).orElseThrow();
		assertThat(after.getVersion()).isZero();
		assertThat(documents.content(after).care()).isEqualTo(PersonalisedCare.NONE);
	}

	@Test
	void twoEditsMergeFieldByFieldAndABothChangedScoreIsAConflict() {
		CaseloadEntry entry = entry(10);
		PlanContent base = documents.content(entry);
		PersonalisedCare.Carer carer = new PersonalisedCare.Carer("c1", "Ann Example", CarerRole.CARER, "Daughter",
				"07700 900123");
		PlanContent a = base.withCare(new PersonalisedCare(new PersonalisedCare.Consent(ConsentToShare.NO, ""), null,
				List.of(), PersonalisedCare.AdvanceCarePlan.NOT_RECORDED, null));
		caseload.savePlan(entry.getId(), 0, a, "member-a");
		PlanContent b = base.withCare(new PersonalisedCare(PersonalisedCare.Consent.NOT_RECORDED, null, List.of(carer),
				PersonalisedCare.AdvanceCarePlan.NOT_RECORDED, null));
		Caseload.SaveOutcome merged = caseload.savePlan(entry.getId(), 0, null, b, Map.of(), "member-b");
		PersonalisedCare care = documents.content(merged.entry()).care();
		assertThat(care.consent().answer()).as("A's consent kept").isEqualTo(ConsentToShare.NO);
		assertThat(care.carers()).extracting(PersonalisedCare.Carer::name).as("B's carer kept").containsExactly("Ann Example");

		long version = merged.entry().getVersion();
		PlanContent current = documents.content(merged.entry());
		caseload.savePlan(entry.getId(), version, current.withCare(scale(care, ClinicalFrailtyScale.MILD)), "member-a");
		assertThatExceptionOfType(Caseload.MergeConflict.class)
			.isThrownBy(() -> caseload.savePlan(entry.getId(), version, null,
					current.withCare(scale(care, ClinicalFrailtyScale.SEVERE)), Map.of(), "member-b"))
			.satisfies(ex -> assertThat(ex.conflicts()).extracting(PlanMerge.Conflict::label)
				.containsExactly("Clinical Frailty Scale"));
	}

	private static PersonalisedCare scale(PersonalisedCare care, ClinicalFrailtyScale score) {
		return new PersonalisedCare(care.consent(), care.agreement(), care.carers(), care.advanceCarePlan(),
				new PersonalisedCare.FrailtyScale(score, "", LocalDate.now()));
	}

	@Test
	void thePersonsCopyIsAPlainAuditedPageAndSendingItMakesOneMessagePerRequest() {
		CaseloadEntry entry = entry(11);
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		assertThat(mvc.get().uri(plan + "/copy").with(member())).hasStatusOk()
			.bodyText()
			.contains("Your care and support plan", "What matters to me", "About this plan");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = 'neighbourhood' AND page = ?")
			.param("INT care plan: the person's copy")
			.query(Long.class)
			.single()).isPositive();
		assertThat(mvc.get().uri(plan + "/copy").with(user("neighbourhood-bucks").roles("INT_MEMBER")))
			.hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);

		// not agreed yet: nothing is sent
		assertThat(mvc.post().uri(plan + "/send-copy").with(member()).with(csrf())).hasStatus3xxRedirection()
			.flash()
			.containsEntry("stale", "Agree the plan with the person before sending them a copy");
		PersonalisedCare care = new PersonalisedCare(PersonalisedCare.Consent.NOT_RECORDED, null,
				List.of(new PersonalisedCare.Carer("c1", "Ann Example", CarerRole.CARER, "Daughter", "07700 900123")),
				PersonalisedCare.AdvanceCarePlan.NOT_RECORDED, null);
		CaseloadEntry saved = caseload.savePlan(entry.getId(), 0, new PlanContent("Home", List.of(
				new PlanContent.Goal("g1", "Walk", LocalDate.now().plusMonths(2), GoalStatus.PROPOSED)), List.of(), "",
				LocalDate.now().plusMonths(3)).withCare(care), "neighbourhood");
		caseload.changeStatus(entry.getId(), saved.getVersion(), CaseloadStatus.PLAN_AGREED, "neighbourhood");
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post().uri(plan + "/send-copy").with(member()).with(csrf())).hasStatus3xxRedirection();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT count(*) FROM messaging.message WHERE kind = 'CARE_PLAN_COPY' AND nhs_number = ?")
			.param(entry.getNhsNumber())
			.query(Long.class)
			.single() == 2);
		// the copy carries the plan's personalised care and support planning parts
		assertThat(jdbc.sql("SELECT personalisation::text FROM messaging.message WHERE kind = 'CARE_PLAN_COPY' AND nhs_number = ?")
			.param(entry.getNhsNumber())
			.query(String.class)
			.list()).allSatisfy(fields -> assertThat(fields).contains("Ann Example (Carer, Daughter, 07700 900123)",
					"Sharing this plan: "));
		assertThat(mvc.post().uri(plan + "/send-copy").with(user("neighbourhood-bucks").roles("INT_MEMBER"))
			.with(csrf())).hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
	}

}
