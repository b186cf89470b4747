package uk.nhs.bob.primarycare.cvd;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The cvd.care_adjustment table: personalised care adjustments recorded on a person's CVD page, and the ones in
 * force that the rules read. One is in force from the day it is recorded until the day before its review date,
 * unless withdrawn.
 */
@Component
class CareAdjustments {

	/** QOF personalised care adjustments last a year unless a review date is given. */
	static final int DEFAULT_MONTHS = 12;

	/** One adjustment as listed on a person's page. */
	record Adjustment(UUID id, CaseFindingRule rule, AdjustmentReason reason, LocalDate recordedOn,
			LocalDate reviewDate, @Nullable String note, String recordedBy, Instant recordedAt,
			@Nullable Instant withdrawnAt, @Nullable String withdrawnBy) {

		public boolean inForce(LocalDate today) {
			return withdrawnAt == null && !today.isBefore(recordedOn) && today.isBefore(reviewDate);
		}

	}

	/** The adjustments in force for one person, by rule. */
	record InForce(Map<CaseFindingRule, Adjustment> byRule) {

		static final InForce NONE = new InForce(Map.of());

		Optional<Adjustment> of(CaseFindingRule rule) {
			return Optional.ofNullable(byRule.get(rule));
		}

	}

	private final JdbcClient jdbc;

	CareAdjustments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID id, NhsNumber nhsNumber, CaseFindingRule rule, AdjustmentReason reason, LocalDate recordedOn,
			LocalDate reviewDate, @Nullable String note, String recordedBy, Instant recordedAt) {
		jdbc.sql("""
				INSERT INTO cvd.care_adjustment (id, nhs_number, rule_code, reason, recorded_on, review_date, note,
				    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, nhsNumber.value(), rule.code(), reason.name(), recordedOn, reviewDate, note, recordedBy,
					Timestamp.from(recordedAt))
			.update();
	}

	/** Withdraws an adjustment still in place; false when there is none (unknown, or withdrawn already). */
	boolean withdraw(UUID id, NhsNumber nhsNumber, String username, Instant at) {
		return jdbc.sql("""
				UPDATE cvd.care_adjustment SET withdrawn_at = ?, withdrawn_by = ?
				WHERE id = ? AND nhs_number = ? AND withdrawn_at IS NULL""")
			.params(Timestamp.from(at), username, id, nhsNumber.value())
			.update() == 1;
	}

	/** Every adjustment of a person, newest first, in force or not. */
	List<Adjustment> of(NhsNumber nhsNumber) {
		return jdbc.sql("SELECT * FROM cvd.care_adjustment WHERE nhs_number = ? ORDER BY recorded_at DESC")
			.param(nhsNumber.value())
			.query((rs, i) -> adjustment(rs))
			.list();
	}

	private static Adjustment adjustment(ResultSet rs) throws SQLException {
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new Adjustment(rs.getObject("id", UUID.class),
				CaseFindingRule.ofCode(rs.getString("rule_code")).orElseThrow(),
				AdjustmentReason.valueOf(rs.getString("reason")), rs.getObject("recorded_on", LocalDate.class),
				rs.getObject("review_date", LocalDate.class), rs.getString("note"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
				rs.getString("withdrawn_by"));
	}

	InForce inForce(NhsNumber nhsNumber, LocalDate today) {
		Map<CaseFindingRule, Adjustment> byRule = new EnumMap<>(CaseFindingRule.class);
		for (Adjustment adjustment : of(nhsNumber)) {
			if (adjustment.inForce(today)) {
				byRule.putIfAbsent(adjustment.rule(), adjustment);
			}
		}
		return byRule.isEmpty() ? InForce.NONE : new InForce(byRule);
	}

	/** Everyone's adjustments in force, for the population refresh (adjustments are few next to the population). */
	Map<String, InForce> allInForce(LocalDate today) {
		return allInForce(today, "withdrawn_at IS NULL");
	}

	/** The adjustments that were in force on a past day: one withdrawn since then was still in force on it. */
	Map<String, InForce> allInForceOn(LocalDate day) {
		return allInForce(day, "(withdrawn_at IS NULL OR (withdrawn_at AT TIME ZONE 'Europe/London')::date > ?)");
	}

	private Map<String, InForce> allInForce(LocalDate today, String notWithdrawn) {
		Map<String, Map<CaseFindingRule, Adjustment>> byPerson = new HashMap<>();
		List<Object> params = notWithdrawn.contains("?") ? List.of(today, today, today) : List.of(today, today);
		jdbc.sql("""
				SELECT * FROM cvd.care_adjustment
				WHERE %s AND recorded_on <= ? AND review_date > ? ORDER BY recorded_at DESC""".formatted(notWithdrawn))
			.params(params)
			.query(rs -> {
				Adjustment adjustment = adjustment(rs);
				byPerson.computeIfAbsent(rs.getString("nhs_number"), n -> new EnumMap<>(CaseFindingRule.class))
					.putIfAbsent(adjustment.rule(), adjustment);
			});
		Map<String, InForce> inForce = new HashMap<>();
		byPerson.forEach((nhs, rules) -> inForce.put(nhs, new InForce(rules)));
		return inForce;
	}

}
