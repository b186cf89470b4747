package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.population.RegisterEntry;
import uk.nhs.bob.primarycare.population.Registers;
import uk.nhs.bob.primarycare.population.Sex;

/**
 * The CHA2DS2-VASc stroke risk score (NICE NG196) computed from the record, with its parts and the evidence for
 * each: congestive heart failure (HF register) 1, hypertension (HYP register) 1, age 75 or over 2, diabetes (DM
 * register) 1, stroke or TIA (STIA register) 2, vascular disease (CHD or PAD register) 1, age 65-74 1, female 1.
 * The registers stand in for the score's items as the national clusters allow: the CHD register holds angina as well
 * as myocardial infarction, and thromboembolism other than stroke is not coded in any cluster here (docs/cvd.md).
 */
record ChadsVasc(int score, List<Part> parts) {

	/** One item of the score: its points for this person (0 when absent) and why. */
	record Part(String item, int points, String evidence) {
	}

	static ChadsVasc of(PersonSummary person, Registers registers) {
		List<Part> parts = new ArrayList<>();
		parts.add(register("Congestive heart failure", 1, registers.entry(Register.HF)));
		parts.add(register("Hypertension", 1, registers.entry(Register.HYP)));
		int age = person.age();
		parts.add(new Part("Age 75 or over", age >= 75 ? 2 : 0, "Age " + age));
		parts.add(register("Diabetes", 1, registers.entry(Register.DM)));
		parts.add(register("Stroke or TIA", 2, registers.entry(Register.STIA)));
		Optional<RegisterEntry> vascular = registers.entry(Register.CHD).or(() -> registers.entry(Register.PAD));
		parts.add(register("Vascular disease (CHD or peripheral arterial disease)", 1, vascular));
		parts.add(new Part("Age 65-74", age >= 65 && age < 75 ? 1 : 0, "Age " + age));
		parts.add(new Part("Sex category (female)", person.sex() == Sex.FEMALE ? 1 : 0, person.sex().label()));
		return new ChadsVasc(parts.stream().mapToInt(Part::points).sum(), List.copyOf(parts));
	}

	private static Part register(String item, int points, Optional<RegisterEntry> entry) {
		return entry.map(e -> new Part(item, points, e.register().name() + " register: " + e.term() + " ("
				+ e.code() + ") on " + RiskAssessment.date(e.date())))
			.orElseGet(() -> new Part(item, 0, "Not on the register"));
	}

	/** The score and the items that scored, in words, for lists and explanations. */
	public String text() {
		StringBuilder text = new StringBuilder("CHA2DS2-VASc ").append(score);
		String sep = ": ";
		for (Part part : parts) {
			if (part.points() > 0) {
				text.append(sep).append(part.item().toLowerCase(java.util.Locale.UK)).append(' ').append(part.points());
				sep = ", ";
			}
		}
		return text.toString();
	}

}
