package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Referrals to an Integrated Neighbourhood Team: any clinician whose scope covers the person's practice (care
 * coordinators, clinical supervisors, INT members) or a system refers a person with a reason and an urgency; the team of
 * the practice's neighbourhood site accepts (the person joins its caseload with a keyworker) or declines with a reason
 * the referrer reads. {@link #refer} is the one way in, for the pages and for a FHIR ServiceRequest alike.
 */
@Service
class Referrals {

	/** Roles that may refer a person (with a scope covering their practice); systems act for the whole ICB. */
	static final java.util.Set<Role> REFERRER_ROLES = java.util.EnumSet.of(Role.CARE_COORDINATOR,
			Role.CLINICAL_SUPERVISOR, Role.INT_MEMBER, Role.API_CLIENT);

	/** What a referrer asks for. */
	public record ReferralRequest(NhsNumber nhsNumber, String reason, ReferralUrgency urgency) {
	}

	/** A referral as stored. */
	public record Referral(UUID id, UUID teamId, String teamName, String siteCode, NhsNumber nhsNumber,
			OdsCode practiceCode, String reason, ReferralUrgency urgency, String referredBy, String referrerName,
			Instant referredAt, String status, @Nullable String decidedBy, @Nullable Instant decidedAt,
			@Nullable String declineReason, @Nullable UUID caseloadEntryId) {

		public boolean waiting() {
			return "WAITING".equals(status);
		}

		public String statusLabel() {
			return switch (status) {
				case "WAITING" -> "Waiting for the team";
				case "ACCEPTED" -> "Accepted onto the caseload";
				default -> "Declined";
			};
		}

	}

	/** The referral cannot be made; the message says why, for the referrer (field: the form field it is about). */
	public static final class ReferralRefused extends RuntimeException {

		private final String field;

		ReferralRefused(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	private final JdbcClient jdbc;

	private final TeamRepository teams;

	private final TeamAccess access;

	private final Caseload caseload;

	private final Population population;

	private final Directory directory;

	private final AuditLog auditLog;

	private final TeamMemberRepository members;

	Referrals(JdbcClient jdbc, TeamRepository teams, TeamAccess access, Caseload caseload, Population population,
			Directory directory, AuditLog auditLog, TeamMemberRepository members) {
		this.members = members;
		this.jdbc = jdbc;
		this.teams = teams;
		this.access = access;
		this.caseload = caseload;
		this.population = population;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	/**
	 * Refers a person to the INT of their practice's neighbourhood site. Refused ({@link ReferralRefused}) when the
	 * person is unknown or outside the referrer's scope, their site has no team, they are already on its caseload, or
	 * a referral of them is already waiting (a resubmission makes nothing twice). {@link AccessDeniedException} for a
	 * user whose role may not refer.
	 */
	@Transactional
	public Referral refer(ReferralRequest request, StaffUser referrer) {
		if (referrer.roles().stream().noneMatch(REFERRER_ROLES::contains)) {
			throw new AccessDeniedException("Only clinical staff and systems refer people to an INT");
		}
		String reason = request.reason().trim();
		if (reason.isEmpty() || reason.length() > 1000) {
			throw new ReferralRefused("reason", "Enter the reason for the referral, in 1000 characters or fewer");
		}
		PersonSummary person = population.find(request.nhsNumber())
			.orElseThrow(() -> new ReferralRefused("nhsNumber", "No one with this NHS number is registered in the ICB"));
		PracticeSummary practice = directory.practice(person.registeredPractice())
			.orElseThrow(() -> new ReferralRefused("nhsNumber", "The person's practice is not in the directory"));
		if (!referrer.canSee(practice)) {
			auditLog.recordRefusal(referrer.username(), request.nhsNumber(), null, "INT referral",
					"Refused: the person's practice is outside the referrer's scope");
			throw new ReferralRefused("nhsNumber",
					"This person is registered at a practice outside your organisation scope: you cannot refer them");
		}
		Team team = teams.findBySiteCode(practice.siteCode())
			.orElseThrow(() -> new ReferralRefused("nhsNumber", practice.siteName()
					+ " has no Integrated Neighbourhood Team set up yet: ask the Place's delivery team"));
		boolean onCaseload = jdbc.sql("""
				SELECT count(*) FROM neighbourhood.caseload_entry WHERE team_id = ? AND nhs_number = ?
				AND status <> 'DISCHARGED'""")
			.params(team.getId(), request.nhsNumber().value())
			.query(Long.class)
			.single() > 0;
		if (onCaseload) {
			throw new ReferralRefused("nhsNumber", "This person is already on the caseload of " + team.getName());
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO neighbourhood.referral (id, team_id, nhs_number, practice_code, reason, urgency,
					  referred_by, referrer_name, referred_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), 'WAITING')""")
				.params(id, team.getId(), request.nhsNumber().value(), practice.odsCode().value(), reason,
						request.urgency().name(), referrer.username(), referrer.displayName())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ReferralRefused("nhsNumber", "A referral of this person to " + team.getName()
					+ " is already waiting for the team");
		}
		auditLog.recordView(referrer.username(), request.nhsNumber(), "INT referral",
				"Direct care: referral to " + team.getName());
		return find(id).orElseThrow();
	}

	/** The referrals a user made, newest first, with the team's answer (audited: one entry per person shown). */
	@Transactional
	public List<Referral> madeBy(StaffUser referrer, String page) {
		List<Referral> list = query("WHERE lower(r.referred_by) = lower(?) ORDER BY r.referred_at DESC",
				referrer.username());
		auditLog.recordViews(referrer.username(), list.stream().map(Referral::nhsNumber).toList(),
				page, "Direct care: the user's own referrals");
		return list;
	}

	/**
	 * One referral the user made, audited as a view of the person (for the referrer reading its status); empty when
	 * there is none or another referrer made it (whose referrals are not the user's to read).
	 */
	@Transactional
	Optional<Referral> ownReferral(UUID id, StaffUser referrer, String page) {
		Optional<Referral> found = find(id).filter(r -> r.referredBy().equalsIgnoreCase(referrer.username()));
		found.ifPresent(r -> auditLog.recordView(referrer.username(), r.nhsNumber(), page,
				"Direct care: the status of the user's own referral"));
		return found;
	}

	/** The referrals a user made of one person, newest first (audited). */
	@Transactional
	List<Referral> madeBy(StaffUser referrer, NhsNumber nhsNumber, String page) {
		List<Referral> list = jdbc.sql(SELECT + "WHERE lower(r.referred_by) = lower(?) AND r.nhs_number = ? "
				+ "ORDER BY r.referred_at DESC")
			.params(referrer.username(), nhsNumber.value())
			.query((rs, i) -> referral(rs))
			.list();
		auditLog.recordViews(referrer.username(), list.stream().map(Referral::nhsNumber).toList(),
				page, "Direct care: the user's own referrals");
		return list;
	}

	/** A team's queue of waiting referrals, urgent first, then oldest first (members only, audited). */
	@Transactional
	List<Referral> queue(Team team, StaffUser user, String page) {
		access.requireMember(user, team);
		List<Referral> list = query("WHERE r.team_id = ? AND r.status = 'WAITING' "
				+ "ORDER BY CASE r.urgency WHEN 'URGENT' THEN 0 ELSE 1 END, r.referred_at", team.getId());
		auditLog.recordViews(user.username(), list.stream().map(Referral::nhsNumber).toList(), page,
				"Direct care: INT referral queue");
		return list;
	}

	/** A team's queue page: the waiting referrals and the keyworkers one may be accepted for. */
	record QueuePage(Team team, List<Referral> queue, List<TeamMember> keyworkers) {
	}

	/** The queue of the team at {@code siteCode} (members only, audited). */
	@Transactional
	QueuePage queue(String siteCode, StaffUser user) {
		return queuePage(teams.findBySiteCode(siteCode).orElseThrow(), user);
	}

	/** The queue of the team a referral was made to, shown again when answering it failed. */
	@Transactional
	QueuePage queueOf(UUID referralId, StaffUser user) {
		Referral referral = find(referralId).orElseThrow();
		return queuePage(teams.findById(referral.teamId()).orElseThrow(), user);
	}

	private QueuePage queuePage(Team team, StaffUser user) {
		return new QueuePage(team, queue(team, user, "/neighbourhood/teams/" + team.getSiteCode() + "/referrals"),
				members.findByTeamIdAndActiveTrueOrderByName(team.getId())
					.stream()
					.filter(TeamMember::isKeyworker)
					.toList());
	}

	/**
	 * Accepts a waiting referral: the person joins the caseload with the keyworker (one of the team's keyworkers, or
	 * {@link FieldRefused}); returns the caseload entry.
	 */
	@Transactional
	UUID accept(UUID referralId, String keyworkerId, StaffUser user) {
		Referral referral = waiting(referralId, user);
		Team team = teams.findById(referral.teamId()).orElseThrow();
		UUID keyworker = members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> m.isKeyworker() && m.getId().toString().equals(keyworkerId))
			.map(TeamMember::getId)
			.findFirst()
			.orElseThrow(() -> new FieldRefused("keyworkerId", "Choose a keyworker from the team's keyworkers"));
		CaseloadEntry entry;
		try {
			entry = caseload.add(team, referral.nhsNumber(), referral.practiceCode(),
					"Referral from " + referral.referrerName() + " (" + referral.urgency().label() + "): "
							+ abbreviate(referral.reason()), keyworker, user.username());
		}
		catch (Caseload.AlreadyOnCaseload ex) {
			throw new ReferralRefused("keyworkerId", "This person is already on the caseload");
		}
		decide(referral, user, "ACCEPTED", null, entry.getId());
		return entry.getId();
	}

	/**
	 * Declines a waiting referral with a reason the referrer reads on their referrals page; returns the referral as
	 * it was.
	 */
	@Transactional
	Referral decline(UUID referralId, String reason, StaffUser user) {
		Referral referral = waiting(referralId, user);
		decide(referral, user, "DECLINED", reason, null);
		return referral;
	}

	private Referral waiting(UUID referralId, StaffUser user) {
		Referral referral = find(referralId).orElseThrow(() -> new java.util.NoSuchElementException("No referral"));
		Team team = teams.findById(referral.teamId()).orElseThrow();
		access.requireEditor(user, team);
		if (!referral.waiting()) {
			throw new ReferralRefused("referral", "This referral was already " + referral.statusLabel().toLowerCase()
					+ " by " + referral.decidedBy());
		}
		return referral;
	}

	private void decide(Referral referral, StaffUser user, String status, @Nullable String reason,
			@Nullable UUID entryId) {
		int changed = jdbc.sql("""
				UPDATE neighbourhood.referral SET status = ?, decided_by = ?, decided_at = ?, decline_reason = ?,
				  caseload_entry_id = ?, version = version + 1 WHERE id = ? AND status = 'WAITING'""")
			.params(status, user.username(), Timestamp.from(Instant.now()), reason, entryId, referral.id())
			.update();
		if (changed != 1) {
			throw new ReferralRefused("referral", "Someone else answered this referral first");
		}
	}

	/** A referral by id (for its status, as a FHIR ServiceRequest read would show it); not audited by itself. */
	@Transactional(readOnly = true)
	public Optional<Referral> find(UUID id) {
		return query("WHERE r.id = ?", id).stream().findFirst();
	}

	private static final String SELECT = """
			SELECT r.id, r.team_id, t.name, t.site_code, r.nhs_number, r.practice_code, r.reason, r.urgency,
			       r.referred_by, r.referrer_name, r.referred_at, r.status, r.decided_by, r.decided_at,
			       r.decline_reason, r.caseload_entry_id
			FROM neighbourhood.referral r JOIN neighbourhood.team t ON t.id = r.team_id
			""";

	private List<Referral> query(String where, Object param) {
		return jdbc.sql(SELECT + where).param(param).query((rs, i) -> referral(rs)).list();
	}

	private static Referral referral(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Referral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), new NhsNumber(rs.getString(5)), new OdsCode(rs.getString(6)), rs.getString(7),
				ReferralUrgency.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getString(13),
				rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15),
				rs.getObject(16, UUID.class));
	}

	private static String abbreviate(String text) {
		return text.length() <= 250 ? text : text.substring(0, 247) + "...";
	}

}
