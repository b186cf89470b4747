package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of QRISK3-2017 (Hippisley-Cox et al., BMJ 2017;357:j2099), coded as the published algorithm expects:
 * ethnicity 1-9 (1 White or not stated ... 9 other), smoking 0-4 (non, ex, light, moderate, heavy).
 */
record Qrisk3Inputs(boolean male, int age, int ethnicity, double townsend, int smokingCategory, boolean type1Diabetes,
		boolean type2Diabetes, boolean atrialFibrillation, boolean atypicalAntipsychotics, boolean corticosteroids,
		boolean migraine, boolean rheumatoidArthritis, boolean chronicKidneyDisease, boolean severeMentalIllness,
		boolean sle, boolean treatedHypertension, boolean erectileDysfunction, boolean familyHistoryCvd, double bmi,
		double cholesterolHdlRatio, double systolicBp, double systolicBpSd) {

	/**
	 * The ranges the QRISK3 calculator accepts. Age 25-84 is the algorithm's validated range (BMJ 2017;357:j2099);
	 * BMI 20-40, cholesterol ratio 1-12 and systolic pressure 70-210 are the ranges of ClinRisk's web calculator;
	 * the Townsend range (-8 to 16) spans every England and Wales census area, and systolic SD 0-60 mmHg is the
	 * project's own plausibility bound (the algorithm publishes none).
	 */
	enum Range {

		AGE("age", 25, 84), TOWNSEND("townsend", -8, 16), BMI("bmi", 20, 40),
		RATIO("cholesterolHdlRatio", 1, 12), SBP("systolicBp", 70, 210), SBP_SD("systolicBpSd", 0, 60);

		final String field;

		final double min;

		final double max;

		Range(String field, double min, double max) {
			this.field = field;
			this.min = min;
			this.max = max;
		}

		boolean contains(double value) {
			return !Double.isNaN(value) && value >= min && value <= max;
		}

		String message() {
			return "must be between " + number(min) + " and " + number(max);
		}

		static String number(double value) {
			return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
		}

	}

	/** Field name and message for every input outside what the algorithm accepts; empty when all are valid. */
	List<String[]> problems() {
		List<String[]> problems = new ArrayList<>();
		check(problems, Range.AGE, age);
		if (ethnicity < 1 || ethnicity > 9) {
			problems.add(new String[] { "ethnicity", "must be between 1 and 9" });
		}
		check(problems, Range.TOWNSEND, townsend);
		if (smokingCategory < 0 || smokingCategory > 4) {
			problems.add(new String[] { "smokingCategory", "must be between 0 and 4" });
		}
		if (type1Diabetes && type2Diabetes) {
			problems.add(new String[] { "type2Diabetes", "cannot be true as well as type1Diabetes" });
		}
		if (!male && erectileDysfunction) {
			problems.add(new String[] { "erectileDysfunction", "applies to males only" });
		}
		check(problems, Range.BMI, bmi);
		check(problems, Range.RATIO, cholesterolHdlRatio);
		check(problems, Range.SBP, systolicBp);
		check(problems, Range.SBP_SD, systolicBpSd);
		return problems;
	}

	private static void check(List<String[]> problems, Range range, double value) {
		if (!range.contains(value)) {
			problems.add(new String[] { range.field, range.message() });
		}
	}

	/** The score; only for valid inputs. */
	double score() {
		if (!problems().isEmpty()) {
			throw new IllegalArgumentException("QRISK3 inputs out of range: " + problems().get(0)[0]);
		}
		return Qrisk3.score(this);
	}

}
