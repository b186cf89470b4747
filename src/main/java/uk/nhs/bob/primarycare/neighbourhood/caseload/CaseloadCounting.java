package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.IsoWeek;

/**
 * Publishes {@link CaseloadCounted} for every team: each Monday morning (one instance, ShedLock) and whenever a team
 * member or administrator asks. Counts only, no personal data, so the delivery programme can chart them.
 */
@Component
public class CaseloadCounting {

	private final TeamRepository teams;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CaseloadCounting(TeamRepository teams, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.teams = teams;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Scheduled(cron = "${primarycare.neighbourhood.caseload-count-cron:0 0 6 * * MON}", zone = "Europe/London")
	@SchedulerLock(name = "neighbourhood-caseload-count", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
	@Transactional
	public void weekly() {
		teams.findAll().forEach(this::count);
	}

	/** Counts one team now and publishes the snapshot. */
	@Transactional
	public CaseloadCounted count(Team team) {
		LocalDate today = LocalDate.now();
		List<Integer> counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE status <> 'DISCHARGED'),
				       count(*) FILTER (WHERE status = 'PLAN_AGREED'),
				       count(*) FILTER (WHERE status <> 'DISCHARGED' AND next_review_date < ?)
				FROM neighbourhood.caseload_entry WHERE team_id = ?""")
			.params(today, team.getId())
			.query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
		Instant now = Instant.now();
		CaseloadCounted counted = new CaseloadCounted(team.getSiteCode(), IsoWeek.of(today).monday(), counts.get(0),
				counts.get(1), counts.get(2), now);
		jdbc.sql("""
				INSERT INTO neighbourhood.caseload_count (team_id, week_starting, people_on_caseload, plans_agreed,
				  reviews_overdue, counted_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(team.getId(), counted.weekStarting(), counted.peopleOnCaseload(), counted.plansAgreed(),
					counted.reviewsOverdue(), Timestamp.from(now))
			.update();
		events.publishEvent(counted);
		return counted;
	}

}
