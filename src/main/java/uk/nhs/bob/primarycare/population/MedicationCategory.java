package uk.nhs.bob.primarycare.population;

/**
 * Groups of medicines that risk tools and case-finding rules ask about: QRISK3 needs blood pressure treatment,
 * atypical antipsychotics and regular oral steroids, and statin use excludes people from primary prevention; the eFI
 * counts polypharmacy.
 */
public enum MedicationCategory {

	LIPID_LOWERING("Lipid-lowering"), ANTIHYPERTENSIVE("Antihypertensive"), ANTICOAGULANT("Anticoagulant"),
	ANTIDIABETIC("Antidiabetic"), ATYPICAL_ANTIPSYCHOTIC("Atypical antipsychotic"),
	ORAL_CORTICOSTEROID("Oral corticosteroid"), ANTIDEPRESSANT("Antidepressant"), RESPIRATORY("Respiratory"),
	OTHER("Other");

	private final String label;

	MedicationCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
