package uk.nhs.bob.primarycare.cvd;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Worklists of people: one row per person with all their findings (most urgent first), their latest outreach and
 * owner, in the order {@link WorklistPriority} explains. Counts are of people, not findings. Every person shown or
 * exported is recorded in the audit log, in the transaction of the read.
 */
@Component
class Worklists {

	static final String PURPOSE_LIST = "Direct care: CVD case-finding worklist";

	static final String PURPOSE_EXPORT = "Direct care: CVD worklist export (CSV)";

	/** A CSV export holds at most this many people: narrow the filters for more. */
	static final int MAX_EXPORT = 10_000;

	/** Rankings of up to this many people (a page) are kept by the findings' data version; an export's are not. */
	static final int MAX_KEPT_RANKING = 100;

	/** Who owns the people listed. */
	enum OwnerFilter {
		MINE, UNASSIGNED
	}

	/** What a worklist is narrowed to; null means no filter. */
	record Filter(@Nullable CaseFindingRule rule, @Nullable String practice, @Nullable String pcn,
			@Nullable Integer quintile, @Nullable ContactStatus status, int noResponseDays,
			@Nullable OwnerFilter owner) {

		static Filter all() {
			return new Filter(null, null, null, null, null, ContactStatus.DEFAULT_NO_RESPONSE_DAYS, null);
		}

	}

	/** One finding of a listed person, with the values and the date of the evidence it used. */
	public record FindingRow(CaseFindingRule rule, int version, String explanation, @Nullable Integer systolic,
			@Nullable Integer diastolic, @Nullable Double score, @Nullable LocalDate evidenceDate, LocalDate foundOn,
			EvidenceAge.Age evidenceAge) {

		public boolean highBand() {
			return WorklistPriority.highBand(this);
		}

		/** "Listed since 6 Dec 2026", written here rather than formatted by the template once per finding shown. */
		public String listedSince() {
			return "Listed since " + RiskAssessment.date(foundOn);
		}

	}

	/** The latest outreach of the last 12 months. */
	public record LastOutreach(OutreachType type, OutreachOutcome outcome, LocalDate date, String by) {
	}

	/**
	 * One row: who, all their findings, how deprived their area is, and where outreach stands. Public, as are the
	 * types the page reads from it, so that the page's expressions are compiled rather than interpreted (SpEL compiles
	 * a method call only on a public type; interpreted, the worklist's expressions took half its processor time).
	 */
	public record Row(NhsNumber nhsNumber, String name, @Nullable LocalDate dateOfBirth, int age,
			String practiceCode, String practiceName, String pcnName, int imdQuintile, int imdDecile,
			@Nullable Integer bobQuintile, List<FindingRow> findings, ContactStatus status, String statusText,
			@Nullable LastOutreach lastOutreach, @Nullable String owner) {

		/** The findings joined, for the CSV. */
		String findingsText() {
			return findings.stream()
				.map(f -> f.rule().label() + ": " + f.explanation()
						+ (f.evidenceAge().stale() ? " [" + f.evidenceAge().text() + "]" : ""))
				.collect(Collectors.joining(" | "));
		}

	}

	private final JdbcClient jdbc;

	private final Population population;

	private final AuditLog auditLog;

	/** Pages of the list as the findings place them, by the findings' data version (a page is 25 keys and a count). */
	private final Cache<RankingKey, List<Ranked>> rankings = Caffeine.newBuilder().maximumSize(5_000).build();

	Worklists(JdbcClient jdbc, Population population, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.population = population;
		this.auditLog = auditLog;
	}

	/** An SQL fragment and its parameters. */
	private record Sql(String sql, List<Object> params) {
	}

	/**
	 * The conditions (joined with AND; "true" when there are none) on the findings, named by {@code alias}, in the
	 * user's scope that match the filter's rule, organisation and deprivation.
	 */
	private static Sql findingsWhere(StaffUser user, Filter filter, String alias) {
		String f = alias + ".";
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		OrganisationScope scope = user.scope();
		switch (scope.level()) {
			case ICB -> {
			}
			case PLACE -> {
				conditions.add(f + "place_code = ?");
				params.add(scope.code());
			}
			case SITE -> {
				conditions.add(f + "site_code = ?");
				params.add(scope.code());
			}
			case PCN -> {
				conditions.add(f + "pcn_code = ?");
				params.add(scope.code());
			}
		}
		if (filter.rule() != null) {
			conditions.add(f + "rule_code = ?");
			params.add(filter.rule().code());
		}
		if (filter.practice() != null) {
			conditions.add(f + "practice_code = ?");
			params.add(filter.practice());
		}
		if (filter.pcn() != null) {
			conditions.add(f + "pcn_code = ?");
			params.add(filter.pcn());
		}
		if (filter.quintile() != null) {
			conditions.add(f + "imd_decile IN (?, ?)");
			params.add(filter.quintile() * 2 - 1);
			params.add(filter.quintile() * 2);
		}
		return new Sql(conditions.isEmpty() ? "true" : String.join(" AND ", conditions), params);
	}

	/** The order of the listed people: most urgent finding, then deprivation. */
	private static final String LISTED_ORDER = "l.priority, l.band, l.finding_value, l.finding_diastolic, l.imd_decile, "
			+ "l.townsend DESC, l.nhs_number";

	/** What the list shows of each person listed (l), with their latest outreach (t) and owner (w). */
	private static final String LISTED_COLUMNS = "l.nhs_number, l.practice_code, l.imd_decile, l.townsend, t.type, "
			+ "t.outcome, t.outcome_date, t.recorded_by, w.owner";

	/** Each listed person's latest outreach since a date (the parameter) and their owner. */
	private static final String LATEST_AND_OWNER = """
			 LEFT JOIN LATERAL (
			    SELECT o.type, o.outcome, o.outcome_date, o.recorded_by FROM cvd.outreach o
			    WHERE o.nhs_number = l.nhs_number AND o.outcome_date >= ?
			    ORDER BY o.outcome_date DESC, o.recorded_at DESC LIMIT 1) t ON true
			LEFT JOIN cvd.worklist_owner w ON w.nhs_number = l.nhs_number""";

	/** Which rows of the list a page shows. */
	private record Page(int offset, int limit) {
	}

	/**
	 * The people listed: one row each with their most urgent matching finding's key. A person's most urgent finding is
	 * the one no other matching finding of theirs comes before (a lookup by NHS number each) rather than the first of
	 * DISTINCT ON over every finding sorted by person: so PostgreSQL reads the scope's findings in rule priority order
	 * (the refresh's priority index) and stops once it has the page.
	 */
	private static Sql listed(StaffUser user, Filter filter) {
		Sql where = findingsWhere(user, filter, "f");
		Sql other = findingsWhere(user, filter, "g");
		List<Object> params = new ArrayList<>(where.params());
		params.addAll(other.params());
		return new Sql("""
				WITH listed AS (
				    SELECT f.nhs_number, %s, f.imd_decile, f.townsend, f.practice_code
				    FROM cvd.finding f WHERE %s AND NOT EXISTS (
				        SELECT 1 FROM cvd.finding g WHERE g.nhs_number = f.nhs_number AND %s AND %s))"""
			.formatted(WorklistPriority.FINDING_KEY_COLUMNS, where.sql(), other.sql(),
					WorklistPriority.before("g", "f")), params);
	}

	/**
	 * A page of the people listed in order, from the findings alone, and how many are listed in all (the people, not
	 * the findings), counted beside it: for a list without a status or owner narrowing.
	 */
	private static Sql rankingSql(StaffUser user, Filter filter, Page page) {
		Sql listed = listed(user, filter);
		Sql where = findingsWhere(user, filter, "f");
		List<Object> params = new ArrayList<>(listed.params());
		params.addAll(where.params());
		params.add(page.limit());
		params.add(page.offset());
		return new Sql(listed.sql() + "\nSELECT l.nhs_number, l.practice_code, l.imd_decile, l.townsend, "
				+ "(SELECT count(DISTINCT f.nhs_number) FROM cvd.finding f WHERE " + where.sql() + ") AS listed_total "
				+ "FROM listed l ORDER BY " + LISTED_ORDER + " LIMIT ? OFFSET ?", params);
	}

	/**
	 * Everyone listed with their latest outreach of the last 12 months and their owner, narrowed by status and owner,
	 * in order: the caller cuts the page (the narrowing needs everyone's outreach before the page is known).
	 */
	private static Sql people(StaffUser user, Filter filter, LocalDate today, @Nullable Page page) {
		Sql listed = listed(user, filter);
		List<Object> params = new ArrayList<>(listed.params());
		StringBuilder sql = new StringBuilder(listed.sql());
		sql.append("\nSELECT ").append(LISTED_COLUMNS).append(", count(*) OVER () AS listed_total FROM listed l")
			.append(LATEST_AND_OWNER);
		params.add(today.minusMonths(ContactStatus.LOOK_BACK_MONTHS));
		sql.append(" WHERE true");
		narrow(sql, params, user, filter, today);
		if (page != null) {
			sql.append(" ORDER BY ").append(LISTED_ORDER).append(" LIMIT ? OFFSET ?");
			params.add(page.limit());
			params.add(page.offset());
		}
		return new Sql(sql.toString(), params);
	}

	/** The status and owner filters, on the latest outreach (t) and the owner (w) of each person listed. */
	private static void narrow(StringBuilder sql, List<Object> params, StaffUser user, Filter filter, LocalDate today) {
		if (filter.status() != null) {
			switch (filter.status()) {
				case NOT_CONTACTED -> sql.append(" AND t.outcome IS NULL");
				case INVITED -> sql.append(" AND t.outcome = 'SENT'");
				case NO_RESPONSE -> {
					sql.append(" AND ((t.outcome = 'SENT' AND t.outcome_date <= ?) OR t.outcome = 'NO_RESPONSE')");
					params.add(today.minusDays(filter.noResponseDays()));
				}
				case ATTENDED -> sql.append(" AND t.outcome = 'ATTENDED'");
				case DECLINED -> sql.append(" AND t.outcome = 'DECLINED'");
			}
		}
		if (filter.owner() == OwnerFilter.MINE) {
			sql.append(" AND w.owner = ?");
			params.add(user.username());
		}
		else if (filter.owner() == OwnerFilter.UNASSIGNED) {
			sql.append(" AND w.owner IS NULL");
		}
	}

	/** How many people (not findings) the filters list. */
	long count(StaffUser user, Filter filter) {
		Sql people = people(user, filter, today(), null);
		return jdbc.sql("SELECT count(*) FROM (" + people.sql() + ") p").params(people.params()).query(Long.class)
			.single();
	}

	/** People per rule in the user's scope (ignoring the rule filter), for the rule filter's labels. */
	Map<CaseFindingRule, Long> countsByRule(StaffUser user, Filter filter) {
		Sql where = findingsWhere(user, new Filter(null, filter.practice(), filter.pcn(), filter.quintile(), null,
				filter.noResponseDays(), null), "f");
		Map<CaseFindingRule, Long> counts = new EnumMap<>(CaseFindingRule.class);
		jdbc.sql("SELECT f.rule_code, count(*) FROM cvd.finding f WHERE " + where.sql() + " GROUP BY f.rule_code")
			.params(where.params())
			.query(rs -> {
				String code = rs.getString(1);
				long count = rs.getLong(2);
				CaseFindingRule.ofCode(code).ifPresent(rule -> counts.put(rule, count));
			});
		return counts;
	}

	/**
	 * One page of people and how many the filters list in all.
	 *
	 * @param page the page shown: the one asked for, or the last one when that is past the end
	 */
	record Listing(List<Row> rows, long total, int page) {
	}

	/**
	 * The requested page of people, counted in the same query (the last page when the one asked for is past the end:
	 * an old link after the list shrank); each person shown is audited, in this transaction.
	 */
	@Transactional
	Listing page(StaffUser user, Filter filter, int requestedPage, int pageSize,
			Map<String, PracticeSummary> practices, float[] quintileCuts, String page) {
		int pageNumber = Math.max(1, requestedPage);
		LocalDate today = today();
		List<Listed> listed = listed(user, filter, (pageNumber - 1) * pageSize, pageSize, today);
		long total = listed.isEmpty() ? 0 : listed.get(0).listed();
		if (listed.isEmpty() && pageNumber > 1) {
			total = count(user, filter);
			pageNumber = (int) Math.max(1, (total + pageSize - 1) / pageSize);
			listed = listed(user, filter, (pageNumber - 1) * pageSize, pageSize, today);
		}
		return new Listing(rows(user, filter, listed, practices, quintileCuts, page, PURPOSE_LIST, today), total,
				pageNumber);
	}

	/** Everyone listed (up to {@link #MAX_EXPORT} people) for a CSV export; each person exported is audited. */
	@Transactional
	List<Row> export(StaffUser user, Filter filter, Map<String, PracticeSummary> practices, float[] quintileCuts,
			String page) {
		LocalDate today = today();
		return rows(user, filter, listed(user, filter, 0, MAX_EXPORT, today), practices, quintileCuts, page,
				PURPOSE_EXPORT, today);
	}

	/** A listed person as the query finds them, with how many people the filters list in all. */
	private record Listed(String nhsNumber, String practiceCode, int imdDecile, double townsend,
			@Nullable LastOutreach lastOutreach, @Nullable String owner, long listed) {
	}

	/** A listed person as the findings place them, with how many people the filters list in all. */
	private record Ranked(String nhsNumber, String practiceCode, int imdDecile, double townsend, long listed) {
	}

	/** What a ranking is read for: the findings' data version and everything the ranking query reads. */
	private record RankingKey(long findingsVersion, OrganisationScope scope, @Nullable CaseFindingRule rule,
			@Nullable String practice, @Nullable String pcn, @Nullable Integer quintile, Page page) {
	}

	/** A person's latest outreach of the last 12 months and their owner. */
	private record Contact(@Nullable LastOutreach lastOutreach, @Nullable String owner) {
	}

	private List<Listed> listed(StaffUser user, Filter filter, int offset, int limit, LocalDate today) {
		Page page = new Page(offset, limit);
		if (filter.status() != null || filter.owner() != null) {
			Sql people = people(user, filter, today, page);
			return jdbc.sql(people.sql())
				.params(people.params())
				.query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
						lastOutreach(rs, 5), rs.getString(9), rs.getLong(10)))
				.list();
		}
		List<Ranked> ranked = limit > MAX_KEPT_RANKING ? ranking(user, filter, page)
				: rankings.get(new RankingKey(findingsVersion(), user.scope(), filter.rule(), filter.practice(),
						filter.pcn(), filter.quintile(), page), key -> ranking(user, filter, page));
		Map<String, Contact> contacts = contacts(ranked.stream().map(Ranked::nhsNumber).toList(), today);
		return ranked.stream().map(r -> {
			Contact contact = contacts.getOrDefault(r.nhsNumber(), new Contact(null, null));
			return new Listed(r.nhsNumber(), r.practiceCode(), r.imdDecile(), r.townsend(), contact.lastOutreach(),
					contact.owner(), r.listed());
		}).toList();
	}

	/**
	 * The findings' data version (cvd.findings_version), moved on in the same transaction as any change to the
	 * findings. Read before the ranking, so a ranking is never kept under a newer number than the findings it read.
	 */
	private long findingsVersion() {
		return jdbc.sql("SELECT version FROM cvd.findings_version").query(Long.class).single();
	}

	private List<Ranked> ranking(StaffUser user, Filter filter, Page page) {
		Sql ranking = rankingSql(user, filter, page);
		return jdbc.sql(ranking.sql())
			.params(ranking.params())
			.query((rs, i) -> new Ranked(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
					rs.getLong(5)))
			.list();
	}

	/** The latest outreach and the owner of each of these people, read on every view: they change often. */
	private Map<String, Contact> contacts(List<String> nhsNumbers, LocalDate today) {
		Map<String, Contact> contacts = new HashMap<>();
		if (nhsNumbers.isEmpty()) {
			return contacts;
		}
		jdbc.sql("SELECT l.nhs_number, t.type, t.outcome, t.outcome_date, t.recorded_by, w.owner "
				+ "FROM unnest(?::text[]) AS l(nhs_number)" + LATEST_AND_OWNER)
			.params(nhsNumbers.toArray(String[]::new), today.minusMonths(ContactStatus.LOOK_BACK_MONTHS))
			.query(rs -> {
				contacts.put(rs.getString(1), new Contact(lastOutreach(rs, 2), rs.getString(6)));
			});
		return contacts;
	}

	/** The latest outreach in four columns from {@code first} (type, outcome, date, by), or null when none. */
	private static @Nullable LastOutreach lastOutreach(ResultSet rs, int first) throws SQLException {
		return rs.getString(first) == null ? null
				: new LastOutreach(OutreachType.valueOf(rs.getString(first)),
						OutreachOutcome.valueOf(rs.getString(first + 1)), rs.getObject(first + 2, LocalDate.class),
						rs.getString(first + 3));
	}

	private List<Row> rows(StaffUser user, Filter filter, List<Listed> listed, Map<String, PracticeSummary> practices,
			float[] quintileCuts, String page, String purpose, LocalDate today) {
		Map<String, List<FindingRow>> findings = findingsOf(listed.stream().map(Listed::nhsNumber).toList(), today);
		Map<String, PersonSummary> persons = population
			.findAll(listed.stream().map(l -> new NhsNumber(l.nhsNumber())).toList())
			.stream()
			.collect(Collectors.toMap(p -> p.nhsNumber().value(), Function.identity()));
		List<Row> rows = new ArrayList<>();
		List<NhsNumber> shown = new ArrayList<>();
		for (Listed l : listed) {
			PersonSummary person = persons.get(l.nhsNumber());
			PracticeSummary practice = practices.get(l.practiceCode());
			if (person == null || practice == null || !user.canSee(practice)) {
				continue;
			}
			ContactStatus status = status(l.lastOutreach(), filter.noResponseDays(), today);
			rows.add(new Row(person.nhsNumber(), person.displayName(),
					person.dateOfBirth(), person.age(), practice.odsCode().value(), practice.name(),
					practice.pcnName(), (l.imdDecile() + 1) / 2, l.imdDecile(),
					quintileCuts.length == 0 ? null
							: PopulationRefresh.bobQuintile(
									PopulationRefresh.deprivationKey(l.imdDecile(), l.townsend()), quintileCuts),
					findings.getOrDefault(l.nhsNumber(), List.of()), status,
					statusText(status, l.lastOutreach(), filter.noResponseDays()), l.lastOutreach(), l.owner()));
			shown.add(person.nhsNumber());
		}
		auditLog.recordViews(user.username(), shown, page, purpose);
		return rows;
	}

	static ContactStatus status(@Nullable LastOutreach last, int noResponseDays, LocalDate today) {
		if (last == null) {
			return ContactStatus.NOT_CONTACTED;
		}
		return switch (last.outcome()) {
			case SENT -> last.date().isAfter(today.minusDays(noResponseDays)) ? ContactStatus.INVITED
					: ContactStatus.NO_RESPONSE;
			case NO_RESPONSE -> ContactStatus.NO_RESPONSE;
			case ATTENDED -> ContactStatus.ATTENDED;
			case DECLINED -> ContactStatus.DECLINED;
		};
	}

	private static String statusText(ContactStatus status, @Nullable LastOutreach last, int noResponseDays) {
		if (last == null) {
			return status.label();
		}
		String when = RiskAssessment.date(last.date());
		return switch (status) {
			case NO_RESPONSE -> last.outcome() == OutreachOutcome.NO_RESPONSE
					? "No response (recorded " + when + ")"
					: "Invited " + when + ", no response after " + noResponseDays + " days";
			default -> status.label() + " " + when;
		};
	}

	/** Each person's findings, most urgent first. */
	private Map<String, List<FindingRow>> findingsOf(Collection<String> nhsNumbers, LocalDate today) {
		Map<String, List<FindingRow>> findings = new LinkedHashMap<>();
		if (nhsNumbers.isEmpty()) {
			return findings;
		}
		String placeholders = nhsNumbers.stream().map(n -> "?").collect(Collectors.joining(", "));
		jdbc.sql("""
				SELECT f.nhs_number, f.rule_code, f.rule_version, f.explanation, f.systolic, f.diastolic, f.score,
				       f.evidence_date, f.found_on
				FROM cvd.finding f WHERE f.nhs_number IN (%s) ORDER BY f.nhs_number, %s"""
			.formatted(placeholders, WorklistPriority.FINDING_ORDER))
			.params(new ArrayList<>(nhsNumbers))
			.query(rs -> {
				CaseFindingRule.ofCode(rs.getString(2)).ifPresent(rule -> {
					try {
						LocalDate evidence = rs.getObject(8, LocalDate.class);
						findings.computeIfAbsent(rs.getString(1), n -> new ArrayList<>())
							.add(new FindingRow(rule, rs.getInt(3), rs.getString(4), rs.getObject(5, Integer.class),
									rs.getObject(6, Integer.class), rs.getObject(7, Double.class), evidence,
									rs.getObject(9, LocalDate.class), EvidenceAge.of(rule, evidence, today)));
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
			});
		return findings;
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

	private static LocalDate today() {
		return LocalDate.now(PersonEvaluation.UK);
	}

}
