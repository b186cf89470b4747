package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.Discipline;
import uk.nhs.bob.primarycare.neighbourhood.teams.MemberSummary;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRole;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A plan's reads for its pages as projections, not entities (nothing for the persistence context to hold, snapshot
 * or check at commit): the entry, its team and the person's episodes on that team in one statement, and the team's
 * member list in another. What does not change between views is kept, keyed by what it is read from, so a kept value
 * is the one a fresh read would give, on any instance: the plan's content parsed from its JSON columns (keyed by the
 * columns' text, read on every view, so a change written straight to the database shows too), and the stored history
 * (keyed by the entry's version: a version is stored with each change, in the change's transaction, and a stored
 * version is never changed). Bounded.
 */
@Component
class PlanReads {

	static final int MAX_KEPT = 1024;

	/**
	 * A caseload entry as its plan pages read it: the team, the practice the person is registered at (for the access
	 * rules), the plan's content, and the person's episodes on the team, oldest first, this entry among them.
	 */
	record EntryRead(PlanEntry entry, PlanTeam team, OdsCode practice, PlanContent plan, List<PlanEntry> episodes,
			Counts counts) {
	}

	/**
	 * How many alerts, CVD risk flags and break-glass uses the entry has: most have none, and a list with none need
	 * not be read.
	 */
	record Counts(long alerts, long cvdFlags, long breakGlass) {
	}

	/** The columns a plan's content is parsed from. */
	private record ContentColumns(String whatMatters, String goals, String actions, String contingencyPlan,
			@Nullable LocalDate nextReviewDate, String personalisedCare) {
	}

	private record HistoryKey(UUID entryId, long version) {
	}

	/**
	 * Every episode of the entry's person on the entry's team, with the team; the plan's columns and the counts only
	 * on the entry's own row. Ordered as {@code CaseloadEntryRepository.findEpisodes} orders them.
	 */
	private static final String ENTRY = """
			SELECT e.id, e.care_plan_id, e.team_id, e.nhs_number, e.status, e.keyworker_id, e.added_on, e.added_by,
			       e.added_reason, e.discharged_on, e.discharge_reason, e.next_review_date, e.agreed_on,
			       e.last_reviewed_on, e.updated_at, e.version, e.practice_code, t.site_code, t.name,
			       CASE WHEN e.id = me.id THEN e.what_matters END, CASE WHEN e.id = me.id THEN e.goals END,
			       CASE WHEN e.id = me.id THEN e.actions END, CASE WHEN e.id = me.id THEN e.contingency_plan END,
			       CASE WHEN e.id = me.id THEN e.personalised_care END,
			       CASE WHEN e.id = me.id THEN (SELECT count(*) FROM neighbourhood.keyworker_alert a
			                                    WHERE a.caseload_entry_id = me.id) END,
			       CASE WHEN e.id = me.id THEN (SELECT count(*) FROM neighbourhood.cvd_risk_flag f
			                                    WHERE f.caseload_entry_id = me.id) END,
			       CASE WHEN e.id = me.id THEN (SELECT count(*) FROM neighbourhood.break_glass_access b
			                                    WHERE b.caseload_entry_id = me.id) END
			FROM neighbourhood.caseload_entry me
			JOIN neighbourhood.team t ON t.id = me.team_id
			JOIN neighbourhood.caseload_entry e ON e.nhs_number = me.nhs_number AND e.team_id = me.team_id
			WHERE me.id = ?
			ORDER BY e.added_on, e.updated_at""";

	private final JdbcClient jdbc;

	private final PlanDocuments documents;

	private final Caseload caseload;

	private final Cache<ContentColumns, PlanContent> contents = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	private final Cache<HistoryKey, List<Caseload.PlanVersion>> histories = Caffeine.newBuilder()
		.maximumSize(MAX_KEPT)
		.build();

	PlanReads(JdbcClient jdbc, PlanDocuments documents, Caseload caseload) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.caseload = caseload;
	}

	/** The entry, or empty when there is none; in the caller's transaction. */
	Optional<EntryRead> entry(UUID entryId) {
		record Row(PlanEntry entry, String practiceCode, PlanTeam team, @Nullable ContentColumns content,
				Counts counts) {
		}
		List<Row> rows = jdbc.sql(ENTRY).param(entryId).query((rs, i) -> {
			PlanEntry entry = planEntry(rs);
			String whatMatters = rs.getString(20);
			ContentColumns content = whatMatters == null ? null
					: new ContentColumns(whatMatters, rs.getString(21), rs.getString(22), rs.getString(23),
							entry.nextReviewDate(), rs.getString(24));
			return new Row(entry, rs.getString(17),
					new PlanTeam(entry.teamId(), rs.getString(18), rs.getString(19)), content,
					new Counts(rs.getLong(25), rs.getLong(26), rs.getLong(27)));
		}).list();
		Row own = null;
		List<PlanEntry> episodes = new ArrayList<>(rows.size());
		for (Row row : rows) {
			episodes.add(row.entry());
			if (row.entry().id().equals(entryId)) {
				own = row;
			}
		}
		if (own == null || own.content() == null) {
			return Optional.empty();
		}
		return Optional.of(new EntryRead(own.entry(), own.team(), new OdsCode(own.practiceCode()),
				contents.get(own.content(), this::parse), List.copyOf(episodes), own.counts()));
	}

	/** Every member of the team, leavers too, by name (as {@code TeamMemberRepository.findByTeamIdOrderByName}). */
	List<MemberSummary> members(UUID teamId) {
		return jdbc.sql("""
				SELECT id, name, organisation, organisation_ods, discipline, username, active, team_role
				FROM neighbourhood.team_member WHERE team_id = ? ORDER BY name""")
			.param(teamId)
			.query((rs, i) -> {
				String ods = rs.getString(4);
				return new MemberSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						ods == null ? null : new OdsCode(ods), Discipline.valueOf(rs.getString(5)), rs.getString(6),
						rs.getBoolean(7), TeamRole.valueOf(rs.getString(8)));
			})
			.list();
	}

	/** The versions stored up to the entry's {@code version}, newest first; in the caller's transaction. */
	List<Caseload.PlanVersion> history(UUID entryId, long version) {
		return histories.get(new HistoryKey(entryId, version),
				key -> List.copyOf(caseload.history(key.entryId(), key.version())));
	}

	private PlanContent parse(ContentColumns columns) {
		return documents.content(columns.whatMatters(), columns.goals(), columns.actions(), columns.contingencyPlan(),
				columns.nextReviewDate(), columns.personalisedCare());
	}

	private static PlanEntry planEntry(ResultSet rs) throws SQLException {
		return new PlanEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				new NhsNumber(rs.getString(4)), CaseloadStatus.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
				rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
				rs.getString(11), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
				rs.getObject(14, LocalDate.class), rs.getTimestamp(15).toInstant(),
				rs.getLong(16));
	}

}
