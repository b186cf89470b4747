package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregate CVDPREVENT-style indicators from the latest evaluation: counts only, no one identifiable. Counts from 1
 * to 4 are shown as "fewer than 5" and percentages need a denominator of 10 or more (small-number suppression).
 */
@Component
@Transactional(readOnly = true)
class Dashboard {

	static final int SUPPRESS_BELOW = 5;

	static final int MIN_DENOMINATOR = 10;

	/**
	 * The five indicators, each a numerator over a denominator (CVDPREVENT indicators and the national CVD ambitions;
	 * docs/cvd.md).
	 */
	enum Indicator {

		HYPERTENSION_PREVALENCE("Hypertension prevalence recorded", "CVDP001HYP: people on the hypertension register, of everyone registered"),
		POSSIBLE_UNDIAGNOSED("Possible undiagnosed hypertension", "CVDP005HYP-style: latest reading of the last 12 months 140 systolic or 90 diastolic or more (home or ambulatory average 135/85), not on the hypertension register, of everyone registered"),
		TREATED_TO_TARGET("Hypertension treated to target", "CVDP007HYP: latest reading of the last 12 months below the NG136 target for age and setting, of people on the hypertension register"),
		HIGH_RISK_ON_STATIN("QRISK3 10% or more on statins", "CVDP006CHOL: on lipid-lowering therapy, of people without CVD with QRISK3 10% or more"),
		RISK_ASSESSED("Risk assessed in 5 years", "National ambition: cholesterol or risk review in 5 years, of people aged 40-74");

		private final String title;

		private final String definition;

		Indicator(String title, String definition) {
			this.title = title;
			this.definition = definition;
		}

		public String title() {
			return title;
		}

		public String definition() {
			return definition;
		}

	}

	/** One area's (or group's) counts. */
	record Counts(String key, String label, long people, long hypertension, long possibleUndiagnosed,
			long toTarget, long highRisk, long highRiskOnStatin, long aged40To74, long assessed) {

		long numerator(Indicator indicator) {
			return switch (indicator) {
				case HYPERTENSION_PREVALENCE -> hypertension;
				case POSSIBLE_UNDIAGNOSED -> possibleUndiagnosed;
				case TREATED_TO_TARGET -> toTarget;
				case HIGH_RISK_ON_STATIN -> highRiskOnStatin;
				case RISK_ASSESSED -> assessed;
			};
		}

		long denominator(Indicator indicator) {
			return switch (indicator) {
				case HYPERTENSION_PREVALENCE, POSSIBLE_UNDIAGNOSED -> people;
				case TREATED_TO_TARGET -> hypertension;
				case HIGH_RISK_ON_STATIN -> highRisk;
				case RISK_ASSESSED -> aged40To74;
			};
		}

		/** The percentage, or null when the denominator is too small to show. */
		public @Nullable Double percent(Indicator indicator) {
			long denominator = denominator(indicator);
			return denominator < MIN_DENOMINATOR || small(numerator(indicator)) ? null
					: 100.0 * numerator(indicator) / denominator;
		}

		/** 1 to 4: shown as "fewer than 5", and never as a percentage (which would give the count away). */
		static boolean small(long count) {
			return count > 0 && count < SUPPRESS_BELOW;
		}

		/** "12.3% (45 of 366)", suppressed where small. */
		public String text(Indicator indicator) {
			if (denominator(indicator) < MIN_DENOMINATOR) {
				return "Too few people to show";
			}
			if (small(numerator(indicator))) {
				return "fewer than 5 of " + count(denominator(indicator));
			}
			Double percent = percent(indicator);
			return String.format(java.util.Locale.UK, "%.1f%% (%s of %s)", percent, count(numerator(indicator)),
					count(denominator(indicator)));
		}

		static String count(long value) {
			return small(value) ? "fewer than 5" : String.format(java.util.Locale.UK, "%,d", value);
		}

	}

	private final JdbcClient jdbc;

	Dashboard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts grouped by a column of cvd.person_risk ("place_code", "pcn_code", "practice_code", an IMD quintile or
	 * ethnicity expression), optionally within one area.
	 */
	List<Counts> counts(String groupBy, @Nullable String areaColumn, @Nullable String areaCode,
			Map<String, String> labels) {
		// people who have died are in no denominator (nor numerator)
		String where = " WHERE NOT r.deceased" + (areaColumn == null ? "" : " AND r." + areaColumn + " = :area");
		String sql = """
				SELECT (%s)::text AS key, count(*) AS people,
				       count(*) FILTER (WHERE r.hypertension) AS hypertension,
				       count(*) FILTER (WHERE r.hypertension AND r.bp_to_target) AS to_target,
				       count(*) FILTER (WHERE r.score >= 10) AS high_risk,
				       count(*) FILTER (WHERE r.score >= 10 AND r.on_statin) AS high_risk_statin,
				       count(*) FILTER (WHERE r.age BETWEEN 40 AND 74) AS aged,
				       count(*) FILTER (WHERE r.age BETWEEN 40 AND 74 AND r.assessed_5y) AS assessed,
				       count(u.nhs_number) AS undiagnosed
				FROM cvd.person_risk r
				LEFT JOIN cvd.finding u ON u.nhs_number = r.nhs_number AND u.rule_code = 'CVD-HTN-UNDX'
				%s GROUP BY 1 ORDER BY 1""".formatted(groupBy, where);
		var statement = jdbc.sql(sql);
		if (areaColumn != null) {
			statement = statement.param("area", areaCode);
		}
		List<Counts> counts = new ArrayList<>();
		statement.query(rs -> {
			String key = rs.getString("key");
			counts.add(new Counts(key, labels.getOrDefault(key, key), rs.getLong("people"), rs.getLong("hypertension"),
					rs.getLong("undiagnosed"), rs.getLong("to_target"), rs.getLong("high_risk"),
					rs.getLong("high_risk_statin"), rs.getLong("aged"), rs.getLong("assessed")));
		});
		return counts;
	}

	/**
	 * The impact scenario's inputs for BOB or one Place: the QRISK3 scores of the people on the statin and blood
	 * pressure worklists, and how many are on the lists whose people have no score (CVD, CKD). No one who has died.
	 */
	ImpactScenario.Inputs impactInputs(@Nullable String placeCode) {
		return jdbc.sql("""
				SELECT count(*) AS people,
				       coalesce(sum(r.score) FILTER (WHERE f.statin), 0) AS statin_risk,
				       count(*) FILTER (WHERE f.statin) AS statin_people,
				       coalesce(sum(r.score) FILTER (WHERE f.bp AND r.score IS NOT NULL), 0) AS bp_risk,
				       count(*) FILTER (WHERE f.bp AND r.score IS NOT NULL) AS bp_people,
				       count(*) FILTER (WHERE f.bp AND r.score IS NULL) AS bp_without,
				       count(*) FILTER (WHERE f.secondary) AS secondary,
				       count(*) FILTER (WHERE f.ckd) AS ckd
				FROM cvd.person_risk r
				LEFT JOIN (SELECT nhs_number, bool_or(rule_code = 'CVD-QRISK-STATIN') AS statin,
				                  bool_or(rule_code IN ('CVD-HTN-UNDX', 'CVD-HTN-TARGET')) AS bp,
				                  bool_or(rule_code = 'CVD-LLT-CVD') AS secondary, bool_or(rule_code = 'CVD-LLT-CKD') AS ckd
				           FROM cvd.finding GROUP BY nhs_number) f ON f.nhs_number = r.nhs_number
				WHERE NOT r.deceased AND (CAST(:place AS varchar) IS NULL OR r.place_code = :place)""")
			.param("place", placeCode)
			.query((rs, i) -> new ImpactScenario.Inputs(rs.getLong("people"), rs.getDouble("statin_risk"),
					rs.getLong("statin_people"), rs.getDouble("bp_risk"), rs.getLong("bp_people"),
					rs.getLong("bp_without"), rs.getLong("secondary"), rs.getLong("ckd")))
			.single();
	}

	static Map<String, String> quintileLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("1", "Quintile 1 (most deprived, Core20)");
		labels.put("2", "Quintile 2");
		labels.put("3", "Quintile 3");
		labels.put("4", "Quintile 4");
		labels.put("5", "Quintile 5 (least deprived)");
		return labels;
	}

}
