package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * The CVD prevention pages for clinical staff: the overview with the rules, the worklists (per practice and PCN,
 * scoped to the user, audited, exportable as CSV), a person's CVD page (QRISK3 with the record entries used, the
 * findings, outreach and a reading from a pharmacy, optometrist or home), and the population refresh.
 */
@Controller
class CvdController {

	static final String VIEW_OVERVIEW = "cvd/overview";

	static final String VIEW_PERSON = "cvd/person";

	static final String VIEW_REFRESH = "cvd/refresh";

	static final String PURPOSE_PERSON = "Direct care: CVD prevention";

	private final Worklists worklists;

	private final RefreshJobs jobs;

	private final Directory directory;

	private final StaffUsers staffUsers;

	private final Population population;

	private final PersonEvaluation personEvaluation;

	private final Outreaches outreaches;

	private final CvdOutreach cvdOutreach;

	private final CareAdjustments adjustments;

	CvdController(Worklists worklists, RefreshJobs jobs, Directory directory, StaffUsers staffUsers,
			Population population, PersonEvaluation personEvaluation, Outreaches outreaches, CvdOutreach cvdOutreach,
			CareAdjustments adjustments) {
		this.worklists = worklists;
		this.jobs = jobs;
		this.directory = directory;
		this.staffUsers = staffUsers;
		this.population = population;
		this.personEvaluation = personEvaluation;
		this.outreaches = outreaches;
		this.cvdOutreach = cvdOutreach;
		this.adjustments = adjustments;
	}

	@GetMapping("/cvd")
	String overview(Model model) {
		StaffUser user = staffUsers.currentUser();
		Worklists.Filter all = Worklists.Filter.all();
		model.addAttribute("user", user);
		model.addAttribute("rules", CaseFindingRule.values());
		model.addAttribute("counts", worklists.countsByRule(user, all));
		model.addAttribute("people", worklists.count(user, all));
		model.addAttribute("lastRefresh", jobs.latestCompleted().orElse(null));
		return VIEW_OVERVIEW;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	// --- A person's CVD page -------------------------------------------------------------------------------------

	@GetMapping("/cvd/people/{nhsNumber}")
	String person(@PathVariable String nhsNumber, Model model) {
		return showPerson(nhsNumber, OutreachForm.empty(), null, ReadingForm.empty(), null, model);
	}

	private String showPerson(String nhsNumber, OutreachForm outreachForm, @Nullable BindingResult outreachErrors,
			ReadingForm readingForm, @Nullable BindingResult readingErrors, Model model) {
		return showPerson(nhsNumber, outreachForm, outreachErrors, readingForm, readingErrors, AdjustmentForm.empty(),
				null, model);
	}

	private String showPerson(String nhsNumber, OutreachForm outreachForm, @Nullable BindingResult outreachErrors,
			ReadingForm readingForm, @Nullable BindingResult readingErrors, AdjustmentForm adjustmentForm,
			@Nullable BindingResult adjustmentErrors, Model model) {
		NhsNumber number = parse(nhsNumber);
		PracticeSummary practice = practiceInScope(number);
		StaffUser user = staffUsers.currentUser();
		PersonRecord view = population.viewRecord(number, user.username(), "/cvd/people/" + number.value(),
				PURPOSE_PERSON)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFinding.Evaluation evaluation = CaseFinding.evaluate(view.person(), view.record(),
				outreaches.history(number), adjustments.inForce(number, today), today);
		model.addAttribute("person", view.person());
		model.addAttribute("practice", practice);
		model.addAttribute("assessment", evaluation.assessment());
		model.addAttribute("inputAges", EvidenceAge.qriskInputs(evaluation.assessment(), today));
		model.addAttribute("staleInputs", EvidenceAge.staleQriskInputs(evaluation.assessment(), today));
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("stored", worklists.findingsOf(number));
		model.addAttribute("readings", CaseFinding.readings(view.record()).stream().limit(8).toList());
		model.addAttribute("adjustments", adjustments.of(number));
		model.addAttribute("today", today);
		model.addAttribute("adjustmentForm", adjustmentForm);
		if (adjustmentErrors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "adjustmentForm", adjustmentErrors);
		}
		model.addAttribute("adjustableRules", Arrays.stream(CaseFindingRule.values())
			.filter(r -> !r.adjustments().isEmpty())
			.collect(Collectors.toMap(CaseFindingRule::code, r -> r.title() + " (" + r.code() + ")", (a, b) -> a,
					LinkedHashMap::new)));
		model.addAttribute("adjustmentReasons", Arrays.stream(AdjustmentReason.values())
			.collect(Collectors.toMap(Enum::name, AdjustmentReason::label, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("outreach", outreaches.of(number));
		model.addAttribute("disclaimer", Qrisk3.DISCLAIMER);
		model.addAttribute("outreachForm", outreachForm);
		model.addAttribute("readingForm", readingForm);
		if (outreachErrors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "outreachForm", outreachErrors);
		}
		if (readingErrors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "readingForm", readingErrors);
		}
		model.addAttribute("outreachTypes", Arrays.stream(OutreachType.values())
			.collect(Collectors.toMap(Enum::name, OutreachType::label, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("outcomes", Arrays.stream(OutreachOutcome.values())
			.collect(Collectors.toMap(Enum::name, OutreachOutcome::label, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("ruleOptions", Arrays.stream(CaseFindingRule.values())
			.collect(Collectors.toMap(CaseFindingRule::code, CaseFindingRule::title, (a, b) -> a,
					LinkedHashMap::new)));
		Map<String, String> settings = new LinkedHashMap<>();
		for (BloodPressureSetting setting : List.of(BloodPressureSetting.PHARMACY, BloodPressureSetting.OPTOMETRY,
				BloodPressureSetting.HOME, BloodPressureSetting.HOME_AVERAGE, BloodPressureSetting.AMBULATORY)) {
			settings.put(setting.name(), setting.label());
		}
		model.addAttribute("settings", settings);
		return VIEW_PERSON;
	}

	@PostMapping("/cvd/people/{nhsNumber}/outreach")
	String recordOutreach(@PathVariable String nhsNumber, @ModelAttribute("outreachForm") OutreachForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		NhsNumber number = parse(nhsNumber);
		PracticeSummary practice = practiceInScope(number);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		OutreachType type = enumOf(OutreachType.class, form.type());
		if (type == null) {
			errors.rejectValue("type", "type.blank", "Choose the outreach");
		}
		CaseFindingRule rule = blank(form.ruleCode()) ? null : CaseFindingRule.ofCode(form.ruleCode()).orElse(null);
		if (!blank(form.ruleCode()) && rule == null) {
			errors.rejectValue("ruleCode", "rule.invalid", "Choose a rule from the list");
		}
		OutreachOutcome outcome = enumOf(OutreachOutcome.class, form.outcome());
		if (outcome == null) {
			errors.rejectValue("outcome", "outcome.blank", "Choose the outcome");
		}
		Optional<LocalDate> date = DateParts.read(form.day(), form.month(), form.year(), "outcome date", today, errors);
		if (form.note() != null && form.note().length() > 500) {
			errors.rejectValue("note", "note.long", "The note must be 500 characters or fewer");
		}
		if (errors.hasErrors()) {
			return showPerson(nhsNumber, form, errors, ReadingForm.empty(), null, model);
		}
		cvdOutreach.record(number, practice, type, rule, outcome, date.orElseThrow(),
				blank(form.note()) ? null : form.note().trim(), staffUsers.currentUser().username());
		personEvaluation.reevaluate(number);
		redirect.addFlashAttribute("success", "Outreach recorded: " + type.label() + ", " + outcome.label() + "."
				+ (CvdOutreach.declineExcepts(rule, outcome) ? " A personalised care adjustment (declined) takes the "
						+ "person off " + rule.title() + " for 12 months: see below to withdraw it." : ""));
		return "redirect:/cvd/people/" + number.value();
	}

	/**
	 * Records a personalised care adjustment against one rule: the person leaves that rule's list until the review
	 * date (12 months when none is given), and is re-evaluated at once.
	 */
	@PostMapping("/cvd/people/{nhsNumber}/adjustments")
	String recordAdjustment(@PathVariable String nhsNumber, @ModelAttribute("adjustmentForm") AdjustmentForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		NhsNumber number = parse(nhsNumber);
		practiceInScope(number);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFindingRule rule = blank(form.adjustmentRule()) ? null : CaseFindingRule.ofCode(form.adjustmentRule()).orElse(null);
		if (rule == null || rule.adjustments().isEmpty()) {
			errors.rejectValue("adjustmentRule", "rule.invalid", "Choose the rule the adjustment is for");
		}
		AdjustmentReason reason = enumOf(AdjustmentReason.class, form.adjustmentReason());
		if (reason == null) {
			errors.rejectValue("adjustmentReason", "reason.blank", "Choose the reason");
		}
		else if (rule != null && !rule.adjustments().isEmpty() && !rule.adjustments().contains(reason)) {
			errors.rejectValue("adjustmentReason", "reason.rule", "'" + reason.label() + "' does not apply to " + rule.title());
		}
		LocalDate review = today.plusMonths(CareAdjustments.DEFAULT_MONTHS);
		if (!(DateParts.blank(form.reviewDay()) && DateParts.blank(form.reviewMonth())
				&& DateParts.blank(form.reviewYear()))) {
			review = DateParts.future(form.reviewDay(), form.reviewMonth(), form.reviewYear(), "review date", today,
					today.plusMonths(CareAdjustments.DEFAULT_MONTHS), errors, "reviewDay")
				.orElse(review);
		}
		if (form.adjustmentNote() != null && form.adjustmentNote().length() > 500) {
			errors.rejectValue("adjustmentNote", "note.long", "The note must be 500 characters or fewer");
		}
		if (errors.hasErrors()) {
			return showPerson(nhsNumber, OutreachForm.empty(), null, ReadingForm.empty(), null, form, errors, model);
		}
		adjustments.add(java.util.UUID.randomUUID(), number, rule, reason, today, review,
				blank(form.adjustmentNote()) ? null : form.adjustmentNote().trim(), staffUsers.currentUser().username(),
				java.time.Instant.now());
		personEvaluation.reevaluate(number);
		redirect.addFlashAttribute("success", "Personalised care adjustment recorded: " + rule.title() + ", "
				+ reason.label() + ", until " + RiskAssessment.date(review) + ".");
		return "redirect:/cvd/people/" + number.value() + "#adjustments";
	}

	/** Withdraws an adjustment: the rule lists the person again at once if it finds them. */
	@PostMapping("/cvd/people/{nhsNumber}/adjustments/{id}/withdraw")
	String withdrawAdjustment(@PathVariable String nhsNumber, @PathVariable String id, RedirectAttributes redirect) {
		NhsNumber number = parse(nhsNumber);
		practiceInScope(number);
		java.util.UUID adjustment;
		try {
			adjustment = java.util.UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such adjustment");
		}
		boolean withdrawn = adjustments.withdraw(adjustment, number, staffUsers.currentUser().username(),
				java.time.Instant.now());
		if (withdrawn) {
			personEvaluation.reevaluate(number);
		}
		redirect.addFlashAttribute(withdrawn ? "success" : "warning", withdrawn
				? "Personalised care adjustment withdrawn. The findings below are re-evaluated."
				: "That adjustment was already withdrawn (perhaps by someone else): nothing changed.");
		return "redirect:/cvd/people/" + number.value() + "#adjustments";
	}

	@PostMapping("/cvd/people/{nhsNumber}/readings")
	String recordReading(@PathVariable String nhsNumber, @ModelAttribute("readingForm") ReadingForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		NhsNumber number = parse(nhsNumber);
		practiceInScope(number);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		Optional<Integer> systolic = DateParts.whole(form.systolic(), "systolic", "systolic pressure", 50, 300,
				errors);
		Optional<Integer> diastolic = DateParts.whole(form.diastolic(), "diastolic", "diastolic pressure", 20, 200,
				errors);
		if (systolic.isPresent() && diastolic.isPresent() && diastolic.get() >= systolic.get()) {
			errors.rejectValue("diastolic", "diastolic.order",
					"The diastolic pressure must be lower than the systolic pressure");
		}
		BloodPressureSetting setting = enumOf(BloodPressureSetting.class, form.setting());
		if (setting == null || setting == BloodPressureSetting.CLINIC) {
			errors.rejectValue("setting", "setting.blank", "Choose where the reading was taken");
		}
		Optional<LocalDate> date = DateParts.read(form.readingDay(), form.readingMonth(), form.readingYear(),
				"date of the reading", today, errors, "readingDay");
		if (errors.hasErrors()) {
			return showPerson(nhsNumber, OutreachForm.empty(), null, form, errors, model);
		}
		population.recordBloodPressure(number, systolic.get(), diastolic.get(), date.orElseThrow(), setting);
		// The listener re-evaluates too (for readings from anywhere); doing it here as well shows the result at once
		personEvaluation.reevaluate(number);
		redirect.addFlashAttribute("success", "Reading " + systolic.get() + "/" + diastolic.get() + " mmHg recorded ("
				+ setting.label() + "). The findings below are re-evaluated.");
		return "redirect:/cvd/people/" + number.value();
	}

	private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value) {
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

	private static NhsNumber parse(String nhsNumber) {
		return NhsNumber.parse(nhsNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such NHS number"));
	}

	private PracticeSummary practiceInScope(NhsNumber number) {
		OdsCode practiceCode = population.registeredPractice(number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		StaffUser user = staffUsers.currentUser();
		return directory.practice(practiceCode)
			.filter(user::canSee)
			.orElseThrow(() -> new RefusedAccess("This person is registered outside your scope", number));
	}

	// --- Population refresh --------------------------------------------------------------------------------------

	@GetMapping("/cvd/refresh")
	String refresh(Model model) {
		Optional<RefreshJobs.Run> latest = jobs.latest();
		model.addAttribute("run", latest.orElse(null));
		model.addAttribute("announced", latest.map(RefreshJobs.Run::tenths).orElse(0));
		model.addAttribute("announcement", null);
		model.addAttribute("canStart", canStartRefresh(staffUsers.currentUser()));
		return VIEW_REFRESH;
	}

	/**
	 * The progress part of the refresh page, polled by htmx while a refresh runs (no page reload). A change of tenth,
	 * or the end, is also said once in the page's polite live region.
	 */
	@GetMapping("/cvd/refresh/progress")
	String refreshProgress(@RequestParam(required = false) @Nullable String announced, Model model) {
		Optional<RefreshJobs.Run> latest = jobs.latest();
		int before = announced != null && announced.matches("\\d{1,3}") ? Integer.parseInt(announced) : -1;
		int now = latest.map(RefreshJobs.Run::tenths).orElse(0);
		model.addAttribute("run", latest.orElse(null));
		model.addAttribute("announced", now);
		model.addAttribute("announcement", now == before ? null : latest.map(RefreshJobs.Run::announcement).orElse(null));
		return VIEW_REFRESH + " :: progress";
	}

	@PostMapping("/cvd/refresh")
	String startRefresh(RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		if (!canStartRefresh(user)) {
			throw new AccessDeniedException("Only clinical supervisors and ICB administrators start a refresh");
		}
		Optional<Long> started = jobs.startInBackground(user.username());
		redirect.addFlashAttribute(started.isPresent() ? "success" : "warning",
				started.isPresent() ? "Refresh started." : "A refresh is already running: its progress is below.");
		return "redirect:/cvd/refresh";
	}

	static boolean canStartRefresh(StaffUser user) {
		return user.hasAnyRole(uk.nhs.bob.primarycare.shared.Role.ICB_ADMIN,
				uk.nhs.bob.primarycare.shared.Role.CLINICAL_SUPERVISOR);
	}

}
