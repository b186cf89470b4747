package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A person's coded record as later modules read it: problems, observations, medications and hospital admissions.
 * Lists are in date order, oldest first.
 */
public record CodedRecord(List<Problem> problems, List<Observation> observations, List<Medication> medications,
		List<Admission> admissions) {

	public CodedRecord {
		problems = List.copyOf(problems);
		observations = List.copyOf(observations);
		medications = List.copyOf(medications);
		admissions = List.copyOf(admissions);
	}

	/** A problem (diagnosis, symptom or social finding) coded in SNOMED CT. */
	public record Problem(String snomedCode, String term, LocalDate onset, @Nullable LocalDate resolved) {

		public boolean active() {
			return resolved == null;
		}

	}

	/** One observation; blood pressures carry where they were taken. */
	public record Observation(ObservationType type, String snomedCode, BigDecimal value, String unit, LocalDate date,
			@Nullable BloodPressureSetting setting) {

		/** For smoking status observations: the status the code stands for. */
		public Optional<SmokingStatus> smokingStatus() {
			return type == ObservationType.SMOKING_STATUS ? SmokingStatus.ofCode(snomedCode) : Optional.empty();
		}

	}

	/** A medicine, coded with its SNOMED CT substance concept. */
	public record Medication(MedicationCategory category, String name, String snomedCode, LocalDate start,
			@Nullable LocalDate end) {

		public boolean current() {
			return end == null;
		}

	}

	/** A hospital admission. */
	public record Admission(LocalDate date, boolean planned, String reason) {
	}

	public boolean hasActiveProblem(String snomedCode) {
		return problems.stream().anyMatch(p -> p.active() && p.snomedCode().equals(snomedCode));
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
		return medications.stream().anyMatch(m -> m.current() && m.category() == category);
	}

}
