package uk.nhs.bob.primarycare.cvd;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** The cvd.outreach table: outreach recorded per person, and the history the rules read from it. */
@Component
class Outreaches {

	/** One outreach as listed on a person's page. */
	record Entry(UUID id, OutreachType type, @Nullable String ruleCode, OutreachOutcome outcome, LocalDate outcomeDate,
			@Nullable String note, String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	Outreaches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID id, NhsNumber nhsNumber, String practiceCode, String siteCode, OutreachType type,
			@Nullable String ruleCode, OutreachOutcome outcome, LocalDate outcomeDate, @Nullable String note,
			String recordedBy, Instant recordedAt) {
		jdbc.sql("""
				INSERT INTO cvd.outreach (id, nhs_number, practice_code, site_code, type, rule_code, outcome,
				    outcome_date, note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, nhsNumber.value(), practiceCode, siteCode, type.name(), ruleCode, outcome.name(), outcomeDate,
					note, recordedBy, Timestamp.from(recordedAt))
			.update();
	}

	List<Entry> of(NhsNumber nhsNumber) {
		return jdbc.sql("""
				SELECT id, type, rule_code, outcome, outcome_date, note, recorded_by, recorded_at FROM cvd.outreach
				WHERE nhs_number = ? ORDER BY outcome_date DESC, recorded_at DESC""")
			.param(nhsNumber.value())
			.query((rs, i) -> new Entry(rs.getObject("id", UUID.class), OutreachType.valueOf(rs.getString("type")),
					rs.getString("rule_code"), OutreachOutcome.valueOf(rs.getString("outcome")),
					rs.getObject("outcome_date", LocalDate.class), rs.getString("note"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	OutreachHistory history(NhsNumber nhsNumber) {
		OutreachHistory history = OutreachHistory.NONE;
		for (Entry entry : of(nhsNumber)) {
			history = history.with(entry.type(), entry.outcome(), entry.outcomeDate());
		}
		return history;
	}

	/** Everyone's history, for the population refresh (outreach is small next to the population). */
	Map<String, OutreachHistory> histories() {
		return histories(LocalDate.MAX);
	}

	/** As {@link #histories()}, with only the outreach whose outcome was on or before a day. */
	Map<String, OutreachHistory> histories(LocalDate asAt) {
		Map<String, OutreachHistory> histories = new HashMap<>();
		jdbc.sql("SELECT nhs_number, type, outcome, outcome_date FROM cvd.outreach WHERE outcome_date <= ?")
			.param(asAt.equals(LocalDate.MAX) ? LocalDate.of(9999, 12, 31) : asAt)
			.query(rs -> {
			histories.merge(rs.getString(1),
					OutreachHistory.NONE.with(OutreachType.valueOf(rs.getString(2)),
							OutreachOutcome.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)),
					(a, b) -> {
						OutreachHistory merged = a;
						if (b.tobaccoReferral() != null) {
							merged = merged.with(OutreachType.TOBACCO_REFERRAL, OutreachOutcome.SENT, b.tobaccoReferral());
						}
						if (b.weightReferral() != null) {
							merged = merged.with(OutreachType.WEIGHT_MANAGEMENT_REFERRAL, OutreachOutcome.SENT,
									b.weightReferral());
						}
						if (b.riskReview() != null) {
							merged = merged.with(OutreachType.GP_REVIEW, OutreachOutcome.ATTENDED, b.riskReview());
						}
						return merged;
					});
		});
		return histories;
	}

	/** Outreach recorded per neighbourhood site since a date (for the weekly site counts). */
	Map<String, Integer> countBySiteSince(LocalDate since) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("SELECT site_code, count(*) FROM cvd.outreach WHERE outcome_date >= ? GROUP BY site_code")
			.param(since)
			.query(rs -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

}
