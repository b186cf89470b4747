package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Worklists: the findings of the latest evaluation for the people in a user's scope, ranked by clinical priority,
 * then national IMD decile (Core20 first), then Townsend score (more deprived first). Every person shown or
 * exported is recorded in the audit log, in the transaction of the read.
 */
@Component
class Worklists {

	static final String PURPOSE_LIST = "Direct care: CVD case-finding worklist";

	static final String PURPOSE_EXPORT = "Direct care: CVD worklist export (CSV)";

	/** A CSV export holds at most this many rows: narrow the filters for more. */
	static final int MAX_EXPORT = 10_000;

	/** What a worklist is narrowed to; null means no filter. */
	record Filter(@Nullable CaseFindingRule rule, @Nullable String practice, @Nullable String pcn,
			@Nullable Integer quintile) {
	}

	/** One row: who, why (rule, values, dates) and how deprived their area is. */
	record Row(int priority, CaseFindingRule rule, int ruleVersion, String nhsNumber, String nhsNumberFormatted,
			String name, @Nullable LocalDate dateOfBirth, int age, String practiceCode, String practiceName,
			String pcnName, int imdQuintile, int imdDecile, @Nullable Integer bobQuintile, String explanation,
			@Nullable LocalDate evidenceDate, LocalDate foundOn) {
	}

	private final JdbcClient jdbc;

	private final Population population;

	private final AuditLog auditLog;

	Worklists(JdbcClient jdbc, Population population, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.population = population;
		this.auditLog = auditLog;
	}

	/** The SQL condition and parameters that keep a query inside the user's scope and filter. */
	private record Where(String sql, List<Object> params) {
	}

	private static Where where(StaffUser user, Filter filter) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		OrganisationScope scope = user.scope();
		switch (scope.level()) {
			case ICB -> {
			}
			case PLACE -> {
				conditions.add("f.place_code = ?");
				params.add(scope.code());
			}
			case SITE -> {
				conditions.add("f.site_code = ?");
				params.add(scope.code());
			}
			case PCN -> {
				conditions.add("f.pcn_code = ?");
				params.add(scope.code());
			}
		}
		if (filter.rule() != null) {
			conditions.add("f.rule_code = ?");
			params.add(filter.rule().code());
		}
		if (filter.practice() != null) {
			conditions.add("f.practice_code = ?");
			params.add(filter.practice());
		}
		if (filter.pcn() != null) {
			conditions.add("f.pcn_code = ?");
			params.add(filter.pcn());
		}
		if (filter.quintile() != null) {
			conditions.add("f.imd_decile IN (?, ?)");
			params.add(filter.quintile() * 2 - 1);
			params.add(filter.quintile() * 2);
		}
		return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
	}

	long count(StaffUser user, Filter filter) {
		Where where = where(user, filter);
		return jdbc.sql("SELECT count(*) FROM cvd.finding f" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/** Counts per rule in the user's scope (ignoring the rule filter), for the rule filter's labels. */
	Map<CaseFindingRule, Long> countsByRule(StaffUser user, Filter filter) {
		Where where = where(user, new Filter(null, filter.practice(), filter.pcn(), filter.quintile()));
		Map<CaseFindingRule, Long> counts = new java.util.EnumMap<>(CaseFindingRule.class);
		jdbc.sql("SELECT f.rule_code, count(*) FROM cvd.finding f" + where.sql() + " GROUP BY f.rule_code")
			.params(where.params())
			.query(rs -> {
				String code = rs.getString(1);
				long count = rs.getLong(2);
				CaseFindingRule.ofCode(code).ifPresent(rule -> counts.put(rule, count));
			});
		return counts;
	}

	/** One page of the worklist; each person shown is audited. */
	@Transactional
	List<Row> page(StaffUser user, Filter filter, int offset, int limit, Map<String, PracticeSummary> practices,
			float[] quintileCuts, String page) {
		return rows(user, filter, offset, limit, practices, quintileCuts, page, PURPOSE_LIST);
	}

	/** The whole worklist (up to {@link #MAX_EXPORT} rows) for a CSV export; each person exported is audited. */
	@Transactional
	List<Row> export(StaffUser user, Filter filter, Map<String, PracticeSummary> practices, float[] quintileCuts,
			String page) {
		return rows(user, filter, 0, MAX_EXPORT, practices, quintileCuts, page, PURPOSE_EXPORT);
	}

	private List<Row> rows(StaffUser user, Filter filter, int offset, int limit, Map<String, PracticeSummary> practices,
			float[] quintileCuts, String page, String purpose) {
		Where where = where(user, filter);
		List<Object> params = new ArrayList<>(where.params());
		params.add(limit);
		params.add(offset);
		record Found(String nhsNumber, String ruleCode, int version, int priority, String practiceCode, int imdDecile,
				double townsend, String explanation, @Nullable LocalDate evidenceDate, LocalDate foundOn) {
		}
		List<Found> found = jdbc.sql("""
				SELECT f.nhs_number, f.rule_code, f.rule_version, f.priority, f.practice_code, f.imd_decile,
				       f.townsend, f.explanation, f.evidence_date, f.found_on
				FROM cvd.finding f""" + where.sql() + " " + """
				ORDER BY f.priority, f.imd_decile, f.townsend DESC, f.nhs_number LIMIT ? OFFSET ?""")
			.params(params)
			.query((rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.getString(5), rs.getInt(6), rs.getDouble(7), rs.getString(8),
					rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)))
			.list();
		Map<String, PersonSummary> people = population
			.findAll(found.stream().map(f -> new NhsNumber(f.nhsNumber())).toList())
			.stream()
			.collect(Collectors.toMap(p -> p.nhsNumber().value(), Function.identity()));
		List<Row> rows = new ArrayList<>();
		List<NhsNumber> shown = new ArrayList<>();
		for (Found f : found) {
			PersonSummary person = people.get(f.nhsNumber());
			PracticeSummary practice = practices.get(f.practiceCode());
			CaseFindingRule rule = CaseFindingRule.ofCode(f.ruleCode()).orElse(null);
			if (person == null || practice == null || rule == null || !user.canSee(practice)) {
				continue;
			}
			rows.add(new Row(f.priority(), rule, f.version(), f.nhsNumber(), person.nhsNumber().formatted(),
					person.displayName(), person.dateOfBirth(), person.age(), practice.odsCode().value(),
					practice.name(), practice.pcnName(), (f.imdDecile() + 1) / 2, f.imdDecile(),
					quintileCuts.length == 0 ? null
							: PopulationRefresh.bobQuintile(
									PopulationRefresh.deprivationKey(f.imdDecile(), f.townsend()), quintileCuts),
					f.explanation(), f.evidenceDate(), f.foundOn()));
			shown.add(person.nhsNumber());
		}
		auditLog.recordViews(user.username(), shown, page, purpose);
		return rows;
	}

	/** The stored findings for one person (the person page shows them with when each was first made). */
	List<Map<String, Object>> findingsOf(NhsNumber nhsNumber) {
		return jdbc.sql("""
				SELECT rule_code, rule_version, explanation, evidence_date, found_on FROM cvd.finding
				WHERE nhs_number = ? ORDER BY priority""")
			.param(nhsNumber.value())
			.query()
			.listOfRows();
	}

}
