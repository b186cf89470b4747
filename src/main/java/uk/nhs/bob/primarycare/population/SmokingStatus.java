package uk.nhs.bob.primarycare.population;

import java.util.Arrays;
import java.util.Optional;

/** Smoking status with its SNOMED CT code (DOMAIN.md B10). */
public enum SmokingStatus {

	SMOKER("77176002", "Smoker"), EX_SMOKER("8517006", "Ex-smoker"), NEVER_SMOKED("266919005", "Never smoked"),
	UNKNOWN("266927001", "Smoking status unknown");

	private final String snomedCode;

	private final String label;

	SmokingStatus(String snomedCode, String label) {
		this.snomedCode = snomedCode;
		this.label = label;
	}

	public String snomedCode() {
		return snomedCode;
	}

	public String label() {
		return label;
	}

	public static Optional<SmokingStatus> ofCode(String snomedCode) {
		return Arrays.stream(values()).filter(s -> s.snomedCode.equals(snomedCode)).findFirst();
	}

}
