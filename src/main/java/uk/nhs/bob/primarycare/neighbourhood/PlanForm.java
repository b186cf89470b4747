package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;

import uk.nhs.bob.primarycare.neighbourhood.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.PlanContent.PlanAction;

/**
 * The care plan form: everything arrives as text so that whatever was typed comes back with a message. Rows left
 * wholly empty are ignored (the form always offers one empty goal and one empty action to add).
 */
@PersonalisedCareRules
record PlanForm(@Nullable String version, @Nullable String against, @Nullable String whatMatters, @Nullable String contingencyPlan,
		@Nullable String nextReviewDate, @Nullable List<GoalRow> goals, @Nullable List<ActionRow> actions,
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
	static final int REVIEW_YEARS_AHEAD = 2;

	/** Goals and actions are dated at most this many years ahead. */
	static final int TARGET_YEARS_AHEAD = 5;

	/** A version from a hidden field; -1 (never current, so a conflict) if it was tampered with. */
	static long parseVersion(@Nullable String version) {
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
		return new PlanForm(Long.toString(version), null, plan.whatMatters(), plan.contingencyPlan(),
				PlanText.formValue(plan.nextReviewDate()), goals, actions, care.consent().answer().name(),
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
		return new PlanForm(version, against, whatMatters, contingencyPlan, nextReviewDate, g, a, consentToShare,
				sharedWith, agreedWith, agreedOn, c, advanceCarePlan, respect, careDocumentsHeld, frailtyScore,
				frailtyJudgedOn);
	}

	/** The same form, to be saved against {@code current}: the version whose conflicts the user was shown. */
	PlanForm against(long current) {
		return new PlanForm(version, Long.toString(current), whatMatters, contingencyPlan, nextReviewDate, goals, actions,
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

	/** The plan, or empty with every problem in {@code errors}. */
	Optional<PlanContent> check(BindingResult errors, Set<UUID> memberIds, LocalDate today) {
		String matters = TeamForms.trimmed(whatMatters);
		if (matters.length() > MAX_TEXT) {
			errors.rejectValue("whatMatters", "long", "What matters to the person must be 4000 characters or fewer");
		}
		String contingency = TeamForms.trimmed(contingencyPlan);
		if (contingency.length() > MAX_TEXT) {
			errors.rejectValue("contingencyPlan", "long", "The contingency plan must be 4000 characters or fewer");
		}
		LocalDate review = null;
		if (!TeamForms.blank(nextReviewDate)) {
			review = PlanText.parse(nextReviewDate).orElse(null);
			if (review == null) {
				errors.rejectValue("nextReviewDate", "invalid", "Next review date must be a real date, like 27/3/2027");
			}
			else if (review.isBefore(today)) {
				errors.rejectValue("nextReviewDate", "past", "Next review date must be today or in the future");
			}
			else if (review.isAfter(today.plusYears(REVIEW_YEARS_AHEAD))) {
				errors.rejectValue("nextReviewDate", "far", "Next review date must be within " + REVIEW_YEARS_AHEAD
						+ " years, by " + PlanText.date(today.plusYears(REVIEW_YEARS_AHEAD)));
			}
		}
		List<Goal> checkedGoals = new ArrayList<>();
		List<GoalRow> goalRows = goalRows();
		for (int i = 0; i < goalRows.size(); i++) {
			GoalRow row = goalRows.get(i);
			if (row.empty()) {
				continue;
			}
			String prefix = "goals[" + i + "].";
			int n = checkedGoals.size() + 1;
			if (TeamForms.blank(row.description())) {
				errors.rejectValue(prefix + "description", "blank", "Enter goal " + n);
			}
			else if (row.description().trim().length() > 500) {
				errors.rejectValue(prefix + "description", "long", "Goal " + n + " must be 500 characters or fewer");
			}
			Optional<LocalDate> target = PlanText.parse(row.targetDate());
			if (TeamForms.blank(row.targetDate())) {
				errors.rejectValue(prefix + "targetDate", "blank", "Enter a target date for goal " + n);
			}
			else if (target.isEmpty()) {
				errors.rejectValue(prefix + "targetDate", "invalid",
						"Target date of goal " + n + " must be a real date, like 27/3/2027");
			}
			else if (target.get().isAfter(today.plusYears(TARGET_YEARS_AHEAD))) {
				errors.rejectValue(prefix + "targetDate", "far",
						"Target date of goal " + n + " must be within " + TARGET_YEARS_AHEAD + " years");
			}
			GoalStatus status = parse(GoalStatus.class, row.status());
			if (status == null) {
				errors.rejectValue(prefix + "status", "invalid", "Choose the status of goal " + n);
			}
			if (!errors.hasErrors()) {
				checkedGoals.add(new Goal(TeamForms.blank(row.id()) ? UUID.randomUUID().toString() : row.id(),
						row.description().trim(), target.get(), status));
			}
			else {
				checkedGoals.add(null);
			}
		}
		List<PlanAction> checkedActions = new ArrayList<>();
		List<ActionRow> actionRows = actionRows();
		for (int i = 0; i < actionRows.size(); i++) {
			ActionRow row = actionRows.get(i);
			if (row.empty()) {
				continue;
			}
			String prefix = "actions[" + i + "].";
			int n = checkedActions.size() + 1;
			if (TeamForms.blank(row.description())) {
				errors.rejectValue(prefix + "description", "blank", "Enter action " + n);
			}
			else if (row.description().trim().length() > 500) {
				errors.rejectValue(prefix + "description", "long", "Action " + n + " must be 500 characters or fewer");
			}
			UUID owner = null;
			if (!TeamForms.blank(row.ownerMemberId())) {
				try {
					owner = UUID.fromString(row.ownerMemberId());
				}
				catch (IllegalArgumentException ex) {
					owner = null;
				}
				if (owner == null || !memberIds.contains(owner)) {
					errors.rejectValue(prefix + "ownerMemberId", "unknown",
							"Choose the owner of action " + n + " from the team's members");
				}
			}
			String organisation = TeamForms.trimmed(row.ownerOrganisation());
			if (owner == null && organisation.isEmpty() && TeamForms.blank(row.ownerMemberId())) {
				errors.rejectValue(prefix + "ownerMemberId", "blank",
						"Choose a member or type an organisation who owns action " + n);
			}
			else if (!TeamForms.blank(row.ownerMemberId()) && !organisation.isEmpty()) {
				errors.rejectValue(prefix + "ownerOrganisation", "both",
						"Action " + n + " is owned by a member or by an organisation, not both: clear one");
			}
			else if (organisation.length() > 150) {
				errors.rejectValue(prefix + "ownerOrganisation", "long", "Organisation must be 150 characters or fewer");
			}
			Optional<LocalDate> due = PlanText.parse(row.dueDate());
			if (TeamForms.blank(row.dueDate())) {
				errors.rejectValue(prefix + "dueDate", "blank", "Enter a due date for action " + n);
			}
			else if (due.isEmpty()) {
				errors.rejectValue(prefix + "dueDate", "invalid",
						"Due date of action " + n + " must be a real date, like 27/3/2027");
			}
			else if (due.get().isAfter(today.plusYears(TARGET_YEARS_AHEAD))) {
				errors.rejectValue(prefix + "dueDate", "far",
						"Due date of action " + n + " must be within " + TARGET_YEARS_AHEAD + " years");
			}
			ActionStatus status = parse(ActionStatus.class, row.status());
			if (status == null) {
				errors.rejectValue(prefix + "status", "invalid", "Choose the status of action " + n);
			}
			if (!errors.hasErrors()) {
				checkedActions.add(new PlanAction(TeamForms.blank(row.id()) ? UUID.randomUUID().toString() : row.id(),
						row.description().trim(), owner, organisation.isEmpty() ? null : organisation, due.get(), status,
						TeamForms.blank(row.source()) ? null : row.source()));
			}
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new PlanContent(matters, checkedGoals, checkedActions, contingency, review, care()));
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
