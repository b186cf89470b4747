package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.shared.IsoWeek;

/**
 * A site's project in one workstream: the page with its aim, local action team, measures as SPC charts with their
 * PDSA cycles, the PDSA log and progress score; and the forms that change them (the Place's delivery team or an ICB
 * administrator). Everyone else reads.
 */
@Controller
@RequestMapping("/programme/projects/{projectId}")
class ProjectController {

	static final String VIEW_PROJECT = "programme/project";

	static final String VIEW_TEAM = "programme/team-form";

	static final String VIEW_AIM = "programme/aim-form";

	static final String VIEW_MEASURE_FORM = "programme/measure-form";

	static final String VIEW_MEASURE = "programme/measure";

	static final String VIEW_PDSA = "programme/pdsa-form";

	static final String VIEW_SCORE = "programme/score-form";

	/** The IHI progress scores (DOMAIN.md C). */
	static final Map<String, String> SCORES;

	static {
		Map<String, String> scores = new LinkedHashMap<>();
		scores.put("0.5", "0.5 Intent to participate");
		scores.put("1.0", "1.0 Charter and team established");
		scores.put("1.5", "1.5 Planning for the project has begun");
		scores.put("2.0", "2.0 Activity, but no changes");
		scores.put("2.5", "2.5 Changes tested, but no improvement");
		scores.put("3.0", "3.0 Modest improvement (about 20% of expected results)");
		scores.put("3.5", "3.5 Improvement");
		scores.put("4.0", "4.0 Significant improvement (50% or more of goals, implementation begun)");
		scores.put("4.5", "4.5 Sustainable improvement");
		scores.put("5.0", "5.0 Outstanding sustainable results");
		SCORES = Map.copyOf(scores);
		ORDERED_SCORES = scores;
	}

	static final Map<String, String> ORDERED_SCORES;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	public record CycleRow(long id, int number, String title, String plan, String prediction, String startedOn,
			String doNotes, String study, @Nullable String act, @Nullable String actOn) {
	}

	public record ScoreRow(String score, String label, String recordedOn, String note, String recordedBy) {
	}

	public record ValueRow(String week, String weekStarting, String value, String source, String pointType,
			boolean rebase, String mondayIso) {
	}

	private final Programme programme;

	private final ProgrammeAccess access;

	private final MeasuresCsv measuresCsv;

	ProjectController(Programme programme, ProgrammeAccess access, MeasuresCsv measuresCsv) {
		this.programme = programme;
		this.access = access;
		this.measuresCsv = measuresCsv;
	}

	// --- the project page -----------------------------------------------------------------------------------

	@GetMapping
	String project(@PathVariable long projectId, Model model) {
		Context context = context(projectId, model);
		List<PdsaCycle> cycles = programme.cycles(projectId);
		List<SpcChart> charts = new ArrayList<>();
		for (Measure measure : programme.measures(projectId)) {
			charts.add(chart(measure, context.siteCodes(), cycles));
		}
		model.addAttribute("charts", charts);
		model.addAttribute("cycles", cycleRows(cycles));
		model.addAttribute("members", programme.members(projectId));
		model.addAttribute("scores", programme.scores(projectId)
			.stream()
			.map(s -> new ScoreRow(ProgrammeViews.score(s.score()),
					ORDERED_SCORES.getOrDefault(ProgrammeViews.score(s.score()), ""), DAY.format(s.recordedOn()),
					s.note(), s.recordedBy()))
			.toList());
		Project project = context.project();
		model.addAttribute("aimByWhen", project.aimByWhen() == null ? null : DAY.format(project.aimByWhen()));
		String score = ProgrammeViews.score(project.progressScore());
		model.addAttribute("score", score == null ? null : ORDERED_SCORES.get(score));
		return VIEW_PROJECT;
	}

	private SpcChart chart(Measure measure, Set<String> siteCodes, List<PdsaCycle> cycles) {
		return SpcChart.of(measure, programme.values(measure, siteCodes), programme.rebaseWeeks(measure.id()), cycles);
	}

	private List<CycleRow> cycleRows(List<PdsaCycle> cycles) {
		List<CycleRow> rows = new ArrayList<>();
		for (int i = 0; i < cycles.size(); i++) {
			PdsaCycle c = cycles.get(i);
			rows.add(new CycleRow(c.id(), i + 1, c.title(), c.plan(), c.prediction(), DAY.format(c.startedOn()),
					c.doNotes(), c.study(), c.act() == null ? null : c.act().label(),
					c.actOn() == null ? null : DAY.format(c.actOn())));
		}
		return rows;
	}

	// --- local action team ----------------------------------------------------------------------------------

	@GetMapping("/team")
	String team(@PathVariable long projectId, Model model) {
		Context context = editable(projectId, model);
		model.addAttribute("form", TeamForm.of(context.project()));
		model.addAttribute("memberForm", MemberForm.empty());
		return showTeam(projectId, model);
	}

	@PostMapping("/team")
	String saveTeam(@PathVariable long projectId, @Valid @ModelAttribute("form") TeamForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		editable(projectId, model);
		model.addAttribute("memberForm", MemberForm.empty());
		if (result.hasErrors()) {
			return showTeam(projectId, model);
		}
		try {
			programme.editTeam(projectId, form.version(), form.teamLead().strip(), form.clinicalLead().strip(),
					strip(form.footprintNote()), form.accountableBody().strip(), form.responsibleTeam().strip());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammeController.stale(form.withVersion(project(projectId).version()), model, response);
			return showTeam(projectId, model);
		}
		redirect.addFlashAttribute("saved", "Local action team saved");
		return "redirect:/programme/projects/" + projectId;
	}

	@PostMapping("/members")
	String addMember(@PathVariable long projectId, @Valid @ModelAttribute("memberForm") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Context context = editable(projectId, model);
		if (result.hasErrors()) {
			model.addAttribute("form", TeamForm.of(context.project()));
			return showTeam(projectId, model);
		}
		programme.addMember(projectId, form.name().strip(), form.jobRole().strip(), form.organisation().strip(),
				form.sector());
		redirect.addFlashAttribute("saved", "Team member added: " + form.name().strip());
		return "redirect:/programme/projects/" + projectId + "/team";
	}

	@PostMapping("/members/{memberId}/remove")
	String removeMember(@PathVariable long projectId, @PathVariable long memberId, Model model,
			RedirectAttributes redirect) {
		editable(projectId, model);
		programme.removeMember(projectId, memberId);
		redirect.addFlashAttribute("saved", "Team member removed");
		return "redirect:/programme/projects/" + projectId + "/team";
	}

	private String showTeam(long projectId, Model model) {
		model.addAttribute("members", programme.members(projectId));
		Map<String, String> sectors = new LinkedHashMap<>();
		for (Sector sector : Sector.values()) {
			sectors.put(sector.name(), (sector.pillar() ? "Pillar: " : "Partner: ") + sector.label());
		}
		model.addAttribute("sectorOptions", sectors);
		return VIEW_TEAM;
	}

	// --- aim --------------------------------------------------------------------------------------------------

	@GetMapping("/aim")
	String aim(@PathVariable long projectId, Model model) {
		Context context = editable(projectId, model);
		model.addAttribute("form", AimForm.of(context.project()));
		return VIEW_AIM;
	}

	@PostMapping("/aim")
	String saveAim(@PathVariable long projectId, @Valid @ModelAttribute("form") AimForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		editable(projectId, model);
		Optional<LocalDate> byWhen = FormDates.parse(form.byDay(), form.byMonth(), form.byYear());
		if (byWhen.isEmpty()) {
			result.rejectValue("byDay", "date", "Enter a real date for by when, for example 31 3 2027");
		}
		if (result.hasErrors()) {
			return VIEW_AIM;
		}
		try {
			programme.editAim(projectId, form.version(), form.what().strip(), form.howMuch().strip(), byWhen.get());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammeController.stale(form.withVersion(project(projectId).version()), model, response);
			return VIEW_AIM;
		}
		redirect.addFlashAttribute("saved", "Aim saved");
		return "redirect:/programme/projects/" + projectId;
	}

	// --- progress score ---------------------------------------------------------------------------------------

	@GetMapping("/score")
	String score(@PathVariable long projectId, Model model) {
		Context context = editable(projectId, model);
		model.addAttribute("form", ScoreForm.of(context.project()));
		model.addAttribute("scoreOptions", ORDERED_SCORES);
		return VIEW_SCORE;
	}

	@PostMapping("/score")
	String saveScore(@PathVariable long projectId, @Valid @ModelAttribute("form") ScoreForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		editable(projectId, model);
		model.addAttribute("scoreOptions", ORDERED_SCORES);
		if (!result.hasFieldErrors("score") && !SCORES.containsKey(form.score())) {
			result.rejectValue("score", "range", "Choose a progress score from 0.5 to 5");
		}
		if (result.hasErrors()) {
			return VIEW_SCORE;
		}
		try {
			programme.recordScore(projectId, form.version(), new BigDecimal(form.score()), ProgrammeController.today(),
					strip(form.note()), access.user().username());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammeController.stale(form.withVersion(project(projectId).version()), model, response);
			return VIEW_SCORE;
		}
		redirect.addFlashAttribute("saved", "Progress score recorded: " + form.score());
		return "redirect:/programme/projects/" + projectId;
	}

	// --- measures ---------------------------------------------------------------------------------------------

	@GetMapping("/measures/new")
	String newMeasure(@PathVariable long projectId, Model model) {
		editable(projectId, model);
		model.addAttribute("form", MeasureForm.empty());
		return showMeasureForm(model);
	}

	@PostMapping("/measures")
	String addMeasure(@PathVariable long projectId, @Valid @ModelAttribute("form") MeasureForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		editable(projectId, model);
		Feed feed = form.feed();
		String name = MeasureForm.blank(form.name()) ? (feed == null ? "" : feed.label()) : form.name().strip();
		String definition = MeasureForm.blank(form.definition()) ? (feed == null ? "" : feed.definition())
				: form.definition().strip();
		String unit = MeasureForm.blank(form.unit()) ? (feed == null ? "" : feed.unit()) : form.unit().strip();
		Spc.Direction direction = form.direction() != null ? form.direction() : feed == null ? null : feed.direction();
		if (name.isEmpty() && !result.hasFieldErrors("name")) {
			result.rejectValue("name", "required", "Enter the measure name, or choose a feed");
		}
		if (definition.isEmpty() && !result.hasFieldErrors("definition")) {
			result.rejectValue("definition", "required", "Enter the operational definition, or choose a feed");
		}
		if (direction == null) {
			result.rejectValue("direction", "required", "Choose the improvement direction, or choose a feed");
		}
		if (unit.isEmpty() && !result.hasFieldErrors("unit")) {
			result.rejectValue("unit", "required", "Enter the unit, for example % or people");
		}
		BigDecimal target = null;
		if (!MeasureForm.blank(form.target()) && !result.hasFieldErrors("target")) {
			target = number(form.target());
			if (target == null) {
				result.rejectValue("target", "number", "Target must be a number, like 75 or 12.5");
			}
		}
		if (result.hasErrors()) {
			return showMeasureForm(model);
		}
		Measure measure = programme.addMeasure(
				new Measure(projectId, name, form.kind(), definition, direction, unit, target, feed));
		redirect.addFlashAttribute("saved", "Measure added: " + measure.name());
		return "redirect:/programme/projects/" + projectId + "/measures/" + measure.id();
	}

	private String showMeasureForm(Model model) {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (Measure.Kind kind : Measure.Kind.values()) {
			kinds.put(kind.name(), kind.label());
		}
		Map<String, String> directions = new LinkedHashMap<>();
		directions.put("INCREASE", "Higher is better");
		directions.put("DECREASE", "Lower is better");
		directions.put("NEUTRAL", "Neither");
		Map<String, String> feeds = new LinkedHashMap<>();
		for (Feed feed : Feed.values()) {
			feeds.put(feed.name(), feed.label());
		}
		model.addAttribute("kindOptions", kinds);
		model.addAttribute("directionOptions", directions);
		model.addAttribute("feedOptions", feeds);
		return VIEW_MEASURE_FORM;
	}

	@GetMapping("/measures/{measureId}")
	String measure(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		context(projectId, model);
		model.addAttribute("form", ValueForm.empty());
		return showMeasure(projectId, measureId, model);
	}

	@PostMapping("/measures/{measureId}/values")
	String enterValue(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") ValueForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		Optional<LocalDate> day = FormDates.parse(form.weekDay(), form.weekMonth(), form.weekYear());
		if (day.isEmpty()) {
			result.rejectValue("weekDay", "date", "Enter a real date in the week, for example 16 11 2026");
		}
		else if (day.get().isAfter(ProgrammeController.today())) {
			result.rejectValue("weekDay", "future", "The week must not be in the future");
		}
		BigDecimal value = null;
		if (!result.hasFieldErrors("value")) {
			value = number(form.value());
			if (value == null) {
				result.rejectValue("value", "number", "Value must be a number, like 42 or 12.5");
			}
		}
		if (result.hasErrors()) {
			return showMeasure(projectId, measureId, model);
		}
		IsoWeek week = IsoWeek.of(day.get());
		programme.enterValue(measure.id(), week.monday(), value, access.user().username());
		redirect.addFlashAttribute("saved", "Value for " + week.label() + " saved");
		return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
	}

	@PostMapping("/measures/{measureId}/rebase")
	String rebase(@PathVariable long projectId, @PathVariable long measureId, @RequestParam String week,
			@RequestParam boolean on, Model model, RedirectAttributes redirect) {
		editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		LocalDate monday;
		try {
			monday = IsoWeek.of(LocalDate.parse(week)).monday();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		programme.rebase(measure.id(), monday, on);
		redirect.addFlashAttribute("saved", on ? "Limits recalculated from " + IsoWeek.of(monday).label()
				: "Recalculation at " + IsoWeek.of(monday).label() + " removed");
		return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
	}

	private String showMeasure(long projectId, long measureId, Model model) {
		Measure measure = measure(projectId, measureId);
		ProgrammeSite site = programme.site(project(projectId).siteId()).orElseThrow();
		List<PdsaCycle> cycles = programme.cycles(projectId);
		SpcChart chart = chart(measure, programme.directorySiteCodes(site), cycles);
		List<LocalDate> rebase = programme.rebaseWeeks(measureId);
		List<Programme.WeekValue> values = programme.values(measure, programme.directorySiteCodes(site));
		List<ValueRow> rows = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Programme.WeekValue v = values.get(i);
			rows.add(new ValueRow(IsoWeek.of(v.weekStarting()).label(), DAY.format(v.weekStarting()),
					chart.points().get(i).value(), v.fed() ? "Fed from events" : "Entered by hand",
					chart.points().get(i).typeLabel(), rebase.contains(v.weekStarting()), v.weekStarting().toString()));
		}
		model.addAttribute("chart", chart);
		model.addAttribute("rows", rows);
		model.addAttribute("measure", measure);
		return VIEW_MEASURE;
	}

	// --- PDSA cycles ------------------------------------------------------------------------------------------

	@GetMapping("/pdsa/new")
	String newCycle(@PathVariable long projectId, Model model) {
		editable(projectId, model);
		model.addAttribute("form", PdsaForm.empty());
		model.addAttribute("cycle", null);
		return showPdsa(model);
	}

	@PostMapping("/pdsa")
	String addCycle(@PathVariable long projectId, @Valid @ModelAttribute("form") PdsaForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		editable(projectId, model);
		model.addAttribute("cycle", null);
		Optional<Dates> dates = checkPdsa(form, result);
		if (dates.isEmpty()) {
			return showPdsa(model);
		}
		PdsaCycle cycle = programme.addCycle(new PdsaCycle(projectId, form.title().strip(), form.plan().strip(),
				form.prediction().strip(), dates.get().start(), access.user().username()));
		if (!MeasureForm.blank(form.doNotes()) || !MeasureForm.blank(form.study()) || form.act() != null) {
			programme.editCycle(cycle.id(), cycle.version(), cycle.title(), cycle.plan(), cycle.prediction(),
					cycle.startedOn(), strip(form.doNotes()), strip(form.study()), form.act(), dates.get().act());
		}
		redirect.addFlashAttribute("saved", "PDSA cycle recorded: " + cycle.title());
		return "redirect:/programme/projects/" + projectId + "#pdsa";
	}

	@GetMapping("/pdsa/{cycleId}/edit")
	String editCycle(@PathVariable long projectId, @PathVariable long cycleId, Model model) {
		editable(projectId, model);
		PdsaCycle cycle = cycle(projectId, cycleId);
		model.addAttribute("form", PdsaForm.of(cycle));
		model.addAttribute("cycle", cycle.id());
		return showPdsa(model);
	}

	@PostMapping("/pdsa/{cycleId}")
	String saveCycle(@PathVariable long projectId, @PathVariable long cycleId,
			@Valid @ModelAttribute("form") PdsaForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		editable(projectId, model);
		cycle(projectId, cycleId);
		model.addAttribute("cycle", cycleId);
		Optional<Dates> dates = checkPdsa(form, result);
		if (dates.isEmpty()) {
			return showPdsa(model);
		}
		try {
			programme.editCycle(cycleId, form.version(), form.title().strip(), form.plan().strip(),
					form.prediction().strip(), dates.get().start(), strip(form.doNotes()), strip(form.study()),
					form.act(), dates.get().act());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammeController.stale(form.withVersion(cycle(projectId, cycleId).version()), model, response);
			return showPdsa(model);
		}
		redirect.addFlashAttribute("saved", "PDSA cycle saved: " + form.title().strip());
		return "redirect:/programme/projects/" + projectId + "#pdsa";
	}

	private record Dates(LocalDate start, @Nullable LocalDate act) {
	}

	private Optional<Dates> checkPdsa(PdsaForm form, BindingResult result) {
		Optional<LocalDate> start = FormDates.parse(form.startDay(), form.startMonth(), form.startYear());
		if (start.isEmpty()) {
			result.rejectValue("startDay", "date", "Enter a real start date, for example 2 11 2026");
		}
		LocalDate actOn = null;
		boolean actDateBlank = FormDates.blank(form.actDay(), form.actMonth(), form.actYear());
		if (!actDateBlank) {
			Optional<LocalDate> parsed = FormDates.parse(form.actDay(), form.actMonth(), form.actYear());
			if (parsed.isEmpty()) {
				result.rejectValue("actDay", "date", "Enter a real date for the decision, for example 30 11 2026");
			}
			else if (start.isPresent() && parsed.get().isBefore(start.get())) {
				result.rejectValue("actDay", "order", "The decision date must be on or after the start date");
			}
			else {
				actOn = parsed.get();
			}
		}
		if (form.act() != null && actDateBlank) {
			result.rejectValue("actDay", "required", "Enter the date of the decision to "
					+ form.act().label().toLowerCase(Locale.UK));
		}
		if (form.act() == null && !actDateBlank && !result.hasFieldErrors("actDay")) {
			result.rejectValue("act", "required", "Choose adopt, adapt or abandon, or clear the decision date");
		}
		if (form.act() != null && MeasureForm.blank(form.study())) {
			result.rejectValue("study", "required", "Enter what you learnt before deciding");
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Dates(start.get(), actOn));
	}

	private String showPdsa(Model model) {
		Map<String, String> acts = new LinkedHashMap<>();
		for (PdsaCycle.Act act : PdsaCycle.Act.values()) {
			acts.put(act.name(), act.label());
		}
		model.addAttribute("actOptions", acts);
		return VIEW_PDSA;
	}

	// --- CSV of the measures ----------------------------------------------------------------------------------

	@GetMapping("/measures.csv")
	ResponseEntity<byte[]> csv(@PathVariable long projectId, Model model) {
		Context context = context(projectId, model);
		return MeasuresCsv.response(measuresCsv.of(List.of(context.project())),
				"programme-" + context.site().name() + "-" + context.workstream().code());
	}

	// --- shared -----------------------------------------------------------------------------------------------

	record Context(Project project, ProgrammeSite site, Workstream workstream, Set<String> siteCodes) {
	}

	private Context context(long projectId, Model model) {
		Project project = project(projectId);
		ProgrammeSite site = programme.site(project.siteId()).orElseThrow();
		Workstream workstream = programme.workstream(project.workstreamCode()).orElseThrow();
		model.addAttribute("projectId", project.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("siteId", site.id());
		model.addAttribute("placeName", programme.placeName(site.placeCode()));
		model.addAttribute("workstreamName", workstream.name());
		model.addAttribute("teamLead", project.teamLead());
		model.addAttribute("clinicalLead", project.clinicalLead());
		model.addAttribute("footprintNote", project.footprintNote());
		model.addAttribute("accountableBody", project.accountableBody());
		model.addAttribute("responsibleTeam", project.responsibleTeam());
		model.addAttribute("aimWhat", project.aimWhat());
		model.addAttribute("aimHowMuch", project.aimHowMuch());
		model.addAttribute("canEdit", access.canEditPlace(site.placeCode()));
		return new Context(project, site, workstream, programme.directorySiteCodes(site));
	}

	private Context editable(long projectId, Model model) {
		Context context = context(projectId, model);
		access.checkPlace(context.site().placeCode());
		return context;
	}

	private Project project(long projectId) {
		return programme.project(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Measure measure(long projectId, long measureId) {
		return programme.measure(measureId)
			.filter(m -> m.projectId() == projectId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private PdsaCycle cycle(long projectId, long cycleId) {
		return programme.cycle(cycleId)
			.filter(c -> c.projectId() == projectId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String strip(@Nullable String text) {
		return text == null ? "" : text.strip();
	}

	/** A plain decimal number within the column's range, or null. */
	static @Nullable BigDecimal number(@Nullable String text) {
		if (text == null || !text.strip().matches("-?\\d{1,10}(\\.\\d{1,4})?")) {
			return null;
		}
		return new BigDecimal(text.strip());
	}

}
