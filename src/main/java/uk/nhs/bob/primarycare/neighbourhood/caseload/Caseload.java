package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanReviewed;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonAdded;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonDischarged;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PersonalisedCare;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Snapshot;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanDocuments;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanMerge;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * Changes to caseloads and care plans. Every change checks the version the user started from (a stale one is refused
 * with {@link StalePlan}, nothing saved), stores a new version with who, when and what changed, and publishes the
 * module's events in the same transaction.
 */
@Component
@Transactional
public class Caseload {

	/** The user's change was based on an older version than the one now stored. */
	public static final class StalePlan extends RuntimeException {

		StalePlan() {
			super("The care plan was changed by someone else", null, false, false);
		}

	}

	/** The change breaks a rule of the plan's life cycle; the message says which, for the page. */
	public static final class PlanRuleBroken extends RuntimeException {

		public PlanRuleBroken(String message) {
			super(message, null, false, false);
		}

	}

	/** The person already has an open entry on this team's caseload. */
	public static final class AlreadyOnCaseload extends RuntimeException {

		AlreadyOnCaseload() {
			super("Already on the caseload", null, false, false);
		}

	}

	/** One stored version of an entry. */
	public record PlanVersion(long number, Instant savedAt, String savedBy, List<String> changes) {
	}

	/**
	 * One stored version in full: the entry as it was saved and, for a save merged with someone else's, what the saver
	 * proposed (texts they wrote that were not chosen stay readable here).
	 */
	public record StoredVersion(long number, Instant savedAt, String savedBy, List<String> changes, Snapshot snapshot,
			@Nullable Snapshot proposed) {
	}

	private final CaseloadEntryRepository entries;

	private final TeamMemberRepository members;

	private final PlanDocuments documents;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Caseload(CaseloadEntryRepository entries, TeamMemberRepository members, PlanDocuments documents,
			JdbcClient jdbc, ApplicationEventPublisher events) {
		this.entries = entries;
		this.members = members;
		this.documents = documents;
		this.jdbc = jdbc;
		this.events = events;
	}

	public CaseloadEntry add(Team team, NhsNumber nhsNumber, OdsCode practiceCode, String reason,
			@Nullable UUID keyworkerId, String username) {
		boolean open = entries.findByNhsNumber(nhsNumber)
			.stream()
			.anyMatch(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open());
		if (open) {
			throw new AlreadyOnCaseload();
		}
		LocalDate today = LocalDate.now();
		CaseloadEntry entry = new CaseloadEntry(team, nhsNumber, practiceCode, reason, keyworkerId, username,
				today);
		Optional<CaseloadEntry> previous = entries.findByNhsNumber(nhsNumber)
			.stream()
			.filter(e -> e.getTeamId().equals(team.getId()) && !e.getStatus().open())
			.max(java.util.Comparator.comparing(CaseloadEntry::getUpdatedAt));
		previous.ifPresent(entry::follows);
		try {
			entry = entries.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException ex) {
			throw new AlreadyOnCaseload();
		}
		List<String> added = new ArrayList<>(List.of("Added to the caseload: " + reason));
		previous.ifPresent(p -> added.add("A new episode: the earlier one (added " + PlanText.date(p.getAddedOn())
				+ ", discharged " + PlanText.date(p.getDischargedOn()) + ") keeps its plan and history"));
		storeVersion(entry, username, added);
		events.publishEvent(new CaseloadPersonAdded(entry.getId(), team.getId(), team.getSiteCode(), nhsNumber, today));
		return entry;
	}

	/** The plan was saved; {@code merged} names the fields taken from versions saved since the user opened it. */
	public record SaveOutcome(CaseloadEntry entry, List<String> merged) {
	}

	/** Both the user and someone since changed the same fields differently: a person must choose, per field. */
	public static final class MergeConflict extends RuntimeException {

		private final transient List<PlanMerge.Conflict> conflicts;

		private final long currentVersion;

		MergeConflict(List<PlanMerge.Conflict> conflicts, long currentVersion) {
			super("Conflicting changes to the care plan", null, false, false);
			this.conflicts = List.copyOf(conflicts);
			this.currentVersion = currentVersion;
		}

		public List<PlanMerge.Conflict> conflicts() {
			return conflicts;
		}

		public long currentVersion() {
			return currentVersion;
		}

	}

	public CaseloadEntry savePlan(UUID entryId, long expectedVersion, PlanContent content, String username) {
		return savePlan(entryId, expectedVersion, null, content, Map.of(), username).entry();
	}

	/**
	 * Saves the plan a user edited from version {@code baseVersion}. When someone saved since, the two edits are
	 * merged field by field ({@link PlanMerge}): fields only one side changed merge by themselves; fields both changed
	 * differently need a choice in {@code choices}, made against {@code againstVersion} (the version the user was
	 * shown), or {@link MergeConflict} is thrown and nothing is saved. What the user proposed is kept with the version
	 * whenever a merge took place, so a text not chosen can still be read.
	 */
	public SaveOutcome savePlan(UUID entryId, long baseVersion, @Nullable Long againstVersion, PlanContent proposed,
			Map<String, PlanMerge.Side> choices, String username) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		if (!entry.getStatus().open()) {
			throw new PlanRuleBroken("This person has been discharged: their plan can no longer be changed");
		}
		PlanContent current = documents.content(entry);
		Optional<PlanContent> base = entry.getVersion() == baseVersion ? Optional.of(current)
				: snapshot(entryId, baseVersion).map(Snapshot::plan);
		PlanContent mine = trusted(proposed, base.orElse(null), current, username);
		if (entry.getVersion() == baseVersion) {
			return new SaveOutcome(change(entryId, baseVersion, username, e -> applyPlan(e, mine), List.of(), null),
					List.of());
		}
		Map<String, PlanMerge.Side> valid = againstVersion != null && againstVersion == entry.getVersion() ? choices
				: Map.of();
		PlanMerge.Result result = PlanMerge.merge(base.orElse(null), current, mine, valid, this::actionText);
		if (!result.clean()) {
			throw new MergeConflict(result.conflicts(), entry.getVersion());
		}
		List<String> notes = new ArrayList<>();
		notes.add("Merged with version " + (entry.getVersion() + 1) + " (" + entry.getUpdatedBy() + "), this edit began"
				+ " from version " + (baseVersion + 1));
		result.chosenTheirs().forEach(label -> notes.add("Kept the other version of " + label
				+ "; the text proposed in this save is kept with this version"));
		CaseloadEntry saved = change(entryId, entry.getVersion(), username, e -> applyPlan(e, result.merged()), notes,
				documents.write(new Snapshot(entry.getStatus(), entry.getKeyworkerId(), mine)));
		return new SaveOutcome(saved, result.fromTheirs());
	}

	private void applyPlan(CaseloadEntry entry, PlanContent content) {
		if (entry.getStatus() == CaseloadStatus.PLAN_AGREED && !content.readyToAgree()) {
			throw new PlanRuleBroken("An agreed plan needs what matters to the person, at least one goal and a "
					+ "next review date");
		}
		documents.apply(entry, content);
	}

	/**
	 * The plan as proposed, with nothing taken on trust that the server knows: a goal or action id the plan never had
	 * becomes a new id, and an action's source (an MDT meeting) comes from the stored action, never from the form.
	 */
	private static PlanContent trusted(PlanContent proposed, @Nullable PlanContent base, PlanContent current,
			String username) {
		Map<String, PlanContent.Goal> goals = new HashMap<>();
		Map<String, PlanAction> actions = new HashMap<>();
		for (PlanContent known : base == null ? List.of(current) : List.of(base, current)) {
			known.goals().forEach(g -> goals.put(g.id(), g));
			known.actions().forEach(a -> actions.put(a.id(), a));
		}
		List<PlanContent.Goal> checkedGoals = proposed.goals()
			.stream()
			.map(g -> goals.containsKey(g.id()) ? g
					: new PlanContent.Goal(UUID.randomUUID().toString(), g.description(), g.targetDate(), g.status()))
			.toList();
		List<PlanAction> checkedActions = proposed.actions().stream().map(a -> {
			PlanAction known = actions.get(a.id());
			String id = known == null ? UUID.randomUUID().toString() : a.id();
			return new PlanAction(id, a.description(), a.ownerMemberId(), a.ownerOrganisation(), a.dueDate(),
					a.status(), known == null ? null : known.source());
		}).toList();
		return new PlanContent(proposed.whatMatters(), checkedGoals, checkedActions, proposed.contingencyPlan(),
				proposed.nextReviewDate(), trustedCare(proposed.care(), base == null ? current : base, username));
	}

	/**
	 * The personalised care parts as proposed: a carer id the plan never had becomes a new id, and the clinician who
	 * confirmed a Clinical Frailty Scale score is the user who saved it (kept when the score and date are unchanged).
	 */
	private static PersonalisedCare trustedCare(PersonalisedCare proposed, PlanContent known, String username) {
		java.util.Set<String> carerIds = new java.util.HashSet<>();
		known.care().carers().forEach(c -> carerIds.add(c.id()));
		List<PersonalisedCare.Carer> carers = proposed.carers()
			.stream()
			.map(c -> carerIds.contains(c.id()) ? c
					: new PersonalisedCare.Carer(UUID.randomUUID().toString(), c.name(), c.role(), c.relationship(),
							c.contact()))
			.toList();
		PersonalisedCare.FrailtyScale scale = proposed.frailtyScale();
		PersonalisedCare.FrailtyScale before = known.care().frailtyScale();
		if (scale != null) {
			boolean same = before != null && before.score() == scale.score()
					&& before.confirmedOn().equals(scale.confirmedOn());
			scale = new PersonalisedCare.FrailtyScale(scale.score(), same ? before.confirmedBy() : username,
					scale.confirmedOn());
		}
		return new PersonalisedCare(proposed.consent(), proposed.agreement(), carers, proposed.advanceCarePlan(),
				scale);
	}

	private String actionText(PlanAction action) {
		String owner = action.ownerMemberId() != null ? memberName(action.ownerMemberId())
				: String.valueOf(action.ownerOrganisation());
		return action.description() + " (" + owner + ", due " + PlanText.date(action.dueDate()) + ", "
				+ action.status().label() + ")";
	}

	/** The entry as stored at a version (the entity's version number), if there is one. */
	@Transactional(readOnly = true)
	Optional<Snapshot> snapshot(UUID entryId, long version) {
		return jdbc.sql("SELECT snapshot FROM neighbourhood.care_plan_version WHERE caseload_entry_id = ? AND version = ?")
			.params(entryId, version)
			.query(String.class)
			.optional()
			.map(documents::readSnapshot);
	}

	public CaseloadEntry changeStatus(UUID entryId, long expectedVersion, CaseloadStatus status, String username) {
		if (status == CaseloadStatus.DISCHARGED) {
			throw new PlanRuleBroken("Use discharge, which asks for a reason");
		}
		return change(entryId, expectedVersion, username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has been discharged");
			}
			if (status == CaseloadStatus.PLAN_AGREED) {
				if (!documents.content(entry).readyToAgree()) {
					throw new PlanRuleBroken("Before the plan is agreed, write what matters to the person, at least "
							+ "one goal and the next review date");
				}
				boolean first = entry.getAgreedOn() == null;
				entry.agree(LocalDate.now());
				if (first) {
					events.publishEvent(new CarePlanAgreed(entry.getCarePlanId(), entry.getTeamId(),
							entry.getSiteCode(), entry.getAgreedOn()));
				}
			}
			else {
				entry.changeStatus(status);
			}
		});
	}

	public CaseloadEntry recordReview(UUID entryId, long expectedVersion, LocalDate nextReview, String username) {
		return change(entryId, expectedVersion, username, entry -> {
			if (entry.getAgreedOn() == null || !entry.getStatus().open()) {
				throw new PlanRuleBroken("Only an agreed plan of someone still on the caseload can be reviewed");
			}
			LocalDate today = LocalDate.now();
			entry.reviewed(today, nextReview);
			events.publishEvent(new CarePlanReviewed(entry.getCarePlanId(), entry.getTeamId(), entry.getSiteCode(),
					today, nextReview));
		});
	}

	public CaseloadEntry assignKeyworker(UUID entryId, long expectedVersion, @Nullable UUID memberId, String username) {
		return change(entryId, expectedVersion, username, entry -> entry.assignKeyworker(memberId));
	}

	public CaseloadEntry discharge(UUID entryId, long expectedVersion, String reason, String username) {
		return change(entryId, expectedVersion, username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has already been discharged");
			}
			LocalDate today = LocalDate.now();
			entry.discharge(today, reason);
			// like a dismissal: back among the candidates only when the qualifying data change after discharge
			jdbc.sql("""
					INSERT INTO neighbourhood.candidate_dismissal (id, team_id, nhs_number, fingerprint, reason,
					  dismissed_by, dismissed_at, caseload_entry_id)
					SELECT ?, ?, nhs_number, fingerprint, ?, ?, now(), ? FROM neighbourhood.frailty_profile
					WHERE nhs_number = ?""")
				.params(UUID.randomUUID(), entry.getTeamId(), "Discharged: " + reason, username, entry.getId(),
						entry.getNhsNumber().value())
				.update();
			events.publishEvent(new CaseloadPersonDischarged(entry.getId(), entry.getTeamId(), entry.getSiteCode(),
					entry.getNhsNumber(), today, reason));
		});
	}

	/** Adds an action (an MDT decision) to the current version of the plan. */
	public CaseloadEntry addAction(UUID entryId, PlanAction action, String username) {
		CaseloadEntry current = entries.findById(entryId).orElseThrow();
		return change(entryId, current.getVersion(), username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has been discharged");
			}
			PlanContent content = documents.content(entry);
			List<PlanAction> actions = new ArrayList<>(content.actions());
			actions.add(action);
			documents.apply(entry, new PlanContent(content.whatMatters(), content.goals(), actions,
					content.contingencyPlan(), content.nextReviewDate(), content.care()));
		});
	}

	private CaseloadEntry change(UUID entryId, long expectedVersion, String username,
			Consumer<CaseloadEntry> change) {
		return change(entryId, expectedVersion, username, change, List.of(), null);
	}

	private CaseloadEntry change(UUID entryId, long expectedVersion, String username, Consumer<CaseloadEntry> change,
			List<String> notes, @Nullable String proposed) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		if (entry.getVersion() != expectedVersion) {
			throw new StalePlan();
		}
		Snapshot before = documents.snapshot(entry);
		change.accept(entry);
		entry.touch(username);
		try {
			entry = entries.saveAndFlush(entry);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// someone saved between our read and our write
			throw new StalePlan();
		}
		List<String> changes = new ArrayList<>(PlanDocuments.changes(before, documents.snapshot(entry), this::memberName));
		if (changes.isEmpty()) {
			changes.add("Saved without changes");
		}
		changes.addAll(notes);
		storeVersion(entry, username, changes, proposed);
		return entry;
	}

	private void storeVersion(CaseloadEntry entry, String username, List<String> changes) {
		storeVersion(entry, username, changes, null);
	}

	private void storeVersion(CaseloadEntry entry, String username, List<String> changes, @Nullable String proposed) {
		jdbc.sql("""
				INSERT INTO neighbourhood.care_plan_version (caseload_entry_id, version, saved_at, saved_by, changes,
				  snapshot, proposed) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.getId(), entry.getVersion(), Timestamp.from(entry.getUpdatedAt()), username,
					documents.writeChanges(changes), documents.write(documents.snapshot(entry)), proposed)
			.update();
	}

	String memberName(@Nullable UUID memberId) {
		if (memberId == null) {
			return "none";
		}
		return members.findById(memberId).map(TeamMember::getName).orElse("a former member");
	}

	/** The person's episodes on the entry's team, oldest first (the entry itself among them). */
	@Transactional(readOnly = true)
	public List<CaseloadEntry> episodes(CaseloadEntry entry) {
		return entries.findEpisodes(entry.getNhsNumber(), entry.getTeamId());
	}

	/** A version by the number people see (1 is the first). */
	@Transactional(readOnly = true)
	public Optional<StoredVersion> storedVersion(UUID entryId, long number) {
		return jdbc.sql("""
				SELECT version, saved_at, saved_by, changes, snapshot, proposed FROM neighbourhood.care_plan_version
				WHERE caseload_entry_id = ? AND version = ?""")
			.params(entryId, number - 1)
			.query((rs, i) -> new StoredVersion(rs.getLong(1) + 1, rs.getTimestamp(2).toInstant(), rs.getString(3),
					documents.readChanges(rs.getString(4)), documents.readSnapshot(rs.getString(5)),
					rs.getString(6) == null ? null : documents.readSnapshot(rs.getString(6))))
			.optional();
	}

	@Transactional(readOnly = true)
	public List<PlanVersion> history(UUID entryId) {
		return history(entryId, Long.MAX_VALUE);
	}

	/**
	 * The versions stored up to the entry's {@code version} (the entity's number), newest first: once the entry is at
	 * that version they are all stored, and they never change.
	 */
	@Transactional(readOnly = true)
	public List<PlanVersion> history(UUID entryId, long version) {
		return jdbc.sql("""
				SELECT version, saved_at, saved_by, changes FROM neighbourhood.care_plan_version
				WHERE caseload_entry_id = ? AND version <= ? ORDER BY version DESC""")
			.params(entryId, version)
			.query((rs, i) -> new PlanVersion(rs.getLong(1) + 1, rs.getTimestamp(2).toInstant(), rs.getString(3),
					documents.readChanges(rs.getString(4))))
			.list();
	}

}
