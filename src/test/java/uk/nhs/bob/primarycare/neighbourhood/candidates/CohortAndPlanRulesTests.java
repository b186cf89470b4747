package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.careplans.ActionStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Snapshot;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanDocuments;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyRegister;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Cohort definitions (every criterion set must hold), the dismissal fingerprint and the plan's change history. */
class CohortAndPlanRulesTests {

	static Candidates.Profile profile(@Nullable FrailtyCategory category, int conditions, int admissions,
			int quintile) {
		return new Candidates.Profile(new NhsNumber("9990000018"), new OdsCode("K84001"), 80, quintile, category == null ? null : 9, category,
				List.of(), conditions, admissions, admissions > 0 ? LocalDate.now().minusMonths(2) : null, "fp", "v1", 0,
				null, java.util.Set.of());
	}

	@ParameterizedTest(name = "attendances={0} registers={1} -> {2}")
	@CsvSource({ "2, DEM, true", "3, DEM;HF, true", "1, DEM, false", "2, HF, false", "0, '', false" })
	void aeAttendancesAndARegister(int attendances, String registers, boolean expected) {
		CohortCriteria criteria = new CohortCriteria("Dementia, frequent A&E", null, null, false, null, 2,
				uk.nhs.bob.primarycare.population.Register.DEM);
		java.util.Set<uk.nhs.bob.primarycare.population.Register> on = registers.isEmpty() ? java.util.Set.of()
				: java.util.Arrays.stream(registers.split(";"))
					.map(uk.nhs.bob.primarycare.population.Register::valueOf)
					.collect(java.util.stream.Collectors.toSet());
		Candidates.Profile profile = new Candidates.Profile(new NhsNumber("9990000018"), new OdsCode("K84001"), 70, 3, null, null, List.of(), 1, 0,
				null, "fp", "v1", attendances, attendances > 0 ? LocalDate.now().minusMonths(1) : null, on);
		assertThat(criteria.matches(profile)).isEqualTo(expected);
		assertThat(criteria.describe()).containsExactly("2 or more A&E attendances in the last 12 months",
				"On the Dementia register (DEM)");
	}

	@ParameterizedTest(name = "{0} conditions={1} admissions={2} quintile={3} -> {4}")
	@CsvSource(nullValues = "null", value = { "MODERATE, 0, 0, 5, true", "SEVERE, 0, 0, 5, true",
			"MILD, 0, 0, 5, false", "null, 9, 3, 1, false" })
	void moderateOrSevereFrailty(@Nullable FrailtyCategory category, int conditions, int admissions, int quintile,
			boolean expected) {
		CohortCriteria criteria = new CohortCriteria("Frailty", FrailtyCategory.MODERATE, null, false, null);
		assertThat(criteria.matches(profile(category, conditions, admissions, quintile))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "conditions={0} admissions={1} quintile={2} -> {3}")
	@CsvSource({ "3, 1, 1, true", "4, 2, 2, true", "2, 1, 1, false", "3, 0, 1, false", "3, 1, 3, false" })
	void threeConditionsWithAnAdmissionInTheMostDeprived40Percent(int conditions, int admissions, int quintile,
			boolean expected) {
		CohortCriteria criteria = new CohortCriteria("Complex", null, 3, true, 2);
		assertThat(criteria.matches(profile(FrailtyCategory.FIT, conditions, admissions, quintile))).isEqualTo(expected);
	}

	@Test
	void criteriaAreDescribedInWords() {
		assertThat(new CohortCriteria("x", FrailtyCategory.MODERATE, 3, true, 1).describe()).containsExactly(
				"Moderate frailty or worse (eFI, people 65 and over)", "3 or more long-term conditions",
				"An unplanned admission in the last 12 months",
				"Living in the most deprived 20% of areas (IMD quintile 1, Core20)");
	}

	@Test
	void theCohortFormNeedsACriterionOtherThanDeprivation() {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			assertThat(validator.validate(new TeamForms.CohortForm("Core20 only", "", "", false, "1", "0")))
				.singleElement()
				.satisfies(problem -> {
					assertThat(problem.getPropertyPath()).hasToString("minimumFrailty");
					assertThat(problem.getMessage()).contains("deprivation alone");
				});
			assertThat(validator.validate(new TeamForms.CohortForm("Fit", "FIT", "", false, "", "0")))
				.singleElement()
				.satisfies(problem -> {
					assertThat(problem.getPropertyPath()).hasToString("minimumFrailty");
					assertThat(problem.getMessage()).isEqualTo("Choose mild, moderate or severe frailty");
				});
			assertThat(validator.validate(new TeamForms.CohortForm("Frail", "MODERATE", "", false, "1", "0")))
				.as("frailty and deprivation together are a cohort")
				.isEmpty();
		}
	}

	@Test
	void theFingerprintChangesWithAnyQualifyingFactAndOnlyThen() {
		LocalDate admitted = LocalDate.of(2026, 5, 1);
		String base = FrailtyRegister.fingerprint("1,10,20", 3, 1, admitted, 2, 0, null);
		assertThat(FrailtyRegister.fingerprint("1,10,20", 3, 1, admitted, 2, 0, null)).isEqualTo(base);
		assertThat(FrailtyRegister.fingerprint("1,10,20,33", 3, 1, admitted, 2, 0, null)).isNotEqualTo(base);
		assertThat(FrailtyRegister.fingerprint("1,10,20", 4, 1, admitted, 2, 0, null)).isNotEqualTo(base);
		assertThat(FrailtyRegister.fingerprint("1,10,20", 3, 2, admitted.plusDays(40), 2, 0, null)).isNotEqualTo(base);
		assertThat(FrailtyRegister.fingerprint("1,10,20", 3, 1, admitted, 1, 0, null)).isNotEqualTo(base);
		assertThat(FrailtyRegister.fingerprint("1,10,20", 3, 1, admitted, 2, 1, admitted)).as("an A&E attendance")
			.isNotEqualTo(base);
	}

	@Test
	void theHistorySaysWhatChangedInWords() {
		UUID nurse = UUID.randomUUID();
		LocalDate day = LocalDate.of(2027, 3, 27);
		PlanContent before = new PlanContent("Home", List.of(new Goal("g1", "Walk", day, GoalStatus.PROPOSED),
				new Goal("g2", "Sleep", day, GoalStatus.PROPOSED)),
				List.of(new PlanAction("a1", "Falls check", nurse, null, day, ActionStatus.NOT_STARTED, null)), "",
				null);
		PlanContent after = new PlanContent("Home and garden",
				List.of(new Goal("g1", "Walk", day.plusDays(7), GoalStatus.IN_PROGRESS),
						new Goal("g3", "Choir", day, GoalStatus.PROPOSED)),
				List.of(new PlanAction("a1", "Falls check", null, "Age UK", day, ActionStatus.DONE, null)), "Call 111",
				day);
		List<String> changes = PlanDocuments.changes(new Snapshot(CaseloadStatus.IDENTIFIED, null, before),
				new Snapshot(CaseloadStatus.ASSESSED, nurse, after), id -> id == null ? "none" : "Ruth");
		assertThat(changes).containsExactlyInAnyOrder("Status: Identified to Assessed", "Keyworker: none to Ruth",
				"What matters to me changed", "Contingency and crisis plan changed",
				"Next review date: none to 27 Mar 2027",
				"Goal changed (target date 27 Mar 2027 to 3 Apr 2027, status Proposed to In progress): Walk",
				"Goal added: Choir", "Goal removed: Sleep", "Action changed (owner, status Not started to Done): Falls check");
	}

	@ParameterizedTest
	@CsvSource({ "27/3/2027, 2027-03-27", "1/1/2027, 2027-01-01", "27-3-2027, 2027-03-27", "2027-03-27, 2027-03-27" })
	void datesAreTypedDayMonthYear(String typed, LocalDate expected) {
		assertThat(PlanText.parse(typed)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "31/2/2027", "soon", "13/13/2027", "0/1/2027" })
	void impossibleDatesAreRefused(String typed) {
		assertThat(PlanText.parse(typed)).isEmpty();
	}

}
