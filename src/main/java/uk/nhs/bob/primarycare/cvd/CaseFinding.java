package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.cvd.BloodPressures.Reading;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.population.RegisterEntry;
import uk.nhs.bob.primarycare.population.Registers;
import uk.nhs.bob.primarycare.population.SmokingStatus;
import uk.nhs.bob.primarycare.terminology.Cluster;

/**
 * Evaluates the {@link CaseFindingRule}s for one person: a pure function of their summary, coded record, outreach
 * history, personalised care adjustments and today's date, so the population refresh, the re-evaluation after a new
 * reading, the person page and the API give the same answer. Conditions come from the registers, medicines and
 * exceptions from the published clusters. Every finding keeps the values and dates it used; a finding a personalised
 * care adjustment or a coded exception takes off the list is kept as excepted, with why and until when.
 */
final class CaseFinding {

	/** NICE NG136 targets (docs/cvd.md): clinic under 80 below 140/90, 80 and over below 150/90. */
	static final int TARGET_SYSTOLIC_UNDER_80 = 140;

	static final int TARGET_SYSTOLIC_80_AND_OVER = 150;

	static final int TARGET_DIASTOLIC = 90;

	/** Home monitoring or ambulatory average targets: under 80 below 135/85, 80 and over below 145/85. */
	static final int AVERAGE_TARGET_SYSTOLIC_UNDER_80 = 135;

	static final int AVERAGE_TARGET_SYSTOLIC_80_AND_OVER = 145;

	static final int AVERAGE_TARGET_DIASTOLIC = 85;

	static final int SEVERE_SYSTOLIC = 180;

	static final int SEVERE_DIASTOLIC = 120;

	static final int SEVERE_WITHIN_DAYS = 30;

	static final double QRISK_THRESHOLD = 10.0;

	/** NICE NG196: offer anticoagulation at a CHA2DS2-VASc score of 2 or more. */
	static final int CHADS_VASC_THRESHOLD = 2;

	/** NICE NG238: aim for a reduction of more than 40% in non-HDL cholesterol. */
	static final double NON_HDL_TARGET_REDUCTION = 0.40;

	/** The on-treatment result is read from 2 months after starting (NG238 measures at 3 months). */
	static final int NON_HDL_MONTHS_ON_TREATMENT = 2;

	/** The baseline is the last result in the 12 months before starting. */
	static final int NON_HDL_BASELINE_MONTHS = 12;

	/** Coded personalised care adjustments (HYPPCADEC, HYPPCAPU, STATNIND) count for 12 months. */
	static final int CODED_EXCEPTION_MONTHS = 12;

	/** NHS Digital Weight Management Programme BMI thresholds. */
	static final double BMI_THRESHOLD = 30.0;

	static final double BMI_THRESHOLD_ETHNIC_MINORITY = 27.5;

	private CaseFinding() {
	}

	/** A rule that finds the person, with the values and the date of the evidence it used. */
	record Finding(CaseFindingRule rule, String explanation, @Nullable Integer systolic, @Nullable Integer diastolic,
			@Nullable Double score, @Nullable LocalDate evidenceDate, Map<String, Object> values) {

		Finding {
			values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}

	}

	/** A finding not listed because of a personalised care adjustment or a coded exception. */
	record Excepted(Finding finding, String why, @Nullable LocalDate until) {
	}

	/** Everything the evaluation found about a person. */
	record Evaluation(RiskAssessment assessment, List<Finding> findings, List<Excepted> excepted,
			Registers registers, boolean hypertension, @Nullable Boolean bpToTarget, boolean onStatin,
			boolean assessedIn5Years, @Nullable ChadsVasc chadsVasc, @Nullable Reading judgedReading,
			String statinAdvice) {

		public boolean found(CaseFindingRule rule) {
			return findings.stream().anyMatch(f -> f.rule() == rule);
		}

	}

	static Evaluation evaluate(PersonSummary person, CodedRecord record, OutreachHistory outreach,
			CareAdjustments.InForce adjustments, LocalDate today) {
		return evaluate(person, record, outreach, adjustments, today, true);
	}

	/** As {@link #evaluate}, without listing the QRISK3 inputs used: for the population refresh. */
	static Evaluation evaluateQuickly(PersonSummary person, CodedRecord record, OutreachHistory outreach,
			CareAdjustments.InForce adjustments, LocalDate today) {
		return evaluate(person, record, outreach, adjustments, today, false);
	}

	private static Evaluation evaluate(PersonSummary person, CodedRecord record, OutreachHistory outreach,
			CareAdjustments.InForce adjustments, LocalDate today, boolean explain) {
		RecordIndex index = new RecordIndex(record);
		Registers registers = Registers.of(record, person.dateOfBirth(), today);
		RiskAssessment assessment = RiskAssessment.of(person, record, index, registers, today, explain);
		List<Finding> findings = new ArrayList<>();
		int age = person.age();
		boolean alive = !person.deceased();
		boolean adult = age >= 18 && alive;
		List<Reading> readings = BloodPressures.readings(index);
		boolean hypertension = registers.on(Register.HYP);
		boolean diabetes = registers.on(Register.DM);
		boolean onLipidLowering = record.onMedication(MedicationCategory.LIPID_LOWERING);
		Optional<RegisterEntry> cvd = registers.cardiovascularDisease();

		if (adult) {
			LocalDate since = today.minusDays(SEVERE_WITHIN_DAYS);
			readings.stream()
				.filter(r -> !r.date().isBefore(since) && !r.date().isAfter(today))
				.filter(r -> r.systolic() >= SEVERE_SYSTOLIC || r.diastolic() >= SEVERE_DIASTOLIC)
				.findFirst()
				.ifPresent(r -> findings.add(new Finding(CaseFindingRule.SEVERE_BLOOD_PRESSURE,
						"Reading " + r.text() + " (severe: 180/120 or more, within " + SEVERE_WITHIN_DAYS + " days)",
						r.systolic(), r.diastolic(), null, r.date(), reading(r))));
		}

		ChadsVasc chadsVasc = null;
		if (registers.on(Register.AF) && alive) {
			chadsVasc = ChadsVasc.of(person, registers);
			if (chadsVasc.score() >= CHADS_VASC_THRESHOLD && !record.onMedication(MedicationCategory.ANTICOAGULANT)) {
				Map<String, Object> values = new LinkedHashMap<>();
				values.put("chadsVasc", chadsVasc.score());
				Map<String, Object> parts = new LinkedHashMap<>();
				chadsVasc.parts().forEach(p -> parts.put(p.item(), p.points()));
				values.put("chadsVascParts", parts);
				RegisterEntry af = registers.entry(Register.AF).orElseThrow();
				values.put("afCode", af.code());
				findings.add(new Finding(CaseFindingRule.AF_NOT_ANTICOAGULATED,
						"Atrial fibrillation (" + af.term() + ", " + af.code() + ", " + RiskAssessment.date(af.date())
								+ "); " + chadsVasc.text() + "; no current anticoagulant",
						null, null, null, af.date(), values));
			}
		}

		String statinException = statinException(record, today);
		if (cvd.isPresent() && alive && !onLipidLowering) {
			RegisterEntry entry = cvd.get();
			findings.add(new Finding(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING,
					"Existing CVD: " + entry.register().title() + " register (" + entry.term() + ", " + entry.code()
							+ ", " + RiskAssessment.date(entry.date()) + "); no current lipid-lowering medicine",
					null, null, null, entry.date(), Map.of("register", entry.register().name(), "code", entry.code())));
		}

		Reading judged = BloodPressures.latestInWindow(readings, today);
		if (adult && !hypertension && judged != null && judged.raised()) {
			findings.add(new Finding(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION,
					"Latest reading of the last 12 months " + judged.text() + " is at or above "
							+ (judged.average() ? "135/85 (home or ambulatory average)" : "140/90")
							+ "; not on the hypertension register",
					judged.systolic(), judged.diastolic(), null, judged.date(), reading(judged)));
		}

		Double score = assessment.score();
		if (assessment.assessed() && score != null && score >= QRISK_THRESHOLD && !onLipidLowering) {
			// the score is as old as its oldest input: that date, not the latest reading's, says whether it is stale
			Optional<RiskAssessment.DatedInput> oldest = assessment.oldestInput();
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("qrisk3", score);
			oldest.ifPresent(o -> {
				values.put("oldestInput", o.input());
				values.put("oldestInputDate", o.date().toString());
			});
			findings.add(new Finding(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN,
					"QRISK3 " + RiskAssessment.oneDecimal(score) + "% (10 or more); no current lipid-lowering medicine"
							+ oldest.map(o -> "; oldest input: " + inSentence(o.input()) + " of "
									+ RiskAssessment.date(o.date()))
								.orElse(""),
					null, null, score, oldest.map(RiskAssessment.DatedInput::date).orElse(null), values));
		}

		Optional<RegisterEntry> ckd = registers.entry(Register.CKD35);
		if (ckd.isPresent() && cvd.isEmpty() && alive && !onLipidLowering) {
			findings.add(new Finding(CaseFindingRule.CKD_NOT_ON_LIPID_LOWERING,
					"CKD stage 3-5 register (" + ckd.get().term() + ", " + ckd.get().code() + ", "
							+ RiskAssessment.date(ckd.get().date()) + "); no current lipid-lowering medicine",
					null, null, null, ckd.get().date(), Map.of("code", ckd.get().code())));
		}

		Medication statin = currentStatin(record);
		// the first start of the continuous statin course, not the current prescription's: a repeat or a switch of
		// statin is the same treatment, and the non-HDL baseline is the value before any statin
		LocalDate statinSince = statin == null ? null : record.courseStart(MedicationCategory.STATIN, statin);
		NonHdl nonHdl = statinSince == null ? null : nonHdl(index, statinSince, today);
		if (alive && nonHdl != null && nonHdl.reduction() < NON_HDL_TARGET_REDUCTION) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("baselineNonHdl", nonHdl.baseline().doubleValue());
			values.put("baselineDate", nonHdl.baselineDate().toString());
			values.put("onTreatmentNonHdl", nonHdl.onTreatment().doubleValue());
			values.put("onTreatmentDate", nonHdl.onTreatmentDate().toString());
			values.put("reductionPercent", percent(nonHdl.reduction()));
			values.put("statin", statin.name());
			values.put("statinSince", statinSince.toString());
			findings.add(new Finding(CaseFindingRule.NON_HDL_NOT_REDUCED, nonHdl.text() + " on " + statin.name()
					+ " (statins since " + RiskAssessment.date(statinSince) + "): less than 40%", null, null, null,
					nonHdl.onTreatmentDate(), values));
		}

		Boolean toTarget = null;
		if (hypertension && judged != null && alive) {
			boolean old = age >= 80;
			int targetSystolic = judged.average()
					? (old ? AVERAGE_TARGET_SYSTOLIC_80_AND_OVER : AVERAGE_TARGET_SYSTOLIC_UNDER_80)
					: (old ? TARGET_SYSTOLIC_80_AND_OVER : TARGET_SYSTOLIC_UNDER_80);
			int targetDiastolic = judged.average() ? AVERAGE_TARGET_DIASTOLIC : TARGET_DIASTOLIC;
			toTarget = judged.systolic() < targetSystolic && judged.diastolic() < targetDiastolic;
			if (!toTarget) {
				Map<String, Object> values = reading(judged);
				values.put("targetSystolic", targetSystolic);
				values.put("targetDiastolic", targetDiastolic);
				findings.add(new Finding(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET,
						"Latest reading of the last 12 months " + judged.text() + "; target for age " + age
								+ (judged.average() ? " (home or ambulatory average)" : "") + " is below "
								+ targetSystolic + "/" + targetDiastolic,
						judged.systolic(), judged.diastolic(), null, judged.date(), values));
			}
		}

		Optional<Observation> bmi = index.latest(ObservationType.BMI);
		if (adult && bmi.isPresent() && (hypertension || diabetes) && outreach.weightReferral() == null) {
			double threshold = bmiThreshold(person.ethnicity());
			if (bmi.get().value().doubleValue() >= threshold) {
				findings.add(new Finding(CaseFindingRule.WEIGHT_MANAGEMENT,
						"BMI " + RiskAssessment.plain(bmi.get().value()) + " on " + RiskAssessment.date(bmi.get().date())
								+ " (threshold " + RiskAssessment.round(threshold) + " for "
								+ person.ethnicity().label() + ") on the "
								+ (hypertension ? "hypertension" : "diabetes") + " register; not referred"
								+ (age >= 80 ? "; 80 or over: confirm benefit outweighs harm" : ""),
						null, null, null, bmi.get().date(), Map.of("bmi", bmi.get().value().doubleValue())));
			}
		}

		Optional<Observation> smoking = index.latest(ObservationType.SMOKING_STATUS);
		if (adult && smoking.flatMap(Observation::smoking).orElse(null) == SmokingStatus.SMOKER) {
			LocalDate since = today.minusMonths(12);
			if (outreach.tobaccoReferral() == null || outreach.tobaccoReferral().isBefore(since)) {
				findings.add(new Finding(CaseFindingRule.SMOKER_NOT_REFERRED,
						"Smoker (" + smoking.get().value().setScale(0, RoundingMode.HALF_UP) + " a day) recorded on "
								+ RiskAssessment.date(smoking.get().date())
								+ (outreach.tobaccoReferral() == null ? "; never referred"
										: "; last referral " + RiskAssessment.date(outreach.tobaccoReferral())),
						null, null, null, smoking.get().date(), Map.of("code", smoking.get().code())));
			}
		}

		LocalDate fiveYearsAgo = today.minusYears(5);
		Optional<Observation> cholesterol = index.latest(ObservationType.TOTAL_CHOLESTEROL);
		boolean assessedIn5Years = cholesterol.map(o -> !o.date().isBefore(fiveYearsAgo)).orElse(false)
				|| (outreach.riskReview() != null && !outreach.riskReview().isBefore(fiveYearsAgo));
		if (alive && age >= 40 && age <= 74 && !assessedIn5Years) {
			findings.add(new Finding(CaseFindingRule.NO_RISK_ASSESSMENT, "Aged " + age + "; "
					+ cholesterol.map(o -> "last cholesterol " + RiskAssessment.date(o.date()))
						.orElse("no cholesterol test on record")
					+ "; no attended risk review since " + RiskAssessment.date(fiveYearsAgo),
					null, null, null, cholesterol.map(Observation::date).orElse(null), Map.of()));
		}

		if (assessment.status() == RiskAssessment.Status.NOT_ASSESSABLE) {
			findings.add(new Finding(CaseFindingRule.RISK_NOT_ASSESSABLE,
					"Risk not assessable: " + assessment.reasonText(), null, null, null, null, Map.of()));
		}

		// Exceptions: a personalised care adjustment in force, or one coded in the record
		String hypertensionException = codedException(record, today, Cluster.HYPPCADEC_COD, Cluster.HYPPCAPU_COD);
		List<Finding> listed = new ArrayList<>();
		List<Excepted> excepted = new ArrayList<>();
		for (Finding finding : findings) {
			CaseFindingRule rule = finding.rule();
			Optional<CareAdjustments.Adjustment> adjustment = adjustments.of(rule)
				.filter(a -> rule.adjustments().contains(a.reason()));
			if (adjustment.isPresent()) {
				excepted.add(new Excepted(finding, "Personalised care adjustment: " + adjustment.get().reason().label()
						+ ", recorded " + RiskAssessment.date(adjustment.get().recordedOn()) + " by "
						+ adjustment.get().recordedBy(), adjustment.get().reviewDate()));
			}
			else if (statinException != null && (rule == CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING
					|| rule == CaseFindingRule.HIGH_RISK_NOT_ON_STATIN
					|| rule == CaseFindingRule.CKD_NOT_ON_LIPID_LOWERING)) {
				excepted.add(new Excepted(finding, statinException, null));
			}
			else if (hypertensionException != null && rule == CaseFindingRule.HYPERTENSION_NOT_TO_TARGET) {
				excepted.add(new Excepted(finding, hypertensionException, null));
			}
			else {
				listed.add(finding);
			}
		}
		listed.sort(Comparator.comparingInt(f -> f.rule().priority()));
		return new Evaluation(assessment, List.copyOf(listed), List.copyOf(excepted), registers, hypertension,
				toTarget, onLipidLowering, assessedIn5Years, chadsVasc, judged,
				statinAdvice(assessment, record, statin, statinSince, nonHdl, statinException,
						adjustments.of(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN).orElse(null)));
	}

	/** A name within a sentence: lower case first letter, except an abbreviation such as BMI, kept as it is. */
	static String inSentence(String name) {
		return name.length() > 1 && Character.isUpperCase(name.charAt(1)) ? name
				: Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/** A reading's values, for the API and the page: the numbers, where, when, and the readings averaged. */
	private static Map<String, Object> reading(Reading reading) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("systolic", reading.systolic());
		values.put("diastolic", reading.diastolic());
		values.put("date", reading.date().toString());
		values.put("setting", reading.setting() == null ? "NOT_RECORDED" : reading.setting().name());
		values.put("kind", reading.kind().name());
		if (!reading.used().isEmpty()) {
			values.put("readingsUsed",
					reading.used().stream().map(r -> r.date() + " " + r.systolic() + "/" + r.diastolic()).toList());
		}
		return values;
	}

	/**
	 * A statin exception in the record (QOF lipid rules): an allergy or adverse reaction, contraindication or
	 * intolerance ever recorded, or "statin not indicated" in the last 12 months; null when none.
	 */
	static @Nullable String statinException(CodedRecord record, LocalDate today) {
		String ever = codedException(record, null, Cluster.XSTAT_COD, Cluster.STATCONTR_COD, Cluster.STATINTOL_COD);
		return ever != null ? ever : codedException(record, today, Cluster.STATNIND_COD);
	}

	/** The latest code of these clusters (within 12 months when today is given), as a reason; null when none. */
	private static @Nullable String codedException(CodedRecord record, @Nullable LocalDate today, Cluster... clusters) {
		Problem latest = null;
		for (Problem problem : record.problems()) {
			for (Cluster cluster : clusters) {
				if (problem.in(cluster)
						&& (today == null || (!problem.onset().isAfter(today)
								&& !problem.onset().isBefore(today.minusMonths(CODED_EXCEPTION_MONTHS))))
						&& (latest == null || problem.onset().isAfter(latest.onset()))) {
					latest = problem;
				}
			}
		}
		return latest == null ? null : "Exception coded in the record: " + latest.term() + " (" + latest.code()
				+ ") on " + RiskAssessment.date(latest.onset());
	}

	/** The current statin started most recently, if any. */
	static @Nullable Medication currentStatin(CodedRecord record) {
		List<Medication> statins = record.current(MedicationCategory.STATIN);
		return statins.isEmpty() ? null : statins.get(0);
	}

	/** Non-HDL cholesterol before and on a statin (mmol/L, exact as recorded). */
	record NonHdl(BigDecimal baseline, LocalDate baselineDate, BigDecimal onTreatment, LocalDate onTreatmentDate) {

		/** The fraction by which it fell, exact to 6 places (so 40% is 0.4, not a hair under it). */
		double reduction() {
			return baseline.subtract(onTreatment).divide(baseline, 6, RoundingMode.HALF_UP).doubleValue();
		}

		String text() {
			return "Non-HDL cholesterol " + RiskAssessment.plain(baseline) + " mmol/L on "
					+ RiskAssessment.date(baselineDate) + " before the statin, " + RiskAssessment.plain(onTreatment)
					+ " mmol/L on " + RiskAssessment.date(onTreatmentDate)
					// a value that went up is said so, not written as a negative reduction
					+ (reduction() < 0 ? ": a rise of " + percent(-reduction())
							: ": a reduction of " + percent(reduction()))
					+ "%";
		}

	}

	/**
	 * The non-HDL reduction of a statin: the last total and HDL pair in the 12 months up to the start against the
	 * latest pair from 2 months after it; null when either is missing.
	 */
	static @Nullable NonHdl nonHdl(RecordIndex index, LocalDate start, LocalDate today) {
		BigDecimal baseline = null;
		LocalDate baselineDate = null;
		BigDecimal onTreatment = null;
		LocalDate onTreatmentDate = null;
		List<Observation> hdls = index.observations(ObservationType.HDL_CHOLESTEROL);
		for (Observation total : index.observations(ObservationType.TOTAL_CHOLESTEROL)) {
			Observation hdl = hdls.stream().filter(h -> h.date().equals(total.date())).findFirst().orElse(null);
			if (hdl == null || total.date().isAfter(today)) {
				continue;
			}
			LocalDate date = total.date();
			if (onTreatment == null && !date.isBefore(start.plusMonths(NON_HDL_MONTHS_ON_TREATMENT))) {
				onTreatment = nonHdl(total, hdl);
				onTreatmentDate = date;
			}
			if (baseline == null && !date.isAfter(start)
					&& !date.isBefore(start.minusMonths(NON_HDL_BASELINE_MONTHS))) {
				baseline = nonHdl(total, hdl);
				baselineDate = date;
			}
		}
		if (baseline == null || onTreatment == null || baseline.signum() <= 0) {
			return null;
		}
		return new NonHdl(baseline, baselineDate, onTreatment, onTreatmentDate);
	}

	private static BigDecimal nonHdl(Observation total, Observation hdl) {
		return total.value().subtract(hdl.value());
	}

	private static long percent(double fraction) {
		return BigDecimal.valueOf(fraction * 100).setScale(0, RoundingMode.HALF_UP).longValue();
	}

	/**
	 * What the page says about statins, knowing the record: never "offer a statin" to someone on one (it names the
	 * statin and dose, and the non-HDL reduction where measured), nor to someone with a statin exception or an
	 * adjustment in force.
	 */
	private static String statinAdvice(RiskAssessment assessment, CodedRecord record, @Nullable Medication statin,
			@Nullable LocalDate statinSince, @Nullable NonHdl nonHdl, @Nullable String exception,
			CareAdjustments.@Nullable Adjustment adjustment) {
		if (statin != null && statinSince != null) {
			LocalDate first = record.firstStart(MedicationCategory.STATIN).orElse(statinSince);
			return "On a statin: " + statin.name() + ", statins since " + RiskAssessment.date(statinSince)
					+ (statin.start().equals(statinSince) ? ""
							: " (this prescription since " + RiskAssessment.date(statin.start()) + ")")
					// earlier statins the record does not show as continuous are shown, not counted or hidden
					+ (first.isBefore(statinSince) ? "; statin prescriptions recorded from " + RiskAssessment.date(first)
							+ ", not shown by the record as one continuous course" : "")
					+ (nonHdl == null ? "; no non-HDL cholesterol before and 2 months or more after starting to compare"
							: "; " + nonHdl.text()
									+ (nonHdl.reduction() < NON_HDL_TARGET_REDUCTION
											? " (under the 40% NICE NG238 aims for: check adherence and timing, "
													+ "consider a higher intensity)"
											: ""))
					+ ".";
		}
		List<Medication> other = record.current(MedicationCategory.LIPID_LOWERING);
		if (!other.isEmpty()) {
			return "On lipid-lowering therapy: " + other.get(0).name() + " since "
					+ RiskAssessment.date(other.get(0).start()) + ".";
		}
		if (exception != null) {
			return exception + ": no statin advice.";
		}
		if (adjustment != null) {
			return "Personalised care adjustment (" + adjustment.reason().label() + ") until "
					+ RiskAssessment.date(adjustment.reviewDate()) + ": no statin advice.";
		}
		Double score = assessment.score();
		if (assessment.assessed() && score != null) {
			return score >= QRISK_THRESHOLD
					? "QRISK3 10% or more and no lipid-lowering medicine: offer atorvastatin 20 mg after discussion "
							+ "and lifestyle advice (NICE NG238)."
					: "QRISK3 below 10%.";
		}
		return "";
	}

	/** 27.5 for Black, Asian and other ethnic minority groups, 30 for White groups and not stated. */
	static double bmiThreshold(Ethnicity ethnicity) {
		return switch (ethnicity) {
			case WHITE_BRITISH, WHITE_IRISH, WHITE_GYPSY_OR_IRISH_TRAVELLER, WHITE_ROMA, WHITE_OTHER, NOT_STATED ->
				BMI_THRESHOLD;
			default -> BMI_THRESHOLD_ETHNIC_MINORITY;
		};
	}

	/** Blood pressure readings, newest first, for display. */
	static List<Reading> readings(CodedRecord record) {
		return BloodPressures.readings(new RecordIndex(record));
	}

}
