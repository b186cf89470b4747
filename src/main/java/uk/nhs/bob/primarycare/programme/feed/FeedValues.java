package uk.nhs.bob.primarycare.programme.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly value of a {@link Feed} over a set of directory neighbourhood sites (a programme site's footprint):
 * counts are summed, shares are worked from the summed numerators and denominators, the median from every request.
 * Each week comes with its n (see {@link Feed.Basis}). Weeks without data have no value (never a zero that was not
 * counted).
 * <p>
 * Many feeds over many footprints are read in one statement: each feed's query joins its table to a footprint relation
 * {@code fp(key, site_code)} built from arrays and groups by footprint and week, so each footprint's median and share
 * are worked from its own requests and counts exactly as if it were read alone (never averaged over sites), and the
 * feeds' queries are joined with {@code union all}.
 */
@Component
@Transactional(readOnly = true)
public class FeedValues {

	/** A fed week: the value, the numerator of a share (else null) and n. */
	public record FedWeek(double value, @Nullable Long numerator, long n) {
	}

	/**
	 * The footprint relation {@code fp(feed, key, site_code)} of a statement, one row for each site code of each
	 * footprint, built from the three arrays of {@link #footprintArrays(Map)}.
	 */
	public static final String FOOTPRINTS = "fp (feed, key, site_code) as (select * from unnest(?::text[], ?::text[], ?::text[]))";

	private final JdbcClient jdbc;

	FeedValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One feed over one footprint. */
	public SortedMap<LocalDate, FedWeek> weekly(Feed feed, Collection<String> siteCodes) {
		return weekly(Map.of(feed, Map.of("", siteCodes))).getOrDefault(feed, Map.of())
			.getOrDefault("", new TreeMap<>());
	}

	/**
	 * Each feed asked for over each of its footprints (by the caller's key), in one statement whatever their number.
	 * A footprint without codes, or without data, has no weeks.
	 */
	public Map<Feed, Map<String, SortedMap<LocalDate, FedWeek>>> weekly(
			Map<Feed, ? extends Map<String, ? extends Collection<String>>> footprints) {
		Map<Feed, Map<String, SortedMap<LocalDate, FedWeek>>> values = new EnumMap<>(Feed.class);
		if (footprints.values().stream().allMatch(byKey -> byKey.values().stream().allMatch(Collection::isEmpty))) {
			return values;
		}
		jdbc.sql("with " + FOOTPRINTS + "\n" + rows(footprints.keySet()))
			.params(footprintArrays(footprints))
			.query((RowCallbackHandler) rs -> read(rs, values));
		return values;
	}

	/** The parameters of {@link #FOOTPRINTS}: each feed's footprints (by key) as parallel feed, key and code arrays. */
	public static Object[] footprintArrays(Map<Feed, ? extends Map<String, ? extends Collection<String>>> footprints) {
		List<String> feeds = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<String> siteCodes = new ArrayList<>();
		footprints.forEach((feed, byKey) -> byKey.forEach((key, codes) -> new LinkedHashSet<>(codes).forEach(code -> {
			feeds.add(feed.name());
			keys.add(key);
			siteCodes.add(code);
		})));
		return new Object[] { new SqlArrayValue("text", feeds.toArray()), new SqlArrayValue("text", keys.toArray()),
				new SqlArrayValue("text", siteCodes.toArray()) };
	}

	/**
	 * The weekly rows of the feeds over the footprints of {@link #FOOTPRINTS}: feed, key, week_starting, v (float8,
	 * null for no value), num (bigint, null unless a share) and n (bigint). No feeds, no rows.
	 */
	public static String rows(Collection<Feed> feeds) {
		if (feeds.isEmpty()) {
			return """
					select null::text as feed, null::text as key, null::date as week_starting, null::float8 as v,
						null::bigint as num, null::bigint as n where false""";
		}
		return feeds.stream().map(FeedValues::query).collect(Collectors.joining("\nunion all\n"));
	}

	/** Adds the fed week of a row of {@link #rows(Collection)} (if it has a value) to its feed and footprint. */
	public static void read(ResultSet rs, Map<Feed, Map<String, SortedMap<LocalDate, FedWeek>>> values) throws SQLException {
		double value = rs.getDouble("v");
		if (!rs.wasNull()) {
			long numerator = rs.getLong("num");
			Long num = rs.wasNull() ? null : numerator;
			values.computeIfAbsent(Feed.valueOf(rs.getString("feed")), f -> new HashMap<>())
				.computeIfAbsent(rs.getString("key"), k -> new TreeMap<>())
				.put(rs.getObject("week_starting", LocalDate.class), new FedWeek(value, num, rs.getLong("n")));
		}
	}

	/**
	 * A feed's weekly values per footprint key, from the footprint rows {@code fp} of that feed. Each returns feed, key,
	 * week_starting, v (float8, null for no value), num (bigint, null unless a share) and n (bigint), so that the
	 * feeds' rows can be joined in one result.
	 */
	private static String query(Feed feed) {
		String from = "from fp join programme.triage_decision d on d.site_code = fp.site_code and fp.feed = '%s'"
			.formatted(feed.name());
		String select = "select fp.feed, fp.key, d.week_starting, ";
		return switch (feed) {
			case TRIAGE_COMPLETED -> select + """
					count(*)::float8 as v, null::bigint as num, count(*) as n
					%s group by fp.feed, fp.key, d.week_starting""".formatted(from);
			case TRIAGE_AWAY_SHARE -> select + """
					(100.0 * sum(case when d.away_from_general_practice then 1 else 0 end) / count(*))::float8 as v,
						sum(case when d.away_from_general_practice then 1 else 0 end) as num, count(*) as n
					%s group by fp.feed, fp.key, d.week_starting""".formatted(from);
			case TRIAGE_RIGHT_FIRST_TIME_SHARE -> select + """
					(100.0 * (count(*) - count(n.earlier_request_id)) / count(*))::float8 as v,
						count(*) - count(n.earlier_request_id) as num, count(*) as n
					%s
					left join programme.triage_not_right_first_time n on n.earlier_request_id = d.request_id
					group by fp.feed, fp.key, d.week_starting""".formatted(from);
			case TRIAGE_MEDIAN_MINUTES -> select + """
					percentile_cont(0.5) within group (order by d.seconds_to_decision) / 60.0 as v,
						null::bigint as num, count(*) as n
					%s group by fp.feed, fp.key, d.week_starting""".formatted(from);
			case CASELOAD_PEOPLE -> snapshotSum(feed, FeedListener.SNAPSHOT_CASELOAD_PEOPLE);
			case CASELOAD_PLANS_AGREED -> snapshotSum(feed, FeedListener.SNAPSHOT_PLANS_AGREED);
			case CASELOAD_REVIEWS_OVERDUE -> snapshotSum(feed, FeedListener.SNAPSHOT_REVIEWS_OVERDUE);
			case CASELOAD_ADDED -> countSum(feed, FeedListener.CASELOAD_ADDED);
			case CVD_HYPERTENSION_FOUND -> countSum(feed, FeedListener.HYPERTENSION_FOUND);
			case CVD_OUTREACH_DONE -> countSum(feed, FeedListener.OUTREACH);
			case CVD_HIGH_RISK_ON_STATIN_SHARE -> """
					select fp.feed, fp.key, s.week_starting,
						(100.0 * sum(case when s.metric = '%s' then s.value else 0 end)
							/ nullif(sum(case when s.metric = '%s' then s.value else 0 end), 0))::float8 as v,
						sum(case when s.metric = '%1$s' then s.value else 0 end)::bigint as num,
						sum(case when s.metric = '%2$s' then s.value else 0 end)::bigint as n
					from fp join programme.feed_snapshot s on s.site_code = fp.site_code and fp.feed = '%3$s'
					where s.metric in ('%1$s', '%2$s')
					group by fp.feed, fp.key, s.week_starting""".formatted(FeedListener.SNAPSHOT_HIGH_RISK_ON_STATIN,
					FeedListener.SNAPSHOT_HIGH_RISK, feed.name());
		};
	}

	private static String snapshotSum(Feed feed, String metric) {
		return """
				select fp.feed, fp.key, s.week_starting, sum(s.value)::float8 as v, null::bigint as num,
					sum(s.value)::bigint as n
				from fp join programme.feed_snapshot s on s.site_code = fp.site_code and fp.feed = '%s'
				where s.metric = '%s' group by fp.feed, fp.key, s.week_starting""".formatted(feed.name(), metric);
	}

	private static String countSum(Feed feed, String metric) {
		return """
				select fp.feed, fp.key, c.week_starting, sum(c.count)::float8 as v, null::bigint as num,
					sum(c.count)::bigint as n
				from fp join programme.feed_count c on c.site_code = fp.site_code and fp.feed = '%s'
				where c.metric = '%s' group by fp.feed, fp.key, c.week_starting""".formatted(feed.name(), metric);
	}

}
