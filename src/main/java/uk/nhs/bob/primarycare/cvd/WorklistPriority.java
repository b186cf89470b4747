package uk.nhs.bob.primarycare.cvd;

import java.util.List;

/**
 * The order within a rule, as the UCLP and Healthy Hearts search tools rank their lists: clinical severity first (a
 * higher band for a reading of 160 systolic or 100 diastolic or more, NICE NG136 stage 2, or a QRISK3 score of 20% or
 * more, the NHS Health Check's high-risk line), then the value itself (the higher score or systolic pressure first),
 * then deprivation (national IMD decile, Core20 first, then Townsend score, more deprived first). Across rules, a
 * person's most urgent finding places them: the rule's clinical priority first. docs/cvd.md explains it.
 */
final class WorklistPriority {

	static final int HIGH_BAND_SYSTOLIC = 160;

	static final int HIGH_BAND_DIASTOLIC = 100;

	static final double HIGH_BAND_QRISK3 = 20;

	/** A finding's place, column by column, over the finding table named by {@code prefix} ("f." or "g."). */
	private static List<String> key(String prefix) {
		return List.of(prefix + "priority",
				"CASE WHEN coalesce(" + prefix + "systolic, 0) >= " + HIGH_BAND_SYSTOLIC + " OR coalesce(" + prefix
						+ "diastolic, 0) >= " + HIGH_BAND_DIASTOLIC + " OR coalesce(" + prefix + "score, 0) >= "
						+ HIGH_BAND_QRISK3 + " THEN 0 ELSE 1 END",
				"-coalesce(" + prefix + "score, " + prefix + "systolic, 0)", "-coalesce(" + prefix + "diastolic, 0)");
	}

	/** One finding's place, column by column (an SQL ORDER BY list over finding f): rule, band, value, diastolic. */
	static final String FINDING_ORDER = String.join(", ", key("f."));

	/** The same place as named columns: priority, band, finding_value, finding_diastolic. */
	static final String FINDING_KEY_COLUMNS = "f.priority, " + key("f.").get(1) + " AS band, " + key("f.").get(2)
			+ " AS finding_value, " + key("f.").get(3) + " AS finding_diastolic";

	/** Whether finding g comes before finding f of the same person: key, then rule code (one finding each). */
	static String before(String g, String f) {
		return "(" + String.join(", ", key(g + ".")) + ", " + g + ".rule_code) < (" + String.join(", ", key(f + "."))
				+ ", " + f + ".rule_code)";
	}

	private WorklistPriority() {
	}

	/** Whether a finding is in the higher severity band. */
	static boolean highBand(Worklists.FindingRow finding) {
		return (finding.systolic() != null && finding.systolic() >= HIGH_BAND_SYSTOLIC)
				|| (finding.diastolic() != null && finding.diastolic() >= HIGH_BAND_DIASTOLIC)
				|| (finding.score() != null && finding.score() >= HIGH_BAND_QRISK3);
	}

}
