package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;

/**
 * The frailty register by site, counts only (no person is named, so nothing is audited), and recomputing it in the
 * background, one refresh at a time.
 */
@Component
class FrailtyOverview {

	private static final Logger log = LoggerFactory.getLogger(FrailtyOverview.class);

	private final FrailtyRegister register;

	private final TeamAccess access;

	private final JdbcClient jdbc;

	private final Executor background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "frailty-register-refresh");
		thread.setDaemon(true);
		return thread;
	});

	FrailtyOverview(FrailtyRegister register, TeamAccess access, JdbcClient jdbc) {
		this.register = register;
		this.access = access;
		this.jdbc = jdbc;
	}

	/** One site's counts by category. */
	record SiteCounts(SiteSummary site, Map<FrailtyCategory, Long> counts, long total) {

		public long count(FrailtyCategory category) {
			return counts.getOrDefault(category, 0L);
		}

	}

	/** The counts of each site the user can see. */
	@Transactional(readOnly = true)
	List<SiteCounts> counts(StaffUser user) {
		Map<String, Map<FrailtyCategory, Long>> bySite = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT site_code, efi_category, count(*) FROM neighbourhood.frailty_profile
				WHERE efi_category IS NOT NULL GROUP BY site_code, efi_category""")
			.query((rs, i) -> {
				bySite.computeIfAbsent(rs.getString(1), s -> new LinkedHashMap<>())
					.put(FrailtyCategory.valueOf(rs.getString(2)), rs.getLong(3));
				return null;
			})
			.list();
		return access.visibleSites(user).stream().map(site -> {
			Map<FrailtyCategory, Long> counts = bySite.getOrDefault(site.code(), Map.of());
			return new SiteCounts(site, counts, counts.values().stream().mapToLong(Long::longValue).sum());
		}).toList();
	}

	/** Starts recomputing the register in the background; false (nothing started) while a refresh is running. */
	boolean refreshInBackground(String username) {
		if (register.running()) {
			return false;
		}
		background.execute(() -> {
			try {
				register.refresh(username);
			}
			catch (RuntimeException ex) {
				log.error("Frailty register refresh failed", ex);
			}
		});
		return true;
	}

}
