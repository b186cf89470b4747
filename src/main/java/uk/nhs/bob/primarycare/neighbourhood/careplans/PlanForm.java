package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.support.TrimmedLength;
import uk.nhs.bob.primarycare.neighbourhood.support.TypedDate;
import uk.nhs.bob.primarycare.neighbourhood.support.TypedDateAhead;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;

/**
 * The care plan form: everything arrives as text so that whatever was typed comes back with a message. Rows left
 * wholly empty are ignored (the form always offers one empty goal and one empty action to add). The components are in
 * the order of the page, which is the order of the error summary.
 */
@PersonalisedCareRules
@PlanRows
public record PlanForm(@Nullable String version, @Nullable String against,
		@TrimmedLength(max = PlanForm.MAX_TEXT,
				message = "What matters to the person must be 4000 characters or fewer") @Nullable String whatMatters,
		@Nullable List<GoalRow> goals, @Nullable List<ActionRow> actions,
		@TrimmedLength(max = PlanForm.MAX_TEXT,
				message = "The contingency plan must be 4000 characters or fewer") @Nullable String contingencyPlan,
		@TypedDateAhead(label = "Next review date",
				yearsAhead = PlanForm.REVIEW_YEARS_AHEAD) @Nullable String nextReviewDate,
		@Pattern(regexp = "|NOT_RECORDED|YES|NO", message = "Choose whether the person agreed to share their plan") @Nullable String consentToShare,
		@Size(max = 500, message = "Who the plan is shared with must be 500 characters or fewer") @Nullable String sharedWith,
		@Pattern(regexp = "|PERSON|CARER|REPRESENTATIVE", message = "Choose who the plan was agreed with") @Nullable String agreedWith,
		@TypedDate(yearsBack = 2, message = "Date agreed must be a real date in the last 2 years, not in the future, like 27/3/2026") @Nullable String agreedOn,
		@Nullable List<@Valid CarerRow> carers,
		@Pattern(regexp = "|NOT_RECORDED|YES|NO", message = "Choose whether the person has an advance care plan") @Nullable String advanceCarePlan,
		@Pattern(regexp = "|NOT_RECORDED|YES|NO", message = "Choose whether the person has a ReSPECT form") @Nullable String respect,
		@Size(max = 300, message = "Where the plans are held must be 300 characters or fewer") @Nullable String careDocumentsHeld,
		@Pattern(regexp = "|[1-9]", message = "Choose a Clinical Frailty Scale score from 1 to 9") @Nullable String frailtyScore,
		@TypedDate(yearsBack = 1, message = "Date of the Clinical Frailty Scale judgement must be a real date in the last year, not in the future, like 27/3/2026") @Nullable String frailtyJudgedOn) {

	static final int MAX_TEXT = 4000;

	/** Reviews are planned at most this many years ahead (a yearly review is the longest usual interval). */
	public static final int REVIEW_YEARS_AHEAD = 2;

	/** Goals and actions are dated at most this many years ahead. */
	static final int TARGET_YEARS_AHEAD = 5;

	/** A version from a hidden field; -1 (never current, so a conflict) if it was tampered with. */
	public static long parseVersion(@Nullable String version) {
		try {
			return version == null ? -1 : Long.parseLong(version.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	long expectedVersion() {
		return parseVersion(version);
	}

	record GoalRow(@Nullable String id, @Nullable String description, @Nullable String targetDate,
			@Nullable String status) {

		boolean empty() {
			return TeamForms.blank(description) && TeamForms.blank(targetDate);
		}

	}

	record ActionRow(@Nullable String id, @Nullable String description, @Nullable String ownerMemberId,
			@Nullable String ownerOrganisation, @Nullable String dueDate, @Nullable String status,
			@Nullable String source) {

		boolean empty() {
			return TeamForms.blank(description) && TeamForms.blank(dueDate) && TeamForms.blank(ownerOrganisation)
					&& TeamForms.blank(ownerMemberId);
		}

	}

	/** A carer or next of kin as typed; a wholly empty row is ignored. */
	record CarerRow(@Nullable String id,
			@Size(max = 150, message = "A carer's name must be 150 characters or fewer") @Nullable String name,
			@Pattern(regexp = "|CARER|NEXT_OF_KIN|CARER_AND_NEXT_OF_KIN", message = "Choose whether they are a carer, next of kin or both") @Nullable String role,
			@Size(max = 100, message = "A relationship must be 100 characters or fewer") @Nullable String relationship,
			@Size(max = 200, message = "Contact details must be 200 characters or fewer") @Nullable String contact) {

		boolean empty() {
			return TeamForms.blank(name) && TeamForms.blank(relationship) && TeamForms.blank(contact);
		}

	}

	static PlanForm of(PlanContent plan, long version) {
		List<GoalRow> goals = new ArrayList<>(plan.goals()
			.stream()
			.map(g -> new GoalRow(g.id(), g.description(), PlanText.formValue(g.targetDate()), g.status().name()))
			.toList());
		List<ActionRow> actions = new ArrayList<>(plan.actions()
			.stream()
			.map(a -> new ActionRow(a.id(), a.description(),
					a.ownerMemberId() == null ? "" : a.ownerMemberId().toString(),
					a.ownerOrganisation() == null ? "" : a.ownerOrganisation(), PlanText.formValue(a.dueDate()),
					a.status().name(), a.source() == null ? "" : a.source()))
			.toList());
		PersonalisedCare care = plan.care();
		List<CarerRow> carers = new ArrayList<>(care.carers()
			.stream()
			.map(c -> new CarerRow(c.id(), c.name(), c.role().name(), c.relationship(), c.contact()))
			.toList());
		return new PlanForm(Long.toString(version), null, plan.whatMatters(), goals, actions, plan.contingencyPlan(),
				PlanText.formValue(plan.nextReviewDate()), care.consent().answer().name(),
				care.consent().sharedWith(), care.agreement() == null ? "" : care.agreement().with().name(),
				care.agreement() == null ? "" : PlanText.formValue(care.agreement().on()), carers,
				care.advanceCarePlan().advanceCarePlan().name(), care.advanceCarePlan().respect().name(),
				care.advanceCarePlan().heldWhere(),
				care.frailtyScale() == null ? "" : Integer.toString(care.frailtyScale().score().score()),
				care.frailtyScale() == null ? "" : PlanText.formValue(care.frailtyScale().confirmedOn()))
			.withEmptyRows();
	}

	/** The same form with one empty goal row and one empty action row at the end, for adding. */
	PlanForm withEmptyRows() {
		List<GoalRow> g = new ArrayList<>(goalRows().stream().filter(r -> !r.empty()).toList());
		g.add(new GoalRow("", "", "", GoalStatus.PROPOSED.name()));
		List<ActionRow> a = new ArrayList<>(actionRows().stream().filter(r -> !r.empty()).toList());
		a.add(new ActionRow("", "", "", "", "", ActionStatus.NOT_STARTED.name(), ""));
		List<CarerRow> c = new ArrayList<>(carerRows().stream().filter(r -> !r.empty()).toList());
		c.add(new CarerRow("", "", CarerRole.CARER.name(), "", ""));
		return new PlanForm(version, against, whatMatters, g, a, contingencyPlan, nextReviewDate, consentToShare,
				sharedWith, agreedWith, agreedOn, c, advanceCarePlan, respect, careDocumentsHeld, frailtyScore,
				frailtyJudgedOn);
	}

	/** The same form, to be saved against {@code current}: the version whose conflicts the user was shown. */
	PlanForm against(long current) {
		return new PlanForm(version, Long.toString(current), whatMatters, goals, actions, contingencyPlan, nextReviewDate,
				consentToShare, sharedWith, agreedWith, agreedOn, carers, advanceCarePlan, respect, careDocumentsHeld,
				frailtyScore, frailtyJudgedOn);
	}

	/** The version the user's conflict choices were made against, if any. */
	@Nullable Long againstVersion() {
		long parsed = parseVersion(against);
		return parsed < 0 ? null : parsed;
	}

	List<GoalRow> goalRows() {
		return goals == null ? List.of() : goals.stream().filter(java.util.Objects::nonNull).toList();
	}

	List<ActionRow> actionRows() {
		return actions == null ? List.of() : actions.stream().filter(java.util.Objects::nonNull).toList();
	}

	List<CarerRow> carerRows() {
		return carers == null ? List.of() : carers.stream().filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The personalised care parts as typed, once Bean Validation has passed them ({@link PersonalisedCareRules}). The
	 * Clinical Frailty Scale's confirming clinician is left blank here: the server sets it to whoever saved the score.
	 */
	PersonalisedCare care() {
		PersonalisedCare.Consent consent = new PersonalisedCare.Consent(
				TeamForms.blank(consentToShare) ? ConsentToShare.NOT_RECORDED : ConsentToShare.valueOf(consentToShare),
				TeamForms.trimmed(sharedWith));
		PersonalisedCare.Agreement agreement = TeamForms.blank(agreedWith) ? null
				: new PersonalisedCare.Agreement(AgreedWith.valueOf(agreedWith), PlanText.parse(agreedOn).orElseThrow());
		List<PersonalisedCare.Carer> carerList = carerRows().stream()
			.filter(r -> !r.empty())
			.map(r -> new PersonalisedCare.Carer(TeamForms.blank(r.id()) ? UUID.randomUUID().toString() : r.id().trim(),
					TeamForms.trimmed(r.name()), CarerRole.valueOf(r.role()), TeamForms.trimmed(r.relationship()),
					TeamForms.trimmed(r.contact())))
			.toList();
		PersonalisedCare.AdvanceCarePlan plans = new PersonalisedCare.AdvanceCarePlan(yesNo(advanceCarePlan),
				yesNo(respect), TeamForms.trimmed(careDocumentsHeld));
		PersonalisedCare.FrailtyScale scale = TeamForms.blank(frailtyScore) ? null
				: new PersonalisedCare.FrailtyScale(ClinicalFrailtyScale.values()[Integer.parseInt(frailtyScore) - 1], "",
						PlanText.parse(frailtyJudgedOn).orElseThrow());
		return new PersonalisedCare(consent, agreement, carerList, plans, scale);
	}

	private static YesNo yesNo(@Nullable String value) {
		return TeamForms.blank(value) ? YesNo.NOT_RECORDED : YesNo.valueOf(value);
	}

	/** The goals and actions someone typed, without the empty rows (for the conflict page). */
	public List<GoalRow> filledGoals() {
		return goalRows().stream().filter(r -> !r.empty()).toList();
	}

	public List<ActionRow> filledActions() {
		return actionRows().stream().filter(r -> !r.empty()).toList();
	}

	/**
	 * The actions' owners that are not active members of the team ({@code memberIds}), by field: what no constraint
	 * can say, as only the service knows the team.
	 */
	Map<String, String> unknownOwners(Set<UUID> memberIds) {
		Map<String, String> unknown = new LinkedHashMap<>();
		List<ActionRow> rows = actionRows();
		int n = 0;
		for (int i = 0; i < rows.size(); i++) {
			ActionRow row = rows.get(i);
			if (row.empty()) {
				continue;
			}
			n++;
			if (!TeamForms.blank(row.ownerMemberId()) && owner(row).filter(memberIds::contains).isEmpty()) {
				unknown.put("actions[" + i + "].ownerMemberId",
						"Choose the owner of action " + n + " from the team's members");
			}
		}
		return unknown;
	}

	/** The plan typed, once Bean Validation ({@link PlanRows}, {@link PersonalisedCareRules}) has passed it. */
	PlanContent content() {
		List<Goal> checkedGoals = goalRows().stream()
			.filter(row -> !row.empty())
			.map(row -> new Goal(TeamForms.blank(row.id()) ? UUID.randomUUID().toString() : row.id(),
					row.description().trim(), PlanText.parse(row.targetDate()).orElseThrow(),
					GoalStatus.valueOf(row.status())))
			.toList();
		List<PlanAction> checkedActions = actionRows().stream().filter(row -> !row.empty()).map(row -> {
			String organisation = TeamForms.trimmed(row.ownerOrganisation());
			return new PlanAction(TeamForms.blank(row.id()) ? UUID.randomUUID().toString() : row.id(),
					row.description().trim(), owner(row).orElse(null), organisation.isEmpty() ? null : organisation,
					PlanText.parse(row.dueDate()).orElseThrow(), ActionStatus.valueOf(row.status()),
					TeamForms.blank(row.source()) ? null : row.source());
		}).toList();
		return new PlanContent(TeamForms.trimmed(whatMatters), checkedGoals, checkedActions,
				TeamForms.trimmed(contingencyPlan), PlanText.parse(nextReviewDate).orElse(null), care());
	}

	private static Optional<UUID> owner(ActionRow row) {
		try {
			return TeamForms.blank(row.ownerMemberId()) ? Optional.empty()
					: Optional.of(UUID.fromString(row.ownerMemberId()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
