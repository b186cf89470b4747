package uk.nhs.bob.primarycare.triage;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import uk.nhs.bob.primarycare.triage.Navigation.SuggestedDisposition;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule pack's boundaries, pathway by pathway, as docs/triage.md states them (Pharmacy First, minor eye conditions,
 * red flags). Each row: the inputs, the recommended disposition and the rule that must have decided it.
 */
class NavigationEngineTests {

	static final NavigationEngine ENGINE = new NavigationEngine(NavigationRulePack.load());

	/** Blank CSV cells are unanswered questions; red flags are separated by spaces. */
	static NavigationInput input(int age, String sex, String problem, @Nullable String redFlags,
			@Nullable Boolean pregnant, @Nullable Boolean immunosuppressed, @Nullable Boolean catheter,
			@Nullable Integer symptomDays, @Nullable Integer episodes6, @Nullable Integer episodes12,
			@Nullable Integer feverPain, @Nullable Integer rashDays) {
		Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
		if (redFlags != null) {
			Arrays.stream(redFlags.trim().split("\\s+")).map(RedFlag::valueOf).forEach(flags::add);
		}
		return new NavigationInput(age, Sex.valueOf(sex), PresentingProblem.valueOf(problem), flags, pregnant,
				immunosuppressed, catheter, symptomDays, episodes6, episodes12, feverPain, rashDays);
	}

	@ParameterizedTest(name = "{0} {1} {2} flags={3} pregnant={4} immuno={5} catheter={6} days={7} 6m={8} 12m={9} "
			+ "feverPAIN={10} rash={11} -> {12} by {13}")
	@CsvSource(nullValues = "", textBlock = """
			# UTI: women 16 to 64 (B1)
			16, FEMALE, URINARY_SYMPTOMS,,,,,,,,,, PHARMACY_FIRST, PF-UTI
			64, FEMALE, URINARY_SYMPTOMS,,,,,,,,,, PHARMACY_FIRST, PF-UTI
			15, FEMALE, URINARY_SYMPTOMS,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UTI-UNDER-16
			65, FEMALE, URINARY_SYMPTOMS,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UTI-65-AND-OVER
			30, MALE, URINARY_SYMPTOMS,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UTI-MALE
			30, FEMALE, URINARY_SYMPTOMS,, true,,,,,,,, URGENT_GP_SAME_DAY, PF-UTI-PREGNANT
			30, FEMALE, URINARY_SYMPTOMS,, false,,,,,,,, PHARMACY_FIRST, PF-UTI
			30, FEMALE, URINARY_SYMPTOMS,,,, true,,,,,, URGENT_GP_SAME_DAY, PF-UTI-CATHETER
			30, FEMALE, URINARY_SYMPTOMS,,,,,, 2,,,, URGENT_GP_SAME_DAY, PF-UTI-RECURRENT-6M
			30, FEMALE, URINARY_SYMPTOMS,,,,,, 1, 2,,, PHARMACY_FIRST, PF-UTI
			30, FEMALE, URINARY_SYMPTOMS,,,,,, 1, 3,,, URGENT_GP_SAME_DAY, PF-UTI-RECURRENT-12M
			30, FEMALE, URINARY_SYMPTOMS, KIDNEY_INFECTION_SIGNS,,,,,,,,, URGENT_GP_SAME_DAY, RF-KIDNEY-INFECTION
			# acute sinusitis: 12 and over; immunosuppressed, over 12 weeks, pregnant under 16 excluded
			12, MALE, SINUSITIS,,,,,,,,,, PHARMACY_FIRST, PF-SINUSITIS
			11, MALE, SINUSITIS,,,,,,,,,, GP_ROUTINE, PF-SINUSITIS-AGE
			40, FEMALE, SINUSITIS,,, true,,,,,,, URGENT_GP_SAME_DAY, PF-SINUSITIS-IMMUNOSUPPRESSED
			40, FEMALE, SINUSITIS,,,,, 84,,,,, PHARMACY_FIRST, PF-SINUSITIS
			40, FEMALE, SINUSITIS,,,,, 85,,,,, GP_ROUTINE, PF-SINUSITIS-CHRONIC
			15, FEMALE, SINUSITIS,, true,,,,,,,, URGENT_GP_SAME_DAY, PF-PREGNANT-UNDER-16
			16, FEMALE, SINUSITIS,, true,,,,,,,, PHARMACY_FIRST, PF-SINUSITIS
			# acute sore throat: 5 and over; FeverPAIN 0-3 self-care, 4-5 Pharmacy First
			5, MALE, SORE_THROAT,,,,,,,,,, PHARMACY_FIRST, PF-SORE-THROAT
			4, MALE, SORE_THROAT,,,,,,,,,, GP_ROUTINE, PF-SORE-THROAT-AGE
			30, MALE, SORE_THROAT,,,,,,,, 3,, SELF_CARE, PF-SORE-THROAT-FEVERPAIN-LOW
			30, MALE, SORE_THROAT,,,,,,,, 0,, SELF_CARE, PF-SORE-THROAT-FEVERPAIN-LOW
			30, MALE, SORE_THROAT,,,,,,,, 4,, PHARMACY_FIRST, PF-SORE-THROAT
			30, MALE, SORE_THROAT,,,,,,,, 5,, PHARMACY_FIRST, PF-SORE-THROAT
			14, FEMALE, SORE_THROAT,, true,,,,,,,, URGENT_GP_SAME_DAY, PF-PREGNANT-UNDER-16
			# acute otitis media: 1 to 17; recurrent 3 in 6 months or 4 in 12 months
			1, MALE, EARACHE,,,,,,,,,, PHARMACY_FIRST, PF-EARACHE
			17, MALE, EARACHE,,,,,,,,,, PHARMACY_FIRST, PF-EARACHE
			0, MALE, EARACHE,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UNDER-1
			18, MALE, EARACHE,,,,,,,,,, PHARMACY_ADVICE, PF-EARACHE-ADULT
			6, FEMALE, EARACHE,,,,,, 2, 3,,, PHARMACY_FIRST, PF-EARACHE
			6, FEMALE, EARACHE,,,,,, 3,,,, GP_ROUTINE, PF-EARACHE-RECURRENT-6M
			6, FEMALE, EARACHE,,,,,,, 4,,, GP_ROUTINE, PF-EARACHE-RECURRENT-12M
			# infected insect bite: 1 and over
			1, FEMALE, INFECTED_INSECT_BITE,,,,,,,,,, PHARMACY_FIRST, PF-INSECT-BITE
			0, FEMALE, INFECTED_INSECT_BITE,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UNDER-1
			15, FEMALE, INFECTED_INSECT_BITE,, true,,,,,,,, URGENT_GP_SAME_DAY, PF-PREGNANT-UNDER-16
			# impetigo: 1 and over; recurrent = 2 or more in 12 months
			1, MALE, IMPETIGO,,,,,,,,,, PHARMACY_FIRST, PF-IMPETIGO
			0, MALE, IMPETIGO,,,,,,,,,, URGENT_GP_SAME_DAY, PF-UNDER-1
			8, MALE, IMPETIGO,,,,,,, 1,,, PHARMACY_FIRST, PF-IMPETIGO
			8, MALE, IMPETIGO,,,,,,, 2,,, GP_ROUTINE, PF-IMPETIGO-RECURRENT
			# shingles: 18 and over; pregnant excluded; rash more than 7 days ago excluded
			18, FEMALE, SHINGLES,,,,,,,,,, PHARMACY_FIRST, PF-SHINGLES
			17, FEMALE, SHINGLES,,,,,,,,,, GP_ROUTINE, PF-SHINGLES-AGE
			30, FEMALE, SHINGLES,, true,,,,,,,, URGENT_GP_SAME_DAY, PF-SHINGLES-PREGNANT
			70, MALE, SHINGLES,,,,,,,,, 7, PHARMACY_FIRST, PF-SHINGLES
			70, MALE, SHINGLES,,,,,,,,, 8, GP_ROUTINE, PF-SHINGLES-LATE
			# eyes (B2)
			40, MALE, RED_OR_SORE_EYE,,,,,,,,,, OPTOMETRY_MECS, MECS-RED-EYE
			40, MALE, FLASHES_OR_FLOATERS,,,,, 90,,,,, OPTOMETRY_MECS, MECS-FLOATERS
			40, MALE, FLASHES_OR_FLOATERS,,,,, 91,,,,, GP_ROUTINE, MECS-FLOATERS-LONGSTANDING
			40, MALE, FLASHES_OR_FLOATERS, SUDDEN_VISION_LOSS,,,,,,,,, EYE_CASUALTY, RF-EYE-SIGHT-LOSS
			40, MALE, RED_OR_SORE_EYE, EYE_CHEMICAL_INJURY,,,,,,,,, EYE_CASUALTY, RF-EYE-CHEMICAL
			40, MALE, RED_OR_SORE_EYE, EYE_PENETRATING_INJURY,,,,,,,,, EYE_CASUALTY, RF-EYE-PENETRATING
			# the other services
			40, MALE, TOOTH_PAIN,,,,,,,,,, DENTAL_URGENT, NAV-DENTAL
			40, MALE, TOOTH_PAIN, FACIAL_SWELLING_DENTAL,,,,,,,,, A_AND_E, RF-DENTAL-SWELLING
			40, MALE, BACK_OR_JOINT_PAIN,,,,,,,,,, FIRST_CONTACT_PHYSIO, NAV-PHYSIO
			15, MALE, BACK_OR_JOINT_PAIN,,,,,,,,,, GP_ROUTINE, NAV-PHYSIO-UNDER-16
			40, MALE, MINOR_INJURY,,,,,,,,,, URGENT_TREATMENT_CENTRE, NAV-UTC
			70, MALE, HEARING_PROBLEM,,,,,,,,,, COMMUNITY_SELF_REFERRAL, NAV-AUDIOLOGY
			70, MALE, FOOT_PROBLEM,,,,,,,,,, COMMUNITY_SELF_REFERRAL, NAV-PODIATRY
			50, FEMALE, WEIGHT_CONCERN,,,,,,,,,, COMMUNITY_SELF_REFERRAL, NAV-WEIGHT
			30, FEMALE, LOW_MOOD_OR_ANXIETY,,,,,,,,,, TALKING_THERAPIES, NAV-TALKING-THERAPIES
			16, FEMALE, LOW_MOOD_OR_ANXIETY,,,,,,,,,, GP_ROUTINE, NAV-TALKING-THERAPIES-UNDER-18
			30, FEMALE, LOW_MOOD_OR_ANXIETY, SUICIDAL_THOUGHTS,,,,,,,,, EMERGENCY_999, RF-999-SUICIDAL
			80, FEMALE, LONELINESS_OR_SOCIAL,,,,,,,,,, SOCIAL_PRESCRIBING, NAV-SOCIAL-PRESCRIBING
			60, MALE, REPEAT_MEDICATION,,,,,,,,,, PHARMACY_ADVICE, NAV-REPEAT-MEDICATION
			60, MALE, LONG_TERM_CONDITION,,,,,,,,,, PRACTICE_NURSE, NAV-LONG-TERM-CONDITION
			60, MALE, OTHER,,,,,,,,,, GP_ROUTINE, NAV-GP
			""")
	void recommendsTheDispositionOfTheRuleThatDecides(int age, String sex, String problem, @Nullable String redFlags,
			@Nullable Boolean pregnant, @Nullable Boolean immunosuppressed, @Nullable Boolean catheter,
			@Nullable Integer symptomDays, @Nullable Integer episodes6, @Nullable Integer episodes12,
			@Nullable Integer feverPain, @Nullable Integer rashDays, Disposition expected, String ruleId) {
		Navigation navigation = ENGINE.navigate(input(age, sex, problem, redFlags, pregnant, immunosuppressed,
				catheter, symptomDays, episodes6, episodes12, feverPain, rashDays));
		assertThat(navigation.recommended().code()).isEqualTo(expected);
		assertThat(navigation.recommended().ruleId()).isEqualTo(ruleId);
		assertThat(navigation.rulePackVersion()).isEqualTo("2026.2");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			CHEST_PAIN, EMERGENCY_999
			STROKE_SYMPTOMS, EMERGENCY_999
			SEVERE_BREATHLESSNESS, EMERGENCY_999
			ANAPHYLAXIS, EMERGENCY_999
			SEPSIS_SIGNS, EMERGENCY_999
			SUICIDAL_THOUGHTS, EMERGENCY_999
			HEAVY_BLEEDING, EMERGENCY_999
			SEIZURE, EMERGENCY_999
			UNRESPONSIVE, EMERGENCY_999
			SUDDEN_VISION_LOSS, EYE_CASUALTY
			EYE_CHEMICAL_INJURY, EYE_CASUALTY
			EYE_PENETRATING_INJURY, EYE_CASUALTY
			KIDNEY_INFECTION_SIGNS, URGENT_GP_SAME_DAY
			FACIAL_SWELLING_DENTAL, A_AND_E
			""")
	void everyRedFlagEscalatesWhateverTheProblem(RedFlag flag, Disposition expected) {
		for (PresentingProblem problem : PresentingProblem.values()) {
			Navigation navigation = ENGINE.navigate(new NavigationInput(30, Sex.FEMALE, problem, Set.of(flag), null,
					null, null, null, null, null, null, null));
			assertThat(navigation.redFlag()).isTrue();
			assertThat(navigation.recommended().code()).as(problem.name()).isEqualTo(expected);
			assertThat(navigation.dispositions()).extracting(SuggestedDisposition::code)
				.doesNotContain(Disposition.PHARMACY_FIRST, Disposition.GP_ROUTINE, Disposition.SELF_CARE);
		}
	}

	@Test
	void severalRedFlagsPutTheMostUrgentFirst() {
		Navigation navigation = ENGINE.navigate(input(30, "FEMALE", "URINARY_SYMPTOMS",
				"KIDNEY_INFECTION_SIGNS EYE_CHEMICAL_INJURY CHEST_PAIN", null, null, null, null, null, null, null, null));
		assertThat(navigation.dispositions()).extracting(SuggestedDisposition::code)
			.containsExactly(Disposition.EMERGENCY_999, Disposition.EYE_CASUALTY, Disposition.A_AND_E,
					Disposition.URGENT_GP_SAME_DAY);
		assertThat(navigation.recommended().ruleId()).isEqualTo("RF-999-CHEST-PAIN");
	}

	@Test
	void aDecisionShowsEveryValueItDependedOn() {
		Navigation navigation = ENGINE.navigate(input(30, "FEMALE", "URINARY_SYMPTOMS", null, false, null, null, null,
				1, null, null, null));
		SuggestedDisposition first = navigation.recommended();
		assertThat(first.values()).containsEntry("problem", "URINARY_SYMPTOMS")
			.containsEntry("ageYears", "30")
			.containsEntry("sex", "female")
			.containsEntry("pregnant", "false")
			.containsEntry("urinaryCatheter", "not answered")
			.containsEntry("episodesLast6Months", "1")
			.containsEntry("episodesLast12Months", "not answered");
		assertThat(first.reason()).contains("Pharmacy First");
	}

	@Test
	void selfCareNamesAnNhsWebsiteTopic() {
		Navigation navigation = ENGINE.navigate(input(30, "MALE", "SORE_THROAT", null, null, null, null, null, null,
				null, 2, null));
		assertThat(navigation.recommended().selfCareTopic()).isEqualTo("Sore throat");
		assertThat(navigation.recommended().selfCareUrl()).startsWith("https://www.nhs.uk/");
	}

	@ParameterizedTest
	@EnumSource(PresentingProblem.class)
	void everyProblemGetsAnAnswerAtEveryAge(PresentingProblem problem) {
		for (int age : new int[] { 0, 1, 4, 5, 11, 12, 15, 16, 17, 18, 64, 65, 120 }) {
			for (Sex sex : Sex.values()) {
				Navigation navigation = ENGINE.navigate(new NavigationInput(age, sex, problem, Set.of(), null, null,
						null, null, null, null, null, null));
				assertThat(navigation.dispositions()).isNotEmpty();
				assertThat(navigation.recommended().reason()).isNotBlank();
			}
		}
	}

	@Test
	void everyDispositionHasSafetyNetAdviceAndAFollowUp() {
		for (Disposition disposition : Disposition.values()) {
			assertThat(ENGINE.outcome(disposition).safetyNet()).isNotBlank();
			assertThat(ENGINE.outcome(disposition).followUpDays()).isPositive();
		}
	}

}
