package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;


/**
 * How old the evidence behind a finding is, and whether it is older than the rule's window. Each window is the
 * rule's own (its readings must be that recent to count) or the age after which the value should be re-measured
 * before acting on it; docs/cvd.md lists them with their sources. A diagnosis (register entry) never goes stale.
 */
public final class EvidenceAge {

	/** The evidence's age in words (the month it is from and how long ago) and whether it is stale. */
	public record Age(String text, boolean stale) {

		static final Age NONE = new Age("", false);

	}

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private EvidenceAge() {
	}

	/** The window after which the rule's evidence is stale; null when it does not go stale. */
	static @Nullable Period window(CaseFindingRule rule) {
		return switch (rule) {
			// NICE NG136: same-day assessment of a severe reading; the rule's own 30 days
			case SEVERE_BLOOD_PRESSURE -> Period.ofDays(CaseFinding.SEVERE_WITHIN_DAYS);
			// CVDPREVENT CVDP005HYP / CVDP007HYP judge the latest reading of the last 12 months
			case POSSIBLE_UNDIAGNOSED_HYPERTENSION, HYPERTENSION_NOT_TO_TARGET -> Period.ofMonths(12);
			// QOF: smoking status and BMI are recorded yearly for people on the relevant registers
			case SMOKER_NOT_REFERRED, WEIGHT_MANAGEMENT -> Period.ofMonths(12);
			// the NHS Health Check's 5-year cycle: QRISK3 inputs older than that are re-measured before treating
			case HIGH_RISK_NOT_ON_STATIN -> Period.ofYears(5);
			// NICE NG238: non-HDL is checked at 3 months and then yearly
			case NON_HDL_NOT_REDUCED -> Period.ofMonths(12);
			// register entries (diagnoses), the absence of an assessment, and missing inputs do not go stale
			case AF_NOT_ANTICOAGULATED, CVD_NOT_ON_LIPID_LOWERING, CKD_NOT_ON_LIPID_LOWERING, NO_RISK_ASSESSMENT,
					RISK_NOT_ASSESSABLE -> null;
		};
	}

	static Age of(CaseFindingRule rule, @Nullable LocalDate evidence, LocalDate today) {
		if (evidence == null) {
			return Age.NONE;
		}
		Period window = window(rule);
		boolean stale = window != null && evidence.plus(window).isBefore(today);
		return new Age("from " + MONTH.format(evidence) + ", " + ago(evidence, today)
				+ (stale ? ", older than the rule's " + words(window) : ""), stale);
	}

	static String ago(LocalDate date, LocalDate today) {
		Period age = Period.between(date, today);
		if (age.isNegative()) {
			return "in the future";
		}
		if (age.getYears() > 0) {
			return age.getYears() + (age.getYears() == 1 ? " year ago" : " years ago");
		}
		if (age.getMonths() > 0) {
			return age.getMonths() + (age.getMonths() == 1 ? " month ago" : " months ago");
		}
		int days = age.getDays();
		return days == 0 ? "today" : days + (days == 1 ? " day ago" : " days ago");
	}

	static String words(Period window) {
		if (window.getYears() > 0) {
			return window.getYears() + " years";
		}
		if (window.getMonths() > 0) {
			return window.getMonths() + " months";
		}
		return window.getDays() + " days";
	}

	/** QRISK3's dated inputs older than this are flagged on the person page (the NHS Health Check's 5 years). */
	static final Period QRISK_INPUT_WINDOW = Period.ofYears(5);

	/** One QRISK3 input with its date in words and whether it is stale. */
	record InputAge(String input, LocalDate date, String age, boolean stale) {

		/** The input and its age in words, for example Cholesterol from March 2019 and how long ago. */
		String text() {
			return input + " " + age;
		}

	}

	/**
	 * Every dated QRISK3 input of an assessment (BMI, cholesterol, clinic systolic, smoking status, as QRISK3 picked
	 * them), each with its age and flagged when older than {@link #QRISK_INPUT_WINDOW}; oldest first.
	 */
	static List<InputAge> qriskInputs(RiskAssessment assessment, LocalDate today) {
		List<InputAge> ages = new ArrayList<>();
		assessment.dated()
			.stream()
			.sorted(java.util.Comparator.comparing(RiskAssessment.DatedInput::date))
			.forEach(input -> {
				boolean stale = input.canGoStale() && input.date().plus(QRISK_INPUT_WINDOW).isBefore(today);
				ages.add(new InputAge(input.input(), input.date(),
						"from " + MONTH.format(input.date()) + ", " + ago(input.date(), today)
								+ (input.canGoStale() ? "" : " (never smoked, recorded at 25 or over: stands)"),
						stale));
			});
		return ages;
	}

	/** The stale ones of {@link #qriskInputs}, in words. */
	static List<String> staleQriskInputs(RiskAssessment assessment, LocalDate today) {
		return qriskInputs(assessment, today).stream().filter(InputAge::stale).map(InputAge::text).toList();
	}

}
