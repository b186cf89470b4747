package uk.nhs.bob.primarycare.cvd;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.ProblemCodes;
import uk.nhs.bob.primarycare.population.SmokingStatus;

/**
 * Evaluates the {@link CaseFindingRule}s for one person: a pure function of their summary, coded record, QRISK3
 * assessment, outreach history and today's date, so the population refresh and the re-evaluation after a new
 * reading give the same answer. Every finding keeps the values and dates it used.
 */
final class CaseFinding {

	/** NICE NG136 clinic thresholds (DOMAIN.md B4). */
	static final int RAISED_SYSTOLIC = 140;

	static final int RAISED_DIASTOLIC = 90;

	static final int TARGET_SYSTOLIC_80_AND_OVER = 150;

	static final int SEVERE_SYSTOLIC = 180;

	static final int SEVERE_DIASTOLIC = 120;

	static final int SEVERE_WITHIN_DAYS = 30;

	static final double QRISK_THRESHOLD = 10.0;

	/** NHS Digital Weight Management Programme BMI thresholds (DOMAIN.md A3). */
	static final double BMI_THRESHOLD = 30.0;

	static final double BMI_THRESHOLD_ETHNIC_MINORITY = 27.5;

	private CaseFinding() {
	}

	/** One blood pressure reading: systolic and diastolic of the same day and setting. */
	record Reading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting) {

		public String text() {
			return systolic + "/" + diastolic + " mmHg on " + RiskAssessment.date(date)
					+ (setting == null ? "" : " (" + setting.label() + ")");
		}

	}

	/** A rule that finds the person, with the values and the date of the evidence it used. */
	record Finding(CaseFindingRule rule, String explanation, @Nullable Integer systolic, @Nullable Integer diastolic,
			@Nullable Double score, @Nullable LocalDate evidenceDate) {
	}

	/** Everything the refresh stores for a person. */
	record Evaluation(RiskAssessment assessment, List<Finding> findings, boolean hypertension,
			@Nullable Boolean bpToTarget, boolean onStatin, boolean assessedIn5Years) {

		public boolean found(CaseFindingRule rule) {
			return findings.stream().anyMatch(f -> f.rule() == rule);
		}

	}

	static Evaluation evaluate(PersonSummary person, CodedRecord record, OutreachHistory outreach, LocalDate today) {
		return evaluate(person, record, RiskAssessment.of(person, record, today), outreach, today);
	}

	/** As {@link #evaluate(PersonSummary, CodedRecord, OutreachHistory, LocalDate)}, without listing the inputs used. */
	static Evaluation evaluateQuickly(PersonSummary person, CodedRecord record, OutreachHistory outreach,
			LocalDate today) {
		RecordIndex index = new RecordIndex(record);
		return evaluate(person, record, index, RiskAssessment.of(person, record, index, today, false), outreach,
				today);
	}

	static Evaluation evaluate(PersonSummary person, CodedRecord record, RiskAssessment assessment,
			OutreachHistory outreach, LocalDate today) {
		return evaluate(person, record, new RecordIndex(record), assessment, outreach, today);
	}

	static Evaluation evaluate(PersonSummary person, CodedRecord record, RecordIndex index,
			RiskAssessment assessment, OutreachHistory outreach, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		int age = person.age();
		boolean adult = age >= 18 && !person.deceased();
		List<Reading> readings = readings(index);
		Reading latest = readings.isEmpty() ? null : readings.get(0);
		boolean hypertension = record.hasActiveProblem(ProblemCodes.HYPERTENSION);
		boolean diabetes = record.hasActiveProblem(ProblemCodes.TYPE_2_DIABETES)
				|| record.hasActiveProblem(ProblemCodes.TYPE_1_DIABETES);
		boolean onStatin = record.onMedication(MedicationCategory.LIPID_LOWERING);

		if (adult) {
			LocalDate since = today.minusDays(SEVERE_WITHIN_DAYS);
			readings.stream()
				.filter(r -> !r.date().isBefore(since) && !r.date().isAfter(today))
				.filter(r -> r.systolic() >= SEVERE_SYSTOLIC || r.diastolic() >= SEVERE_DIASTOLIC)
				.findFirst()
				.ifPresent(r -> findings.add(new Finding(CaseFindingRule.SEVERE_BLOOD_PRESSURE,
						"Reading " + r.text() + " (severe: 180/120 or more, within " + SEVERE_WITHIN_DAYS + " days)",
						r.systolic(), r.diastolic(), null, r.date())));
		}

		if (adult && !hypertension && latest != null && latest.systolic() >= RAISED_SYSTOLIC
				&& latest.diastolic() >= RAISED_DIASTOLIC) {
			findings.add(new Finding(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION,
					"Latest reading " + latest.text() + " is at or above 140/90; no hypertension diagnosis",
					latest.systolic(), latest.diastolic(), null, latest.date()));
		}

		if (assessment.assessed() && assessment.score() != null && assessment.score() >= QRISK_THRESHOLD
				&& !onStatin) {
			findings.add(new Finding(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN,
					"QRISK3 " + RiskAssessment.oneDecimal(assessment.score())
							+ "% (10 or more); no current lipid-lowering medicine",
					null, null, assessment.score(),
					index.latest(ObservationType.SYSTOLIC_BP).map(Observation::date).orElse(null)));
		}

		Boolean toTarget = null;
		if (hypertension && latest != null && !person.deceased()) {
			int targetSystolic = age >= 80 ? TARGET_SYSTOLIC_80_AND_OVER : RAISED_SYSTOLIC;
			toTarget = latest.systolic() < targetSystolic && latest.diastolic() < RAISED_DIASTOLIC;
			if (!toTarget) {
				findings.add(new Finding(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET,
						"Latest reading " + latest.text() + "; target for age " + age + " is below " + targetSystolic
								+ "/" + RAISED_DIASTOLIC,
						latest.systolic(), latest.diastolic(), null, latest.date()));
			}
		}

		Optional<Observation> bmi = index.latest(ObservationType.BMI);
		if (adult && bmi.isPresent() && (hypertension || diabetes) && outreach.weightReferral() == null) {
			double threshold = bmiThreshold(person.ethnicity());
			if (bmi.get().value().doubleValue() >= threshold) {
				findings.add(new Finding(CaseFindingRule.WEIGHT_MANAGEMENT,
						"BMI " + RiskAssessment.plain(bmi.get().value()) + " on " + RiskAssessment.date(bmi.get().date())
								+ " (threshold " + RiskAssessment.round(threshold) + " for "
								+ person.ethnicity().label() + ") with " + (hypertension ? "hypertension" : "diabetes")
								+ "; not referred" + (age >= 80 ? "; 80 or over: confirm benefit outweighs harm" : ""),
						null, null, null, bmi.get().date()));
			}
		}

		Optional<Observation> smoking = index.latest(ObservationType.SMOKING_STATUS);
		if (adult && smoking.flatMap(Observation::smokingStatus).orElse(null) == SmokingStatus.SMOKER) {
			LocalDate since = today.minusMonths(12);
			if (outreach.tobaccoReferral() == null || outreach.tobaccoReferral().isBefore(since)) {
				findings.add(new Finding(CaseFindingRule.SMOKER_NOT_REFERRED,
						"Smoker (" + smoking.get().value().setScale(0, RoundingMode.HALF_UP) + " a day) recorded on "
								+ RiskAssessment.date(smoking.get().date())
								+ (outreach.tobaccoReferral() == null ? "; never referred"
										: "; last referral " + RiskAssessment.date(outreach.tobaccoReferral())),
						null, null, null, smoking.get().date()));
			}
		}

		LocalDate fiveYearsAgo = today.minusYears(5);
		Optional<Observation> cholesterol = index.latest(ObservationType.TOTAL_CHOLESTEROL);
		boolean assessedIn5Years = cholesterol.map(o -> !o.date().isBefore(fiveYearsAgo)).orElse(false)
				|| (outreach.riskReview() != null && !outreach.riskReview().isBefore(fiveYearsAgo));
		if (!person.deceased() && age >= 40 && age <= 74 && !assessedIn5Years) {
			findings.add(new Finding(CaseFindingRule.NO_RISK_ASSESSMENT, "Aged " + age + "; "
					+ cholesterol.map(o -> "last cholesterol " + RiskAssessment.date(o.date()))
						.orElse("no cholesterol test on record")
					+ "; no attended risk review since " + RiskAssessment.date(fiveYearsAgo),
					null, null, null, cholesterol.map(Observation::date).orElse(null)));
		}

		if (assessment.status() == RiskAssessment.Status.NOT_ASSESSABLE) {
			findings.add(new Finding(CaseFindingRule.RISK_NOT_ASSESSABLE,
					"Risk not assessable: " + assessment.reasonText(), null, null, null, null));
		}
		findings.sort(Comparator.comparingInt(f -> f.rule().priority()));
		return new Evaluation(assessment, List.copyOf(findings), hypertension, toTarget, onStatin, assessedIn5Years);
	}

	/** 27.5 for Black, Asian and other ethnic minority groups, 30 for White groups and not stated. */
	static double bmiThreshold(Ethnicity ethnicity) {
		return switch (ethnicity) {
			case WHITE_BRITISH, WHITE_IRISH, WHITE_GYPSY_OR_IRISH_TRAVELLER, WHITE_ROMA, WHITE_OTHER, NOT_STATED ->
				BMI_THRESHOLD;
			default -> BMI_THRESHOLD_ETHNIC_MINORITY;
		};
	}

	/** Blood pressure readings, newest first: systolic and diastolic paired by day and setting. */
	static List<Reading> readings(CodedRecord record) {
		return readings(new RecordIndex(record));
	}

	static List<Reading> readings(RecordIndex record) {
		List<Observation> systolics = record.observations(ObservationType.SYSTOLIC_BP);
		List<Observation> diastolics = new ArrayList<>(record.observations(ObservationType.DIASTOLIC_BP));
		if (systolics.isEmpty()) {
			return List.of();
		}
		List<Reading> readings = new ArrayList<>(systolics.size());
		for (Observation s : systolics) {
			for (int i = 0; i < diastolics.size(); i++) {
				Observation d = diastolics.get(i);
				if (d.date().equals(s.date()) && d.setting() == s.setting()) {
					diastolics.remove(i);
					readings.add(new Reading(s.date(), whole(s), whole(d), s.setting()));
					break;
				}
			}
		}
		// already newest first: systolics come sorted from the index
		return readings;
	}

	private static int whole(Observation o) {
		return o.value().setScale(0, RoundingMode.HALF_UP).intValue();
	}

}
