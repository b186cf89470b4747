package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly value of a {@link Feed} over a set of directory neighbourhood sites (a programme site's footprint):
 * counts are summed, shares are worked from the summed numerators and denominators, the median from every request.
 * Each week comes with its n (see {@link Feed.Basis}). Weeks without data have no value (never a zero that was not
 * counted).
 */
@Component
@Transactional(readOnly = true)
class FeedValues {

	/** A fed week: the value, the numerator of a share (else null) and n. */
	record FedWeek(double value, @Nullable Long numerator, long n) {
	}

	private final JdbcClient jdbc;

	FeedValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SortedMap<LocalDate, FedWeek> weekly(Feed feed, Collection<String> siteCodes) {
		SortedMap<LocalDate, FedWeek> values = new TreeMap<>();
		if (siteCodes.isEmpty()) {
			return values;
		}
		String sql = switch (feed) {
			case TRIAGE_COMPLETED -> """
					select week_starting, count(*)::float8 as v, null::bigint as num, count(*) as n
					from programme.triage_decision where site_code in (:sites) group by week_starting""";
			case TRIAGE_AWAY_SHARE -> """
					select week_starting, 100.0 * sum(case when away_from_general_practice then 1 else 0 end) / count(*) as v,
						sum(case when away_from_general_practice then 1 else 0 end) as num, count(*) as n
					from programme.triage_decision where site_code in (:sites) group by week_starting""";
			case TRIAGE_RIGHT_FIRST_TIME_SHARE -> """
					select d.week_starting, 100.0 * (count(*) - count(n.earlier_request_id)) / count(*) as v,
						count(*) - count(n.earlier_request_id) as num, count(*) as n
					from programme.triage_decision d
					left join programme.triage_not_right_first_time n on n.earlier_request_id = d.request_id
					where d.site_code in (:sites) group by d.week_starting""";
			case TRIAGE_MEDIAN_MINUTES -> """
					select week_starting, percentile_cont(0.5) within group (order by seconds_to_decision) / 60.0 as v,
						null::bigint as num, count(*) as n
					from programme.triage_decision where site_code in (:sites) group by week_starting""";
			case CASELOAD_PEOPLE -> snapshotSum(FeedListener.SNAPSHOT_CASELOAD_PEOPLE);
			case CASELOAD_PLANS_AGREED -> snapshotSum(FeedListener.SNAPSHOT_PLANS_AGREED);
			case CASELOAD_REVIEWS_OVERDUE -> snapshotSum(FeedListener.SNAPSHOT_REVIEWS_OVERDUE);
			case CASELOAD_ADDED -> countSum(FeedListener.CASELOAD_ADDED);
			case CVD_HYPERTENSION_FOUND -> countSum(FeedListener.HYPERTENSION_FOUND);
			case CVD_OUTREACH_DONE -> countSum(FeedListener.OUTREACH);
			case CVD_HIGH_RISK_ON_STATIN_SHARE -> """
					select week_starting,
						100.0 * sum(case when metric = '%s' then value else 0 end)
							/ nullif(sum(case when metric = '%s' then value else 0 end), 0) as v,
						sum(case when metric = '%1$s' then value else 0 end)::bigint as num,
						sum(case when metric = '%2$s' then value else 0 end)::bigint as n
					from programme.feed_snapshot where metric in ('%1$s', '%2$s') and site_code in (:sites)
					group by week_starting""".formatted(FeedListener.SNAPSHOT_HIGH_RISK_ON_STATIN,
					FeedListener.SNAPSHOT_HIGH_RISK);
		};
		jdbc.sql(sql).param("sites", siteCodes).query((RowCallbackHandler) rs -> {
			double value = rs.getDouble("v");
			if (!rs.wasNull()) {
				long numerator = rs.getLong("num");
				Long num = rs.wasNull() ? null : numerator;
				values.put(rs.getObject("week_starting", LocalDate.class), new FedWeek(value, num, rs.getLong("n")));
			}
		});
		return values;
	}

	private static String snapshotSum(String metric) {
		return """
				select week_starting, sum(value)::float8 as v, null::bigint as num, sum(value)::bigint as n
				from programme.feed_snapshot where metric = '%s' and site_code in (:sites) group by week_starting"""
			.formatted(metric);
	}

	private static String countSum(String metric) {
		return """
				select week_starting, sum(count)::float8 as v, null::bigint as num, sum(count) as n
				from programme.feed_count where metric = '%s' and site_code in (:sites) group by week_starting"""
			.formatted(metric);
	}

}
