package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.careplans.ActionStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlans;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * MDT meetings: the agenda is built from the caseload when the meeting is opened (so it is current up to the
 * meeting), and decisions become actions on the person's care plan.
 */
@Component
public class Meetings {

	public static final ZoneId UK = ZoneId.of("Europe/London");

	/** With no earlier meeting, the agenda looks back this far. */
	static final int FIRST_LOOK_BACK_DAYS = 28;

	/** A person on the agenda and why. */
	record AgendaItem(UUID entryId, NhsNumber nhsNumber, String detail, @Nullable Instant at) {
	}

	record Agenda(Instant since, List<Candidates.Candidate> candidates, List<AgendaItem> reviewsDue,
			List<AgendaItem> sameDayRequests, List<AgendaItem> cvdRisk) {

		public String sinceText() {
			return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.UK)
				.format(since.atZone(UK));
		}

	}

	record Decision(UUID entryId, NhsNumber nhsNumber, String decision, String owner, LocalDate dueDate, String recordedBy,
			Instant recordedAt) {
	}

	/**
	 * Everything the meeting page shows of people: the agenda, the names behind its NHS numbers, the open caseload
	 * (for recording a decision) and the decisions.
	 */
	record MeetingPeople(Agenda agenda, java.util.Map<NhsNumber, String> names, java.util.Map<String, String> people,
			List<Decision> decisions) {
	}

	/** Candidates named on the agenda (the rest are counted only). */
	static final int AGENDA_CANDIDATES = 10;

	private final MeetingRepository meetings;

	private final Candidates candidates;

	private final Caseload caseload;

	private final CaseloadEntryRepository entries;

	private final Population population;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Meetings(MeetingRepository meetings, Candidates candidates, Caseload caseload, CaseloadEntryRepository entries,
			Population population, AuditLog auditLog, JdbcClient jdbc, JsonMapper json) {
		this.json = snapshotMapper(json);
		this.meetings = meetings;
		this.candidates = candidates;
		this.caseload = caseload;
		this.entries = entries;
		this.population = population;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
	}

	/**
	 * The mapper of the frozen agenda, which is stored text: NHS numbers and ODS codes in it are written and read as
	 * plain text, as in the agendas frozen before the agenda's records carried the types, so every snapshot ever
	 * stored reads back.
	 */
	private static JsonMapper snapshotMapper(JsonMapper json) {
		SimpleModule plainValues = new SimpleModule("agenda-snapshot");
		plainText(plainValues, NhsNumber.class, NhsNumber::value, NhsNumber::new);
		plainText(plainValues, OdsCode.class, OdsCode::value, OdsCode::new);
		return json.rebuild().addModule(plainValues).build();
	}

	private static <T> void plainText(SimpleModule module, Class<T> type, Function<T, String> write,
			Function<String, T> read) {
		module.addSerializer(type, new StdScalarSerializer<>(type) {
			@Override
			public void serialize(T value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(write.apply(value));
			}
		});
		module.addDeserializer(type, new ValueDeserializer<>() {
			@Override
			public T deserialize(JsonParser parser, DeserializationContext context) {
				return read.apply(parser.getValueAsString());
			}
		});
	}

	/**
	 * The meeting page's people for a member of the team: each person it names (agenda, open caseload, decisions)
	 * is audited in the same transaction as the read.
	 */
	@Transactional
	MeetingPeople people(Team team, Meeting meeting, String username, String page) {
		Agenda agenda = agenda(team, meeting);
		List<Decision> decisions = decisions(meeting);
		java.util.Map<NhsNumber, String> names = new java.util.HashMap<>();
		java.util.Map<String, String> people = new java.util.LinkedHashMap<>();
		java.util.Set<NhsNumber> shown = new java.util.LinkedHashSet<>();
		List<CaseloadEntry> caseloadEntries = entries.findByTeamId(team.getId());
		java.util.Map<NhsNumber, uk.nhs.bob.primarycare.population.PersonSummary> found = new java.util.HashMap<>();
		java.util.List<NhsNumber> wanted = new java.util.ArrayList<>();
		caseloadEntries.forEach(e -> wanted.add(e.getNhsNumber()));
		agenda.candidates().stream().limit(AGENDA_CANDIDATES).forEach(c -> wanted.add(c.nhsNumber()));
		population.findAll(wanted).forEach(p -> found.put(p.nhsNumber(), p));
		for (CaseloadEntry entry : caseloadEntries) {
			var person = found.get(entry.getNhsNumber());
			if (person != null && entry.getStatus().open()) {
				people.put(entry.getId().toString(), person.displayName() + " (" + person.nhsNumber().formatted() + ")");
				shown.add(entry.getNhsNumber());
			}
		}
		agenda.candidates().stream().limit(AGENDA_CANDIDATES).forEach(c -> shown.add(c.nhsNumber()));
		java.util.stream.Stream.of(agenda.reviewsDue(), agenda.sameDayRequests(), agenda.cvdRisk())
			.flatMap(List::stream)
			.forEach(item -> shown.add(item.nhsNumber()));
		decisions.forEach(d -> shown.add(d.nhsNumber()));
		notes(meeting).forEach(n -> shown.add(n.nhsNumber()));
		for (NhsNumber nhsNumber : shown) {
			var person = found.get(nhsNumber);
			if (person != null) {
				names.put(nhsNumber, person.displayName());
			}
		}
		auditLog.recordViews(username, shown, page,
				"Direct care: INT MDT meeting");
		return new MeetingPeople(agenda, names, people, decisions);
	}

	/** When and by whom the meeting was started (its agenda frozen), if it was. */
	record Started(Instant at, String by) {
	}

	/** A discussion note about a person, recorded in the meeting. */
	record Note(UUID entryId, NhsNumber nhsNumber, String note, String recordedBy, Instant recordedAt) {
	}

	@Transactional(readOnly = true)
	Optional<Started> started(Meeting meeting) {
		return jdbc.sql("SELECT started_at, started_by FROM neighbourhood.meeting WHERE id = ? AND started_at IS NOT NULL")
			.param(meeting.getId())
			.query((rs, i) -> new Started(rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.optional();
	}

	/**
	 * Starts the meeting: its agenda as it stands now is frozen and shown from then on, so a past agenda never
	 * changes. Starting twice changes nothing (false).
	 */
	@Transactional
	boolean start(Team team, Meeting meeting, String username) {
		Agenda agenda = liveAgenda(team, meeting);
		return 1 == jdbc.sql("""
				UPDATE neighbourhood.meeting SET started_at = now(), started_by = ?, agenda_snapshot = ?
				WHERE id = ? AND started_at IS NULL""")
			.params(username, json.writeValueAsString(agenda), meeting.getId())
			.update();
	}

	/** Records who attended (members of the team by id); replaces an earlier record of this meeting's attendance. */
	@Transactional
	void attendance(Meeting meeting, java.util.Set<UUID> memberIds, String username) {
		jdbc.sql("DELETE FROM neighbourhood.meeting_attendance WHERE meeting_id = ?").param(meeting.getId()).update();
		for (UUID member : memberIds) {
			jdbc.sql("INSERT INTO neighbourhood.meeting_attendance (meeting_id, member_id, recorded_by) VALUES (?, ?, ?)")
				.params(meeting.getId(), member, username)
				.update();
		}
	}

	@Transactional(readOnly = true)
	java.util.Set<UUID> attendees(Meeting meeting) {
		return new java.util.LinkedHashSet<>(jdbc.sql("SELECT member_id FROM neighbourhood.meeting_attendance WHERE meeting_id = ?")
			.param(meeting.getId())
			.query(UUID.class)
			.list());
	}

	@Transactional
	void note(Meeting meeting, CaseloadEntry entry, String note, String username) {
		jdbc.sql("""
				INSERT INTO neighbourhood.meeting_note (meeting_id, caseload_entry_id, note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, now())""")
			.params(meeting.getId(), entry.getId(), note, username)
			.update();
	}

	@Transactional(readOnly = true)
	List<Note> notes(Meeting meeting) {
		return jdbc.sql("""
				SELECT n.caseload_entry_id, e.nhs_number, n.note, n.recorded_by, n.recorded_at
				FROM neighbourhood.meeting_note n JOIN neighbourhood.caseload_entry e ON e.id = n.caseload_entry_id
				WHERE n.meeting_id = ? ORDER BY n.recorded_at, n.id""")
			.param(meeting.getId())
			.query((rs, i) -> new Note(rs.getObject(1, UUID.class), new NhsNumber(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The agenda: frozen when the meeting started, built from the caseload until then. */
	@Transactional(readOnly = true)
	Agenda agenda(Team team, Meeting meeting) {
		Optional<String> frozen = jdbc.sql("SELECT agenda_snapshot FROM neighbourhood.meeting WHERE id = ? AND agenda_snapshot IS NOT NULL")
			.param(meeting.getId())
			.query(String.class)
			.optional();
		return frozen.map(text -> json.readValue(text, Agenda.class)).orElseGet(() -> liveAgenda(team, meeting));
	}

	private Agenda liveAgenda(Team team, Meeting meeting) {
		Instant since = meetings.findFirstByTeamIdAndStartsAtBeforeOrderByStartsAtDesc(team.getId(), meeting.getStartsAt())
			.map(Meeting::getStartsAt)
			.orElse(meeting.getStartsAt().minus(FIRST_LOOK_BACK_DAYS, ChronoUnit.DAYS));
		Instant until = meeting.getStartsAt().isAfter(Instant.now()) ? Instant.now() : meeting.getStartsAt();
		LocalDate meetingDay = meeting.getStartsAt().atZone(UK).toLocalDate();
		List<AgendaItem> reviews = jdbc.sql("""
				SELECT id, nhs_number, next_review_date FROM neighbourhood.caseload_entry
				WHERE team_id = ? AND status <> 'DISCHARGED' AND next_review_date <= ? ORDER BY next_review_date""")
			.params(team.getId(), meetingDay)
			.query((rs, i) -> new AgendaItem(rs.getObject(1, UUID.class), new NhsNumber(rs.getString(2)),
					"Review due " + PlanText.date(rs.getObject(3, LocalDate.class)), null))
			.list();
		List<AgendaItem> requests = jdbc.sql("""
				SELECT e.id, e.nhs_number, a.problem, a.red_flag, a.received_at FROM neighbourhood.keyworker_alert a
				JOIN neighbourhood.caseload_entry e ON e.id = a.caseload_entry_id
				WHERE e.team_id = ? AND a.received_at > ? AND a.received_at <= ? ORDER BY a.received_at""")
			.params(team.getId(), Timestamp.from(since), Timestamp.from(until))
			.query((rs, i) -> new AgendaItem(rs.getObject(1, UUID.class), new NhsNumber(rs.getString(2)),
					(rs.getBoolean(4) ? "Red flag same-day request: " : "Same-day request: ")
							+ CarePlans.Alert.problemLabel(rs.getString(3)),
					rs.getTimestamp(5).toInstant()))
			.list();
		List<AgendaItem> cvd = jdbc.sql("""
				SELECT e.id, e.nhs_number, f.qrisk3_score, f.on_lipid_lowering, f.received_at
				FROM neighbourhood.cvd_risk_flag f JOIN neighbourhood.caseload_entry e ON e.id = f.caseload_entry_id
				WHERE e.team_id = ? AND e.status <> 'DISCHARGED' AND f.received_at > ? AND f.received_at <= ?
				ORDER BY f.received_at""")
			.params(team.getId(), Timestamp.from(since), Timestamp.from(until))
			.query((rs, i) -> new AgendaItem(rs.getObject(1, UUID.class), new NhsNumber(rs.getString(2)),
					"Newly flagged at high CVD risk: QRISK3 " + rs.getBigDecimal(3) + "%"
							+ (rs.getBoolean(4) ? " (on lipid-lowering therapy)" : " (not on lipid-lowering therapy)"),
					rs.getTimestamp(5).toInstant()))
			.list();
		return new Agenda(since, candidates.candidates(team), reviews, requests, cvd);
	}

	/**
	 * Records a decision and adds it to the person's plan as an action; false, changing nothing, when the same
	 * decision (person, words, owner, due date) is already recorded at this meeting, so a resubmitted form does not
	 * make a second action.
	 */
	@Transactional
	boolean decide(Meeting meeting, CaseloadEntry entry, String decision, @Nullable UUID ownerMemberId,
			@Nullable String ownerOrganisation, String ownerText, LocalDate dueDate, String username) {
		// one decision at a time per meeting, so two submissions of the same one cannot both pass the check
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
			.param("meeting-decision:" + meeting.getId())
			.query((rs, i) -> i)
			.list();
		boolean repeated = jdbc.sql("""
				SELECT count(*) FROM neighbourhood.meeting_decision WHERE meeting_id = ? AND caseload_entry_id = ?
				AND lower(decision) = lower(?) AND action_owner = ? AND due_date = ?""")
			.params(meeting.getId(), entry.getId(), decision, ownerText, dueDate)
			.query(Long.class)
			.single() > 0;
		if (repeated) {
			return false;
		}
		String source = "MDT meeting " + PlanText.date(meeting.getStartsAt().atZone(UK).toLocalDate());
		caseload.addAction(entry.getId(), new PlanAction(UUID.randomUUID().toString(), decision, ownerMemberId,
				ownerOrganisation, dueDate, ActionStatus.NOT_STARTED, source), username);
		jdbc.sql("""
				INSERT INTO neighbourhood.meeting_decision (meeting_id, caseload_entry_id, decision, action_owner,
				  due_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, now())""")
			.params(meeting.getId(), entry.getId(), decision, ownerText, dueDate, username)
			.update();
		return true;
	}

	@Transactional(readOnly = true)
	List<Decision> decisions(Meeting meeting) {
		return jdbc.sql("""
				SELECT d.caseload_entry_id, e.nhs_number, d.decision, d.action_owner, d.due_date, d.recorded_by,
				       d.recorded_at
				FROM neighbourhood.meeting_decision d JOIN neighbourhood.caseload_entry e ON e.id = d.caseload_entry_id
				WHERE d.meeting_id = ? ORDER BY d.recorded_at""")
			.param(meeting.getId())
			.query((rs, i) -> new Decision(rs.getObject(1, UUID.class), new NhsNumber(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

}
