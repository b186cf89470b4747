package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * A team's caseload and each person's care plan: reading (audited, access-checked, break-glass for others), editing
 * with conflict detection, status, reviews, keyworker and discharge.
 */
@Controller
@RequestMapping("/neighbourhood")
class CaseloadController {

	static final String VIEW_CASELOAD = "neighbourhood/caseload";

	static final String VIEW_PLAN = "neighbourhood/care-plan";

	static final String VIEW_PLAN_FORM = "neighbourhood/care-plan-form";

	static final String VIEW_NO_ACCESS = "neighbourhood/no-access";

	static final String VIEW_MY_WORK = "neighbourhood/my-work";

	static final String VIEW_VERSION = "neighbourhood/care-plan-version";

	static final String VIEW_COMPARE = "neighbourhood/care-plan-compare";

	static final String VIEW_COPY = "neighbourhood/care-plan-copy";

	static final String CONFLICT_MESSAGE = "Someone else saved this care plan after you opened it and changed some of "
			+ "the same things you did, so nothing has been saved yet. For each of those below, choose which to keep. "
			+ "Everything else either of you changed is kept as it is.";

	static final String STALE_MESSAGE = "Someone else changed this plan after you opened it, so your change was not "
			+ "saved. This is the current version: check it and make your change again if it is still needed.";

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final CaseloadEntryRepository entries;

	private final TeamAccess access;

	private final CarePlans carePlans;

	private final Caseload caseload;

	private final PlanDocuments documents;

	private final StaffUsers staffUsers;

	private final CarePlanCopies copies;

	CaseloadController(TeamRepository teams, TeamMemberRepository members, CaseloadEntryRepository entries,
			TeamAccess access, CarePlans carePlans, Caseload caseload, PlanDocuments documents,
			StaffUsers staffUsers, CarePlanCopies copies) {
		this.copies = copies;
		this.teams = teams;
		this.members = members;
		this.entries = entries;
		this.access = access;
		this.carePlans = carePlans;
		this.caseload = caseload;
		this.documents = documents;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/teams/{siteCode}/caseload")
	String caseload(@PathVariable String siteCode, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String keyworker,
			@RequestParam(required = false) @Nullable String overdue, Model model) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<TeamMember> teamList = members.findByTeamIdOrderByName(team.getId());
		List<CarePlans.CaseloadRow> rows = carePlans.caseload(team, teamList, staffUsers.currentUser(), parseStatus(status),
				keyworker, "true".equals(overdue), "/neighbourhood/teams/" + team.getSiteCode() + "/caseload");
		Map<String, String> statusOptions = new LinkedHashMap<>();
		for (CaseloadStatus s : CaseloadStatus.values()) {
			statusOptions.put(s.name(), s.label());
		}
		Map<String, String> keyworkerOptions = new LinkedHashMap<>();
		teamList.stream().filter(TeamMember::isActive)
			.forEach(m -> keyworkerOptions.put(m.getId().toString(), m.getName()));
		model.addAttribute("team", team);
		model.addAttribute("rows", rows);
		model.addAttribute("statusOptions", statusOptions);
		model.addAttribute("keyworkerOptions", keyworkerOptions);
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("keyworker", keyworker == null ? "" : keyworker);
		model.addAttribute("overdue", "true".equals(overdue));
		return VIEW_CASELOAD;
	}

	@GetMapping("/teams/{siteCode}/my-work")
	String myWork(@PathVariable String siteCode, Model model) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("team", team);
		model.addAttribute("work", carePlans.myWork(team, staffUsers.currentUser(),
				"/neighbourhood/teams/" + team.getSiteCode() + "/my-work"));
		return VIEW_MY_WORK;
	}

	private static @Nullable CaseloadStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return CaseloadStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/care-plans/{entryId}")
	String plan(@PathVariable String entryId, Model model, HttpServletResponse response) {
		UUID id = parseId(entryId);
		StaffUser user = staffUsers.currentUser();
		try {
			CarePlans.PlanView view = carePlans.view(id, user, "INT care plan", true)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("view", view);
			addActionForms(view, model);
			return VIEW_PLAN;
		}
		catch (AccessDeniedException ex) {
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new BreakGlassForm("", ""));
			}
			return noAccess(id, user, model, response);
		}
	}

	/** The 403 page: break-glass for those who may use it, and why not for the others. */
	private String noAccess(UUID id, StaffUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("entryId", id);
		model.addAttribute("breakGlassRefusal", carePlans.breakGlassRefusal(id, user).orElse(null));
		Map<String, String> reasons = new LinkedHashMap<>();
		for (BreakGlassReason reason : BreakGlassReason.values()) {
			reasons.put(reason.name(), reason.label());
		}
		model.addAttribute("reasonOptions", reasons);
		model.addAttribute("hours", CarePlans.BREAK_GLASS_HOURS);
		return VIEW_NO_ACCESS;
	}

	private void addActionForms(CarePlans.PlanView view, Model model) {
		long version = view.entry().getVersion();
		Map<String, String> statuses = new LinkedHashMap<>();
		for (CaseloadStatus s : CaseloadStatus.values()) {
			if (s.open() && s != view.entry().getStatus()) {
				statuses.put(s.name(), s.label());
			}
		}
		model.addAttribute("statusOptions", statuses);
		Map<String, String> keyworkers = new LinkedHashMap<>();
		view.members().values().stream().filter(m -> m.isActive() && m.getTeamRole() == TeamRole.KEYWORKER)
			.forEach(m -> keyworkers.put(m.getId().toString(), m.describe()));
		model.addAttribute("keyworkerOptions", keyworkers);
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new StatusForm(Long.toString(version), ""));
		}
		if (!model.containsAttribute("reviewForm")) {
			model.addAttribute("reviewForm", new ReviewForm(Long.toString(version), ""));
		}
		if (!model.containsAttribute("keyworkerForm")) {
			model.addAttribute("keyworkerForm", new KeyworkerForm(Long.toString(version),
					view.entry().getKeyworkerId() == null ? "" : view.entry().getKeyworkerId().toString()));
		}
		if (!model.containsAttribute("dischargeForm")) {
			model.addAttribute("dischargeForm", new DischargeForm(Long.toString(version), ""));
		}
	}

	/**
	 * Break-glass: a reason from the short list and in the user's own words, then audited access for
	 * {@link CarePlans#BREAK_GLASS_HOURS} hours.
	 */
	record BreakGlassForm(@Nullable String reasonCode, @Nullable String reason) {
	}

	/** The fewest characters of explanation: enough for a reviewer to judge the use. */
	static final int MIN_REASON_LENGTH = 20;

	@PostMapping("/care-plans/{entryId}/break-glass")
	String breakGlass(@PathVariable String entryId, @ModelAttribute("form") BreakGlassForm form, BindingResult errors,
			Model model, HttpServletResponse response) {
		UUID id = parseId(entryId);
		if (entries.findById(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		StaffUser user = staffUsers.currentUser();
		Optional<BreakGlassReason> code = BreakGlassReason.of(form.reasonCode());
		if (code.isEmpty()) {
			errors.rejectValue("reasonCode", "blank", "Choose why you need to see this plan now");
		}
		if (TeamForms.blank(form.reason()) || form.reason().trim().length() < MIN_REASON_LENGTH) {
			errors.rejectValue("reason", "blank", "Explain why you need to see this plan now, in at least "
					+ MIN_REASON_LENGTH + " characters, so that a clinical supervisor can review it");
		}
		else if (form.reason().trim().length() > 500) {
			errors.rejectValue("reason", "long", "Reason must be 500 characters or fewer");
		}
		if (errors.hasErrors()) {
			return noAccess(id, user, model, response);
		}
		try {
			carePlans.breakGlass(id, user, code.orElseThrow(), form.reason().trim());
		}
		catch (AccessDeniedException ex) {
			return noAccess(id, user, model, response);
		}
		return "redirect:/neighbourhood/care-plans/" + id;
	}

	/** The person's own copy: the plan on a plain page to print and give them, audited like the plan. */
	@GetMapping("/care-plans/{entryId}/copy")
	String copy(@PathVariable String entryId, Model model) {
		CarePlans.PlanView view = carePlans.view(parseId(entryId), staffUsers.currentUser(),
				"INT care plan: the person's copy", true)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		return VIEW_COPY;
	}

	@PostMapping("/care-plans/{entryId}/send-copy")
	String sendCopy(@PathVariable String entryId, RedirectAttributes redirect) {
		UUID id = parseId(entryId);
		if (entries.findById(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			copies.send(id, staffUsers.currentUser());
			redirect.addFlashAttribute("saved", "A copy of the plan will be sent to the person by email or letter, as "
					+ "their contact details and consent allow. Their messages page shows what was sent.");
		}
		catch (Caseload.PlanRuleBroken ex) {
			redirect.addFlashAttribute("stale", ex.getMessage());
		}
		return "redirect:/neighbourhood/care-plans/" + id;
	}

	@GetMapping("/care-plans/{entryId}/edit")
	String editPlan(@PathVariable String entryId, Model model) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		model.addAttribute("form", PlanForm.of(documents.content(entry), entry.getVersion()));
		return showPlanForm(entry, model);
	}

	@PostMapping("/care-plans/{entryId}")
	String savePlan(@PathVariable String entryId, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		Set<UUID> memberIds = members.findByTeamIdAndActiveTrueOrderByName(entry.getTeamId())
			.stream()
			.map(TeamMember::getId)
			.collect(Collectors.toSet());
		Optional<PlanContent> content = form.check(errors, memberIds, LocalDate.now());
		Map<String, PlanMerge.Side> choices = choices(params);
		if (content.isEmpty()) {
			model.addAttribute("choices", choices);
			return showPlanForm(entry, model);
		}
		Caseload.SaveOutcome saved;
		try {
			saved = caseload.savePlan(entry.getId(), form.expectedVersion(), form.againstVersion(), content.get(),
					choices, staffUsers.currentUser().username());
		}
		catch (Caseload.MergeConflict ex) {
			CaseloadEntry current = entries.findById(entry.getId()).orElseThrow();
			PlanForm kept = form.against(ex.currentVersion()).withEmptyRows();
			BindingResult conflict = new org.springframework.validation.BeanPropertyBindingResult(kept, "form");
			conflict.reject("conflict", CONFLICT_MESSAGE);
			model.addAttribute("form", kept);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
			model.addAttribute("conflict", true);
			model.addAttribute("conflicts", ex.conflicts());
			model.addAttribute("choices", choices);
			model.addAttribute("currentEntry", current);
			model.addAttribute("changesSince", caseload.history(entry.getId())
				.stream()
				.filter(v -> v.number() > form.expectedVersion() + 1)
				.toList());
			response.setStatus(HttpStatus.CONFLICT.value());
			return showPlanForm(current, model);
		}
		catch (Caseload.PlanRuleBroken ex) {
			errors.reject("rule", ex.getMessage());
			return showPlanForm(entry, model);
		}
		redirect.addFlashAttribute("saved", saved.merged().isEmpty() ? "Care plan saved"
				: "Care plan saved. Changes others saved while you were editing were kept: "
						+ String.join("; ", saved.merged()));
		return "redirect:/neighbourhood/care-plans/" + entry.getId();
	}

	/** The per-field choices of a conflict page: {@code choice.<field>} = MINE or THEIRS; anything else is no choice. */
	private static Map<String, PlanMerge.Side> choices(MultiValueMap<String, String> params) {
		Map<String, PlanMerge.Side> choices = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("choice.") && values.size() == 1) {
				try {
					choices.put(name.substring("choice.".length()), PlanMerge.Side.valueOf(values.get(0)));
				}
				catch (IllegalArgumentException ex) {
					// not one of the two sides: left unchosen, so the conflict is shown again
				}
			}
		});
		return choices;
	}

	@GetMapping("/care-plans/{entryId}/versions/{number}")
	String version(@PathVariable String entryId, @PathVariable String number, Model model) {
		UUID id = parseId(entryId);
		long n = parseNumber(number);
		CarePlans.PlanView view = carePlans.view(id, staffUsers.currentUser(), "INT care plan version", true)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Caseload.StoredVersion stored = caseload.storedVersion(id, n)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		model.addAttribute("stored", stored);
		model.addAttribute("latest", view.entry().getVersion() + 1);
		if (stored.proposed() != null) {
			model.addAttribute("proposedDiff", PlanDiff.between(stored.snapshot(), stored.proposed(), view::memberName));
		}
		return VIEW_VERSION;
	}

	@GetMapping("/care-plans/{entryId}/compare")
	String compare(@PathVariable String entryId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		UUID id = parseId(entryId);
		long older = parseNumber(from);
		long newer = parseNumber(to);
		CarePlans.PlanView view = carePlans.view(id, staffUsers.currentUser(), "INT care plan versions compared", true)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Caseload.StoredVersion a = caseload.storedVersion(id, older)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Caseload.StoredVersion b = caseload.storedVersion(id, newer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		model.addAttribute("older", a);
		model.addAttribute("newer", b);
		model.addAttribute("rows", PlanDiff.between(a.snapshot(), b.snapshot(), view::memberName));
		return VIEW_COMPARE;
	}

	/** A version number from a URL: a whole number from 1, or 400. */
	private static long parseNumber(String number) {
		try {
			long n = Long.parseLong(number.trim());
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the 400 below
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A version is a whole number from 1");
	}

	private String showPlanForm(CaseloadEntry entry, Model model) {
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		model.addAttribute("entry", entry);
		model.addAttribute("team", team);
		model.addAttribute("person", carePlans.personForEdit(entry, staffUsers.currentUser(),
				"/neighbourhood/care-plans/" + entry.getId() + "/edit"));
		Map<String, String> memberOptions = new LinkedHashMap<>();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.forEach(m -> memberOptions.put(m.getId().toString(), m.describe()));
		model.addAttribute("memberOptions", memberOptions);
		Map<String, String> allMembers = new LinkedHashMap<>();
		members.findAll().stream().filter(m -> m.getTeamId().equals(team.getId()))
			.forEach(m -> allMembers.put(m.getId().toString(), m.describe()));
		model.addAttribute("memberNames", allMembers);
		Map<String, String> goalStatuses = new LinkedHashMap<>();
		for (GoalStatus s : GoalStatus.values()) {
			goalStatuses.put(s.name(), s.label());
		}
		model.addAttribute("goalStatuses", goalStatuses);
		Map<String, String> actionStatuses = new LinkedHashMap<>();
		for (ActionStatus s : ActionStatus.values()) {
			actionStatuses.put(s.name(), s.label());
		}
		model.addAttribute("actionStatuses", actionStatuses);
		model.addAttribute("yesNoOptions", labels(YesNo.values(), YesNo::label));
		model.addAttribute("consentOptions", labels(ConsentToShare.values(), ConsentToShare::label));
		model.addAttribute("agreedWithOptions", labels(AgreedWith.values(), AgreedWith::label));
		model.addAttribute("carerRoles", labels(CarerRole.values(), CarerRole::label));
		Map<String, String> frailtyScores = new LinkedHashMap<>();
		for (ClinicalFrailtyScale score : ClinicalFrailtyScale.values()) {
			frailtyScores.put(Integer.toString(score.score()), score.describe());
		}
		model.addAttribute("frailtyScores", frailtyScores);
		return VIEW_PLAN_FORM;
	}

	private static <E extends Enum<E>> Map<String, String> labels(E[] values, java.util.function.Function<E, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			// not recorded is the select's own empty choice
			if (!value.name().equals("NOT_RECORDED")) {
				options.put(value.name(), label.apply(value));
			}
		}
		return options;
	}

	/** Changing the status (not to discharged). */
	record StatusForm(@Nullable String version, @Nullable String status) {
	}

	/** Recording a completed review. */
	record ReviewForm(@Nullable String version, @Nullable String nextReviewDate) {
	}

	/** Assigning the keyworker. */
	record KeyworkerForm(@Nullable String version, @Nullable String keyworkerId) {
	}

	/** Discharging from the caseload. */
	record DischargeForm(@Nullable String version, @Nullable String reason) {
	}

	@PostMapping("/care-plans/{entryId}/status")
	String changeStatus(@PathVariable String entryId, @ModelAttribute("statusForm") StatusForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		CaseloadStatus status = parseStatus(form.status());
		if (status == null || status == CaseloadStatus.DISCHARGED) {
			errors.rejectValue("status", "blank", "Choose the new status");
			return planWithErrors(entry, model, response);
		}
		return apply(entry, model, redirect, response, errors,
				() -> caseload.changeStatus(entry.getId(), PlanForm.parseVersion(form.version()), status, user()),
				"Status changed to " + status.label());
	}

	@PostMapping("/care-plans/{entryId}/review")
	String recordReview(@PathVariable String entryId, @ModelAttribute("reviewForm") ReviewForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		Optional<LocalDate> next = PlanText.parse(form.nextReviewDate());
		if (TeamForms.blank(form.nextReviewDate())) {
			errors.rejectValue("nextReviewDate", "blank", "Enter the date of the next review");
		}
		else if (next.isEmpty()) {
			errors.rejectValue("nextReviewDate", "invalid", "Next review date must be a real date, like 27/3/2027");
		}
		else if (!next.get().isAfter(LocalDate.now())) {
			errors.rejectValue("nextReviewDate", "past", "Next review date must be in the future");
		}
		else if (next.get().isAfter(LocalDate.now().plusYears(PlanForm.REVIEW_YEARS_AHEAD))) {
			errors.rejectValue("nextReviewDate", "far", "Next review date must be within "
					+ PlanForm.REVIEW_YEARS_AHEAD + " years, by "
					+ PlanText.date(LocalDate.now().plusYears(PlanForm.REVIEW_YEARS_AHEAD)));
		}
		if (errors.hasErrors()) {
			return planWithErrors(entry, model, response);
		}
		return apply(entry, model, redirect, response, errors,
				() -> caseload.recordReview(entry.getId(), PlanForm.parseVersion(form.version()), next.get(), user()),
				"Review recorded; next review " + PlanText.date(next.get()));
	}

	@PostMapping("/care-plans/{entryId}/keyworker")
	String assignKeyworker(@PathVariable String entryId, @ModelAttribute("keyworkerForm") KeyworkerForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		UUID memberId = null;
		try {
			memberId = TeamForms.blank(form.keyworkerId()) ? null : UUID.fromString(form.keyworkerId());
		}
		catch (IllegalArgumentException ex) {
			memberId = null;
		}
		UUID chosen = memberId;
		if (chosen == null || members.findById(chosen)
			.filter(m -> m.getTeamId().equals(entry.getTeamId()) && m.isActive() && m.getTeamRole() == TeamRole.KEYWORKER)
			.isEmpty()) {
			errors.rejectValue("keyworkerId", "invalid", "Choose the keyworker from the team's keyworkers");
			return planWithErrors(entry, model, response);
		}
		return apply(entry, model, redirect, response, errors,
				() -> caseload.assignKeyworker(entry.getId(), PlanForm.parseVersion(form.version()), chosen, user()), "Keyworker changed");
	}

	@PostMapping("/care-plans/{entryId}/discharge")
	String discharge(@PathVariable String entryId, @ModelAttribute("dischargeForm") DischargeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		if (TeamForms.blank(form.reason())) {
			errors.rejectValue("reason", "blank", "Enter the reason for discharge");
		}
		else if (form.reason().trim().length() > 500) {
			errors.rejectValue("reason", "long", "Reason must be 500 characters or fewer");
		}
		if (errors.hasErrors()) {
			return planWithErrors(entry, model, response);
		}
		return apply(entry, model, redirect, response, errors,
				() -> caseload.discharge(entry.getId(), PlanForm.parseVersion(form.version()), form.reason().trim(), user()),
				"Discharged from the caseload");
	}

	@PostMapping("/care-plans/{entryId}/alerts/{alertId}/acknowledge")
	String acknowledge(@PathVariable String entryId, @PathVariable long alertId, RedirectAttributes redirect) {
		CaseloadEntry entry = editableEntry(parseId(entryId));
		if (!carePlans.acknowledgeAlert(entry.getId(), alertId, user())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"There is no open alert with that number on this plan: nothing was acknowledged");
		}
		redirect.addFlashAttribute("saved", "Alert acknowledged");
		return "redirect:/neighbourhood/care-plans/" + entry.getId();
	}

	private String apply(CaseloadEntry entry, Model model, RedirectAttributes redirect, HttpServletResponse response,
			BindingResult errors, Runnable change, String done) {
		try {
			change.run();
		}
		catch (Caseload.StalePlan ex) {
			model.addAttribute("stale", STALE_MESSAGE);
			response.setStatus(HttpStatus.CONFLICT.value());
			model.asMap().keySet().removeIf(k -> k.endsWith("Form") || k.startsWith(BindingResult.MODEL_KEY_PREFIX));
			return planWithErrors(entry, model, response);
		}
		catch (Caseload.PlanRuleBroken ex) {
			errors.reject("rule", ex.getMessage());
			return planWithErrors(entry, model, response);
		}
		redirect.addFlashAttribute("saved", done);
		return "redirect:/neighbourhood/care-plans/" + entry.getId();
	}

	private String planWithErrors(CaseloadEntry entry, Model model, HttpServletResponse response) {
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		CarePlans.PlanView view = carePlans.view(entry.getId(), staffUsers.currentUser(), "INT care plan", true)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		addActionForms(view, model);
		return VIEW_PLAN;
	}

	private CaseloadEntry editableEntry(UUID id) {
		CaseloadEntry entry = entries.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		if (!access.canEdit(staffUsers.currentUser(), team)) {
			throw new AccessDeniedException("Only members of " + team.getName() + " change this plan");
		}
		return entry;
	}

	private String user() {
		return staffUsers.currentUser().username();
	}

	static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@ExceptionHandler(java.util.NoSuchElementException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

}
