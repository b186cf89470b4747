package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.population.RegisterEntry;
import uk.nhs.bob.primarycare.population.Registers;
import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.population.SmokingStatus;

/**
 * QRISK3 for one person from their coded record, saying which record entries were used. Never a silently defaulted
 * score: a missing BMI, cholesterol ratio or systolic pressure (or a diabetes whose type is not coded) makes the person
 * "risk not assessable", and where NICE NG238 says not to use a risk tool the reason is given instead: existing CVD
 * (CHD, stroke/TIA or PAD register), type 1 diabetes, CKD stage 3-5 (register) or eGFR below 60, familial
 * hypercholesterolaemia, aged 85 or over (and under 25, outside the validated range). Conditions come from the
 * registers and the published clusters (docs/cvd.md).
 */
record RiskAssessment(Status status, List<String> reasons, @Nullable Double score, @Nullable Qrisk3Inputs inputs,
		List<InputUsed> used, List<DatedInput> dated) {

	/** How many recent systolic readings the standard deviation uses, from the last 5 years. */
	static final int SD_READINGS = 6;

	private static final String[] SMOKING_LABELS = { "non-smoker", "ex-smoker", "light smoker (under 10 a day)",
			"moderate smoker (10-19 a day)", "heavy smoker (20 or more a day)" };

	enum Status {

		ASSESSED("Assessed", "SCORED"), NOT_ASSESSABLE("Risk not assessable", "NOT_ASSESSABLE"),
		NOT_APPROPRIATE("QRISK3 not appropriate", "NOT_APPLICABLE");

		private final String label;

		private final String apiName;

		Status(String label, String apiName) {
			this.label = label;
			this.apiName = apiName;
		}

		public String label() {
			return label;
		}

		/** The status as the API names it (SCORED, NOT_APPLICABLE, NOT_ASSESSABLE). */
		public String apiName() {
			return apiName;
		}

	}

	/** One input and where it came from in the record (an observation's code and date, a register entry). */
	record InputUsed(String input, String value, String source) {
	}

	/**
	 * A dated input that can go out of date: a measurement (BMI, cholesterol, systolic pressure) or the smoking
	 * status. A never-smoked status recorded at 25 or over does not ({@code canGoStale} false): QOF lets it stand.
	 * Register entries (diagnoses) are not dated inputs: they do not go stale.
	 */
	record DatedInput(String input, LocalDate date, boolean canGoStale) {
	}

	/** The oldest dated input that can go stale: its date is the evidence date of the score. */
	public Optional<DatedInput> oldestInput() {
		return dated.stream()
			.filter(DatedInput::canGoStale)
			.min(java.util.Comparator.comparing(DatedInput::date));
	}

	public boolean assessed() {
		return status == Status.ASSESSED;
	}

	/** The reasons as one line, for lists and exports. */
	public String reasonText() {
		return String.join("; ", reasons);
	}

	static RiskAssessment of(PersonSummary person, CodedRecord record, LocalDate today) {
		return of(person, record, new RecordIndex(record), Registers.of(record, person.dateOfBirth(), today), today,
				true);
	}

	/**
	 * @param explain whether to list the record entries used (the population refresh needs only the result, and
	 * skipping the wording keeps it fast)
	 */
	static RiskAssessment of(PersonSummary person, CodedRecord record, RecordIndex index, Registers registers,
			LocalDate today, boolean explain) {
		List<String> notAppropriate = new ArrayList<>();
		int age = person.age();
		if (person.deceased()) {
			notAppropriate.add("person has died");
		}
		if (age < 25) {
			notAppropriate.add("age " + age + " is under 25 (QRISK3 is validated from 25)");
		}
		if (age >= 85) {
			notAppropriate.add("age " + age + ": 85 and over (NICE NG238: consider atorvastatin 20 mg without QRISK3)");
		}
		for (Register register : Register.CARDIOVASCULAR_DISEASE) {
			registers.entry(register)
				.ifPresent(e -> notAppropriate.add("existing CVD: " + register.title() + " register (" + e.term()
						+ ", " + e.code() + ", " + date(e.date()) + ")"));
		}
		registers.entry(Register.DM1)
			.ifPresent(e -> notAppropriate.add("type 1 diabetes (" + e.term() + ", " + e.code() + ")"));
		Optional<Observation> egfr = index.latest(ObservationType.EGFR);
		Optional<RegisterEntry> ckd = registers.entry(Register.CKD35);
		if (ckd.isPresent()) {
			notAppropriate.add("CKD stage 3-5 register (" + ckd.get().term() + ", " + ckd.get().code() + ")");
		}
		else if (egfr.isPresent() && egfr.get().value().compareTo(BigDecimal.valueOf(60)) < 0) {
			notAppropriate.add("eGFR " + plain(egfr.get().value()) + " below 60 on " + date(egfr.get().date()));
		}
		for (Problem problem : record.problems()) {
			if (problem.in(Cluster.FHYPGEN_COD) && !problem.onset().isAfter(today)) {
				notAppropriate.add("familial hypercholesterolaemia (" + problem.term() + ", " + problem.code() + ")");
				break;
			}
		}
		if (!notAppropriate.isEmpty()) {
			return new RiskAssessment(Status.NOT_APPROPRIATE, notAppropriate, null, null, List.of(), List.of());
		}

		List<InputUsed> used = explain ? new ArrayList<>() : new Discarding();
		List<String> missing = new ArrayList<>();
		List<DatedInput> dated = new ArrayList<>(4);
		boolean male = person.sex() == Sex.MALE;
		note(used, () -> new InputUsed("Age", age + " years", "Date of birth " + date(person.dateOfBirth())));
		note(used, () -> new InputUsed("Sex", person.sex().label(), "Demographics"));
		note(used, () -> new InputUsed("Ethnicity", person.qriskEthnicity().number() + " " + person.qriskEthnicity().label(),
				"Recorded ethnicity: " + person.ethnicity().label()));
		double townsend = clamp(person.townsendScore().doubleValue(), Qrisk3Inputs.Range.TOWNSEND, used,
				"Townsend score", () -> "LSOA " + person.lsoaCode() + " (" + person.lsoaName() + ")");

		int smoking = smokingCategory(index, used, dated, person.dateOfBirth());

		if (registers.diabetesTypeNotCoded()) {
			RegisterEntry dm = registers.entry(Register.DM).orElseThrow();
			missing.add("the type of diabetes (on the diabetes register by " + dm.term() + ", " + dm.code()
					+ ", with no type 1 or type 2 code; QRISK3 is not used in type 1)");
		}
		boolean type2 = register(registers, Register.DM2, "Type 2 diabetes", used);
		boolean af = register(registers, Register.AF, "Atrial fibrillation", used);
		boolean antipsychotic = medicine(record, MedicationCategory.ATYPICAL_ANTIPSYCHOTIC, "Atypical antipsychotic",
				used);
		boolean steroids = medicine(record, MedicationCategory.ORAL_CORTICOSTEROID, "Regular oral corticosteroids",
				used);
		boolean migraine = coded(record, Cluster.MIGRAINE, "Migraine", today, used);
		boolean ra = register(registers, Register.RA, "Rheumatoid arthritis", used);
		boolean smi = register(registers, Register.SMI, "Severe mental illness", used);
		boolean sle = coded(record, Cluster.SLE, "Systemic lupus erythematosus", today, used);
		Optional<RegisterEntry> hypertension = registers.entry(Register.HYP);
		boolean treated = hypertension.isPresent() && record.onMedication(MedicationCategory.ANTIHYPERTENSIVE);
		if (treated) {
			note(used, () -> new InputUsed("Treated hypertension", "Yes",
					"Hypertension register (" + hypertension.get().term() + ", " + hypertension.get().code()
							+ ") and a current antihypertensive: "
							+ record.current(MedicationCategory.ANTIHYPERTENSIVE).get(0).name()));
		}
		// No published code list of these was found: they are not read from the record, and the page says so
		note(used, () -> new InputUsed("Erectile dysfunction", "No (not read from the record)",
				"No published code list; enter it in the calculator if known"));
		note(used, () -> new InputUsed("Family history of CHD under 60", "No (not read from the record)",
				"No published code list; enter it in the calculator if known"));

		double bmi = 0;
		Optional<Observation> bmiObservation = index.latest(ObservationType.BMI);
		if (bmiObservation.isEmpty()) {
			missing.add("BMI");
		}
		else {
			Observation observed = bmiObservation.get();
			dated.add(new DatedInput("BMI", observed.date(), true));
			bmi = clamp(observed.value().doubleValue(), Qrisk3Inputs.Range.BMI, used, "BMI", () -> source(observed));
		}
		double ratio = 0;
		Optional<Observation[]> cholesterol = cholesterolPair(index);
		if (cholesterol.isEmpty()) {
			missing.add("cholesterol ratio (total and HDL cholesterol on the same day)");
		}
		else {
			Observation total = cholesterol.get()[0];
			Observation hdl = cholesterol.get()[1];
			double raw = total.value().doubleValue() / hdl.value().doubleValue();
			dated.add(new DatedInput("Cholesterol", total.date(), true));
			ratio = clamp(raw, Qrisk3Inputs.Range.RATIO, used, "Total/HDL cholesterol ratio",
					() -> "Total " + plain(total.value()) + " and HDL " + plain(hdl.value()) + " mmol/L on "
							+ date(total.date()));
		}
		double sbp = 0;
		double sd = 0;
		// QRISK3 was derived on clinic readings: home and ambulatory averages and single home readings are left out
		List<Observation> systolics = index.observations(ObservationType.SYSTOLIC_BP)
			.stream()
			.filter(o -> o.setting() == null || (!o.setting().average() && o.setting() != BloodPressureSetting.HOME))
			.toList();
		if (systolics.isEmpty()) {
			missing.add("systolic blood pressure (a clinic, pharmacy or optometry reading)");
		}
		else {
			Observation latestSystolic = systolics.get(0);
			dated.add(new DatedInput("Systolic blood pressure", latestSystolic.date(), true));
			sbp = clamp(latestSystolic.value().doubleValue(), Qrisk3Inputs.Range.SBP, used,
					"Systolic blood pressure", () -> source(latestSystolic));
			List<Observation> recent = systolics.stream()
				.filter(o -> !o.date().isBefore(today.minusYears(5)))
				.limit(SD_READINGS)
				.toList();
			if (recent.size() >= 2) {
				sd = clamp(sampleSd(recent), Qrisk3Inputs.Range.SBP_SD, used, "Systolic SD",
						() -> recent.size() + " readings from " + date(recent.get(recent.size() - 1).date()) + " to "
								+ date(recent.get(0).date()));
			}
			else {
				// QRISK3 needs two readings for an SD; with fewer the calculator's blank field means 0
				note(used, () -> new InputUsed("Systolic SD", "0 (fewer than 2 readings in 5 years)",
						"Only " + recent.size() + " reading(s) in the last 5 years"));
			}
		}
		if (!missing.isEmpty()) {
			List<String> reasons = missing.stream().map(m -> "missing " + m).toList();
			return new RiskAssessment(Status.NOT_ASSESSABLE, reasons, null, null, List.copyOf(used), List.copyOf(dated));
		}
		Qrisk3Inputs inputs = new Qrisk3Inputs(male, age, person.qriskEthnicity().number(), townsend, smoking, false,
				type2, af, antipsychotic, steroids, migraine, ra, false, smi, sle, treated, false, false, bmi, ratio, sbp,
				sd);
		return new RiskAssessment(Status.ASSESSED, List.of(), Qrisk3.score(inputs), inputs, List.copyOf(used),
				List.copyOf(dated));
	}

	/** A list that drops what is added: the inputs used, when they are not wanted. */
	private static final class Discarding extends java.util.AbstractList<InputUsed> {

		@Override
		public boolean add(InputUsed element) {
			return true;
		}

		@Override
		public InputUsed get(int index) {
			throw new IndexOutOfBoundsException(index);
		}

		@Override
		public int size() {
			return 0;
		}

	}

	/** QRISK3 smoking category from the latest smoking status and the cigarettes a day recorded with it. */
	private static int smokingCategory(RecordIndex record, List<InputUsed> used, List<DatedInput> dated,
			LocalDate dateOfBirth) {
		Optional<Observation> latest = record.latest(ObservationType.SMOKING_STATUS);
		Optional<SmokingStatus> status = latest.flatMap(Observation::smoking);
		if (status.isPresent()) {
			LocalDate on = latest.get().date();
			// QOF: a never-smoked status recorded at 25 or over stands; any other status is re-asked
			dated.add(new DatedInput("Smoking status", on, status.get() != SmokingStatus.NEVER_SMOKED
					|| PersonSummary.ageOn(dateOfBirth, on) < 25));
		}
		if (status.isEmpty()) {
			note(used, () -> new InputUsed("Smoking", "0 non-smoker (no smoking status recorded)",
					latest.map(RiskAssessment::source).orElse("No smoking status in the record")));
			return 0;
		}
		int perDay = latest.get().value().intValue();
		int category = switch (status.get()) {
			case SMOKER -> perDay >= 20 ? 4 : perDay >= 10 ? 3 : 2;
			case EX_SMOKER -> 1;
			default -> 0;
		};
		note(used, () -> new InputUsed("Smoking", category + " " + SMOKING_LABELS[category], source(latest.get())
				+ (status.get() == SmokingStatus.SMOKER ? ", " + perDay + " a day" : "")));
		return category;
	}

	/** The newest total cholesterol with an HDL of the same day. */
	private static Optional<Observation[]> cholesterolPair(RecordIndex record) {
		List<Observation> hdls = record.observations(ObservationType.HDL_CHOLESTEROL);
		for (Observation total : record.observations(ObservationType.TOTAL_CHOLESTEROL)) {
			for (Observation hdl : hdls) {
				if (hdl.date().equals(total.date()) && hdl.value().signum() > 0) {
					return Optional.of(new Observation[] { total, hdl });
				}
			}
		}
		return Optional.empty();
	}

	static double sampleSd(List<Observation> readings) {
		double mean = readings.stream().mapToDouble(o -> o.value().doubleValue()).average().orElse(0);
		double squares = readings.stream().mapToDouble(o -> Math.pow(o.value().doubleValue() - mean, 2)).sum();
		return Math.sqrt(squares / (readings.size() - 1));
	}

	/** Keeps a value within what the calculator accepts, saying so when it had to (never silently). */
	private static double clamp(double value, Qrisk3Inputs.Range range, List<InputUsed> used, String input,
			java.util.function.Supplier<String> source) {
		double kept = Math.max(range.min, Math.min(range.max, value));
		note(used, () -> new InputUsed(input, round(value)
				+ (kept != value ? " (used as " + round(kept) + ", the calculator's limit)" : ""), source.get()));
		return kept;
	}

	private static void note(List<InputUsed> used, java.util.function.Supplier<InputUsed> entry) {
		if (!(used instanceof Discarding)) {
			used.add(entry.get());
		}
	}

	private static boolean register(Registers registers, Register register, String input, List<InputUsed> used) {
		Optional<RegisterEntry> entry = registers.entry(register);
		entry.ifPresent(e -> note(used, () -> new InputUsed(input, "Yes", register.name() + " register: " + e.term()
				+ " (" + e.code() + ") on " + date(e.date()))));
		return entry.isPresent();
	}

	/** A condition QRISK3 reads as ever recorded, from a published list that is not a register. */
	private static boolean coded(CodedRecord record, Cluster cluster, String input, LocalDate today,
			List<InputUsed> used) {
		for (Problem problem : record.problems()) {
			if (problem.in(cluster) && !problem.onset().isAfter(today)) {
				note(used, () -> new InputUsed(input, "Yes", problem.term() + " (" + problem.code() + ") since "
						+ date(problem.onset())));
				return true;
			}
		}
		return false;
	}

	private static boolean medicine(CodedRecord record, MedicationCategory category, String input,
			List<InputUsed> used) {
		for (CodedRecord.Medication medication : record.medications()) {
			if (medication.current() && medication.in(category)) {
				note(used, () -> new InputUsed(input, "Yes", medication.name() + ", "
						+ category.label().toLowerCase(java.util.Locale.ROOT) + "s since "
						+ date(record.courseStart(category, medication))
						+ (medication.groupedByName() ? " (grouped by its name: the project's own mapping)" : "")));
				return true;
			}
		}
		return false;
	}

	static String source(Observation observation) {
		return "Observation " + observation.system() + " " + observation.code() + " on " + date(observation.date())
				+ (observation.setting() == null ? "" : " (" + observation.setting().label() + ")");
	}

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	/** "3 Mar 2026" (as DateTimeFormatter "d MMM yyyy" in the UK locale, without its cost in the bulk refresh). */
	static String date(LocalDate date) {
		return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/** "12.3": one decimal place, half up, without String.format (the refresh formats two million scores). */
	static String oneDecimal(double value) {
		long tenths = Math.round(value * 10);
		return (tenths / 10) + "." + (tenths % 10);
	}

	static String round(double value) {
		return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString();
	}

}
