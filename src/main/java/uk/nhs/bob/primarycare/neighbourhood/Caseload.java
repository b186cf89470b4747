package uk.nhs.bob.primarycare.neighbourhood;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.neighbourhood.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.PlanContent.Snapshot;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Changes to caseloads and care plans. Every change checks the version the user started from (a stale one is refused
 * with {@link StalePlan}, nothing saved), stores a new version with who, when and what changed, and publishes the
 * module's events in the same transaction.
 */
@Component
@Transactional
class Caseload {

	/** The user's change was based on an older version than the one now stored. */
	static final class StalePlan extends RuntimeException {

		StalePlan() {
			super("The care plan was changed by someone else", null, false, false);
		}

	}

	/** The change breaks a rule of the plan's life cycle; the message says which, for the page. */
	static final class PlanRuleBroken extends RuntimeException {

		PlanRuleBroken(String message) {
			super(message, null, false, false);
		}

	}

	/** The person already has an open entry on this team's caseload. */
	static final class AlreadyOnCaseload extends RuntimeException {

		AlreadyOnCaseload() {
			super("Already on the caseload", null, false, false);
		}

	}

	/** One stored version of an entry. */
	record PlanVersion(long number, Instant savedAt, String savedBy, List<String> changes) {
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

	CaseloadEntry add(Team team, NhsNumber nhsNumber, String practiceCode, String reason,
			@Nullable UUID keyworkerId, String username) {
		boolean open = entries.findByNhsNumber(nhsNumber.value())
			.stream()
			.anyMatch(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open());
		if (open) {
			throw new AlreadyOnCaseload();
		}
		LocalDate today = LocalDate.now();
		CaseloadEntry entry = new CaseloadEntry(team, nhsNumber.value(), practiceCode, reason, keyworkerId, username,
				today);
		try {
			entry = entries.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException ex) {
			throw new AlreadyOnCaseload();
		}
		storeVersion(entry, username, List.of("Added to the caseload: " + reason));
		events.publishEvent(new CaseloadPersonAdded(entry.getId(), team.getId(), team.getSiteCode(), nhsNumber, today));
		return entry;
	}

	CaseloadEntry savePlan(UUID entryId, long expectedVersion, PlanContent content, String username) {
		return change(entryId, expectedVersion, username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has been discharged: their plan can no longer be changed");
			}
			if (entry.getStatus() == CaseloadStatus.PLAN_AGREED && !content.readyToAgree()) {
				throw new PlanRuleBroken("An agreed plan needs what matters to the person, at least one goal and a "
						+ "next review date");
			}
			documents.apply(entry, content);
		});
	}

	CaseloadEntry changeStatus(UUID entryId, long expectedVersion, CaseloadStatus status, String username) {
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

	CaseloadEntry recordReview(UUID entryId, long expectedVersion, LocalDate nextReview, String username) {
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

	CaseloadEntry assignKeyworker(UUID entryId, long expectedVersion, @Nullable UUID memberId, String username) {
		return change(entryId, expectedVersion, username, entry -> entry.assignKeyworker(memberId));
	}

	CaseloadEntry discharge(UUID entryId, long expectedVersion, String reason, String username) {
		return change(entryId, expectedVersion, username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has already been discharged");
			}
			LocalDate today = LocalDate.now();
			entry.discharge(today, reason);
			events.publishEvent(new CaseloadPersonDischarged(entry.getId(), entry.getTeamId(), entry.getSiteCode(),
					new NhsNumber(entry.getNhsNumber()), today, reason));
		});
	}

	/** Adds an action (an MDT decision) to the current version of the plan. */
	CaseloadEntry addAction(UUID entryId, PlanAction action, String username) {
		CaseloadEntry current = entries.findById(entryId).orElseThrow();
		return change(entryId, current.getVersion(), username, entry -> {
			if (!entry.getStatus().open()) {
				throw new PlanRuleBroken("This person has been discharged");
			}
			PlanContent content = documents.content(entry);
			List<PlanAction> actions = new ArrayList<>(content.actions());
			actions.add(action);
			documents.apply(entry, new PlanContent(content.whatMatters(), content.goals(), actions,
					content.contingencyPlan(), content.nextReviewDate()));
		});
	}

	private CaseloadEntry change(UUID entryId, long expectedVersion, String username,
			Consumer<CaseloadEntry> change) {
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
		List<String> changes = PlanDocuments.changes(before, documents.snapshot(entry), this::memberName);
		storeVersion(entry, username, changes.isEmpty() ? List.of("Saved without changes") : changes);
		return entry;
	}

	private void storeVersion(CaseloadEntry entry, String username, List<String> changes) {
		jdbc.sql("""
				INSERT INTO neighbourhood.care_plan_version (caseload_entry_id, version, saved_at, saved_by, changes,
				  snapshot) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(entry.getId(), entry.getVersion(), Timestamp.from(entry.getUpdatedAt()), username,
					documents.writeChanges(changes), documents.write(documents.snapshot(entry)))
			.update();
	}

	String memberName(@Nullable UUID memberId) {
		if (memberId == null) {
			return "none";
		}
		return members.findById(memberId).map(TeamMember::getName).orElse("a former member");
	}

	@Transactional(readOnly = true)
	List<PlanVersion> history(UUID entryId) {
		return jdbc.sql("""
				SELECT version, saved_at, saved_by, changes FROM neighbourhood.care_plan_version
				WHERE caseload_entry_id = ? ORDER BY version DESC""")
			.param(entryId)
			.query((rs, i) -> new PlanVersion(rs.getLong(1) + 1, rs.getTimestamp(2).toInstant(), rs.getString(3),
					documents.readChanges(rs.getString(4))))
			.list();
	}

}
