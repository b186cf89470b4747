package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;
import uk.nhs.bob.primarycare.terminology.CodeSets;

/**
 * A person's coded record as later modules read it: problems, observations, medications and hospital admissions,
 * each with the code and code system it was recorded with and what the code sets make of it (its clusters, the
 * observation type, the medicine groups). Lists are in date order, oldest first.
 */
public record CodedRecord(List<Problem> problems, List<Observation> observations, List<Medication> medications,
		List<Admission> admissions) {

	/**
	 * The longest break between one prescription of a group ending and the next starting that still counts as one
	 * course: 90 days, a three-month supply (the longest usual repeat interval). The project's own rule, in
	 * docs/cvd.md.
	 */
	public static final int COURSE_GAP_DAYS = 90;

	public CodedRecord {
		problems = List.copyOf(problems);
		observations = List.copyOf(observations);
		medications = List.copyOf(medications);
		admissions = List.copyOf(admissions);
	}

	/**
	 * A coded entry of the problem list (diagnosis, finding, procedure, personalised care adjustment) with the clusters
	 * its code belongs to. {@code codeSystem} null means SNOMED CT; {@code resolved} is the end date the source gave.
	 */
	public record Problem(@Nullable String codeSystem, String code, String term, LocalDate onset,
			@Nullable LocalDate resolved, ClusterSet clusters) {

		/** A SNOMED CT coded problem, its clusters from the shipped code sets. */
		public static Problem of(String code, String term, LocalDate onset, @Nullable LocalDate resolved) {
			return new Problem(null, code, term, onset, resolved, CodeSets.standard().clustersOf(code));
		}

		public boolean active() {
			return resolved == null;
		}

		public boolean in(Cluster cluster) {
			return clusters.contains(cluster);
		}

		/** The code system by name: SNOMED CT, dm+d, LOINC or RxNorm, or the system URI the source named. */
		public String system() {
			return CodedRecord.system(codeSystem);
		}

	}

	/**
	 * One observation the platform recognised, its value in the type's unit. Blood pressures carry where they were
	 * taken (null: not recorded, read as a clinic reading); smoking status observations carry the status.
	 */
	public record Observation(ObservationType type, @Nullable String codeSystem, String code, BigDecimal value,
			String unit, LocalDate date, @Nullable BloodPressureSetting setting,
			@Nullable SmokingStatus smokingStatus) {

		/**
		 * A SNOMED CT coded observation as the platform reads it (its type, unit conversion and setting from the code
		 * sets), or an exception when the platform does not read this code with this value and unit.
		 */
		public static Observation of(String code, BigDecimal value, String unit, LocalDate date,
				@Nullable BloodPressureSetting setting) {
			Observation observation = RecordCodes.standard()
				.observation(null, code, value, unit, date, setting == null ? null : setting.name(), null, null);
			if (observation == null) {
				throw new IllegalArgumentException("Code " + code + " with " + value + " " + unit + " is not read");
			}
			return observation;
		}

		/** For smoking status observations: the status the code (or coded answer) stands for. */
		public Optional<SmokingStatus> smoking() {
			return Optional.ofNullable(smokingStatus);
		}

		public String system() {
			return CodedRecord.system(codeSystem);
		}

	}

	/**
	 * A medicine with the groups it is in: from the code sets for dm+d / SNOMED CT codes, or from the project's own
	 * name mapping for other code systems ({@code groupedByName}).
	 */
	public record Medication(@Nullable String codeSystem, String code, String name, LocalDate start,
			@Nullable LocalDate end, int categoryMask, boolean groupedByName) {

		/** A dm+d coded medicine, its groups from the shipped code sets. */
		public static Medication of(String code, String name, LocalDate start, @Nullable LocalDate end) {
			return new Medication(null, code, name, start, end,
					MedicationCategory.maskOf(CodeSets.standard().clustersOf(code)), false);
		}

		public boolean current() {
			return end == null;
		}

		public boolean in(MedicationCategory category) {
			return (categoryMask & (1 << category.ordinal())) != 0;
		}

		public List<MedicationCategory> categories() {
			List<MedicationCategory> categories = new ArrayList<>();
			for (MedicationCategory category : MedicationCategory.values()) {
				if (in(category)) {
					categories.add(category);
				}
			}
			return categories;
		}

		public String system() {
			return CodedRecord.system(codeSystem);
		}

	}

	/**
	 * A hospital encounter: an admission ({@code planned} is null when the source did not say whether it was an
	 * emergency), or, when {@code emergencyAttendance}, an attendance at an emergency department (A&amp;E) that is not
	 * itself an admission.
	 */
	public record Admission(LocalDate date, @Nullable Boolean planned, String reason, boolean emergencyAttendance) {

		public Admission(LocalDate date, @Nullable Boolean planned, String reason) {
			this(date, planned, reason, false);
		}

		/** An admission that was an emergency (an A&amp;E attendance alone is not an admission). */
		public boolean unplanned() {
			return !emergencyAttendance && Boolean.FALSE.equals(planned);
		}

	}

	/**
	 * The record as it stood at the end of a day: entries dated after it left out, a problem resolved or a
	 * prescription ended after it still open. For indicators counted as at a past date.
	 */
	public CodedRecord asAt(LocalDate day) {
		List<Problem> problemsThen = new ArrayList<>(problems.size());
		for (Problem p : problems) {
			if (!p.onset().isAfter(day)) {
				problemsThen.add(p.resolved() != null && p.resolved().isAfter(day)
						? new Problem(p.codeSystem(), p.code(), p.term(), p.onset(), null, p.clusters()) : p);
			}
		}
		List<Observation> observationsThen = new ArrayList<>(observations.size());
		for (Observation o : observations) {
			if (!o.date().isAfter(day)) {
				observationsThen.add(o);
			}
		}
		List<Medication> medicationsThen = new ArrayList<>(medications.size());
		for (Medication m : medications) {
			if (!m.start().isAfter(day)) {
				medicationsThen.add(m.end() != null && m.end().isAfter(day) ? new Medication(m.codeSystem(), m.code(),
						m.name(), m.start(), null, m.categoryMask(), m.groupedByName()) : m);
			}
		}
		List<Admission> admissionsThen = new ArrayList<>(admissions.size());
		for (Admission a : admissions) {
			if (!a.date().isAfter(day)) {
				admissionsThen.add(a);
			}
		}
		return new CodedRecord(problemsThen, observationsThen, medicationsThen, admissionsThen);
	}

	/** The observations of one type, newest first. */
	public List<Observation> observations(ObservationType type) {
		return observations.stream()
			.filter(o -> o.type() == type)
			.sorted(Comparator.comparing(Observation::date).reversed())
			.toList();
	}

	public Optional<Observation> latest(ObservationType type) {
		return observations(type).stream().findFirst();
	}

	public boolean onMedication(MedicationCategory category) {
		return medications.stream().anyMatch(m -> m.current() && m.in(category));
	}

	/**
	 * The start of the continuous course of a group that a medicine belongs to: the first start of the run of the
	 * group's prescriptions, up to this one, in which each starts no more than {@link #COURSE_GAP_DAYS} days after the
	 * ones before it ended (a current prescription has not ended). A switch of statin or dose continues the course;
	 * a longer break starts a new one. Without earlier prescriptions it is the medicine's own start.
	 */
	public LocalDate courseStart(MedicationCategory category, Medication medication) {
		List<Medication> group = medications.stream()
			.filter(m -> m.in(category) && !m.start().isAfter(medication.start()))
			.sorted(Comparator.comparing(Medication::start))
			.toList();
		LocalDate courseStart = medication.start();
		LocalDate coveredTo = null;
		for (Medication m : group) {
			if (coveredTo == null || m.start().minusDays(COURSE_GAP_DAYS).isAfter(coveredTo)) {
				courseStart = m.start();
				coveredTo = m.end() == null ? LocalDate.MAX : m.end();
			}
			else if (m.end() == null || m.end().isAfter(coveredTo)) {
				coveredTo = m.end() == null ? LocalDate.MAX : m.end();
			}
		}
		return courseStart;
	}

	/** The first start of any prescription of a group (current or ended), if the record has one. */
	public Optional<LocalDate> firstStart(MedicationCategory category) {
		return medications.stream().filter(m -> m.in(category)).map(Medication::start).min(Comparator.naturalOrder());
	}

	/** The current medicines of a group, newest first. */
	public List<Medication> current(MedicationCategory category) {
		return medications.stream()
			.filter(m -> m.current() && m.in(category))
			.sorted(Comparator.comparing(Medication::start).reversed())
			.toList();
	}

	static String system(@Nullable String codeSystem) {
		if (codeSystem == null || CodeSets.SNOMED_CT.equals(codeSystem)) {
			return "SNOMED CT";
		}
		if (CodeSets.DMD.equals(codeSystem)) {
			return "dm+d";
		}
		if ("http://loinc.org".equals(codeSystem)) {
			return "LOINC";
		}
		if ("http://www.nlm.nih.gov/research/umls/rxnorm".equals(codeSystem)) {
			return "RxNorm";
		}
		return codeSystem;
	}

}
