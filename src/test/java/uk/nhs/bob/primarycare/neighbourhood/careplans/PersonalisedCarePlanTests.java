package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The personalised care and support planning parts of a plan: edited with validation, shown on the plan, kept
 * through the field-by-field merge and the version history, for a person on the caseload of the test's own team.
 * (The person's own copy and sending it to them, which needs the messaging module, is
 * {@code messaging.CarePlanCopyMessageTests}.)
 */
@NeighbourhoodModuleTest
class PersonalisedCarePlanTests {

	static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Caseload caseload;

	@Autowired
	CaseloadEntryRepository entries;

	@Autowired
	PlanDocuments documents;

	NeighbourhoodTestData.TeamOfItsOwn team;

	@BeforeEach
	void aTeamOfItsOwn() {
		team = NeighbourhoodTestData.teamOfItsOwn(context);
	}

	RequestPostProcessor member() {
		return team.member();
	}

	@Test
	void theStandardsFieldsAreSavedShownAndInTheHistory() {
		CaseloadEntry entry = team.entry();
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
		assertThat(care.frailtyScale().confirmedBy()).as("the server names who confirmed it").isEqualTo(team.memberName());
		assertThat(mvc.get().uri(plan).with(member())).hasStatusOk()
			.bodyText()
			.contains("Agreed to share with: GP practice and district nurses", "Their carer on",
					"Ann Example (Carer and next of kin, Daughter): 07700 900123",
					"Has an advance care plan or ReSPECT form", "Held: GP record",
					"6: Living with moderate frailty, confirmed by " + team.memberName(),
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
		CaseloadEntry entry = team.entry();
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
		CaseloadEntry entry = team.entry();
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

}
