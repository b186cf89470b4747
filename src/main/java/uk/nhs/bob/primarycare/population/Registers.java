package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Problem;

/**
 * The registers a person is on, and the code that put them on each. Computed from the coded problem list on a date:
 * only codes recorded on or before it count, and the age limits apply at that date.
 * <p>
 * The QOF rule, per register with a resolved cluster: on the register when the latest diagnosis code is later than
 * the latest resolved code (a resolved code on the same day as the diagnosis takes the person off). Without a
 * resolved cluster any diagnosis code ever recorded counts: an acute event a sending system marks "resolved" (an MI)
 * still belongs on the register.
 */
public record Registers(List<RegisterEntry> entries) {

	private static final Register[] REGISTERS = Register.values();

	public Registers {
		entries = List.copyOf(entries);
	}

	public boolean on(Register register) {
		return entry(register).isPresent();
	}

	public Optional<RegisterEntry> entry(Register register) {
		for (RegisterEntry entry : entries) {
			if (entry.register() == register) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	public List<Register> registers() {
		return entries.stream().map(RegisterEntry::register).toList();
	}

	/** The first of CHD, stroke/TIA and PAD the person is on: existing cardiovascular disease. */
	public Optional<RegisterEntry> cardiovascularDisease() {
		for (Register register : Register.CARDIOVASCULAR_DISEASE) {
			Optional<RegisterEntry> entry = entry(register);
			if (entry.isPresent()) {
				return entry;
			}
		}
		return Optional.empty();
	}

	/** Whether the person is on the diabetes register without a type 1 or type 2 code. */
	public boolean diabetesTypeNotCoded() {
		return on(Register.DM) && !on(Register.DM1) && !on(Register.DM2);
	}

	/** The registers of a record on a date, for a person born on {@code dateOfBirth}. */
	public static Registers of(CodedRecord record, LocalDate dateOfBirth, LocalDate on) {
		int count = REGISTERS.length;
		@Nullable Problem[] latestDiagnosis = new Problem[count];
		@Nullable LocalDate[] latestResolved = new LocalDate[count];
		Problem latestType = null;
		for (Problem problem : record.problems()) {
			if (problem.clusters().isEmpty() || problem.onset().isAfter(on)) {
				continue;
			}
			for (int i = 0; i < count; i++) {
				Register register = REGISTERS[i];
				if (problem.clusters().intersects(register.diagnosisSet)) {
					Problem current = latestDiagnosis[i];
					// of two on the same day the later line wins, as the problem list is in recording order
					if (current == null || !problem.onset().isBefore(current.onset())) {
						latestDiagnosis[i] = problem;
					}
					if (register.diabetesType()
							&& (latestType == null || !problem.onset().isBefore(latestType.onset()))) {
						latestType = problem;
					}
				}
				if (problem.clusters().intersects(register.resolvedSet)) {
					LocalDate current = latestResolved[i];
					if (current == null || problem.onset().isAfter(current)) {
						latestResolved[i] = problem.onset();
					}
				}
			}
		}
		int age = PersonSummary.ageOn(dateOfBirth, on);
		List<RegisterEntry> entries = new ArrayList<>(4);
		boolean diabetes = false;
		for (int i = 0; i < count; i++) {
			Register register = REGISTERS[i];
			Problem diagnosis = latestDiagnosis[i];
			if (diagnosis == null || register.diabetesType() || age < register.minimumAge()) {
				continue;
			}
			LocalDate resolved = latestResolved[i];
			if (resolved != null && !resolved.isBefore(diagnosis.onset())) {
				continue;
			}
			entries.add(entry(register, diagnosis));
			diabetes |= register == Register.DM;
		}
		if (diabetes && latestType != null) {
			boolean type1 = latestType.clusters().intersects(Register.DM1.diagnosisSet);
			boolean type2 = latestType.clusters().intersects(Register.DM2.diagnosisSet);
			// a code in both type clusters decides nothing: the type is left not coded
			if (type1 != type2) {
				entries.add(entry(type1 ? Register.DM1 : Register.DM2, latestType));
				entries.sort(java.util.Comparator.comparingInt(e -> e.register().ordinal()));
			}
		}
		return new Registers(entries);
	}

	private static RegisterEntry entry(Register register, Problem problem) {
		return new RegisterEntry(register, problem.code(), problem.term(), problem.onset());
	}

	/** The registers, in register order, as their ids ("HYP", "CHD"...). */
	public List<String> ids() {
		return Arrays.stream(REGISTERS).filter(this::on).map(Enum::name).toList();
	}

}
