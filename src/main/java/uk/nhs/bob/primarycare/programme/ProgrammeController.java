package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.PlaceSummary;

/**
 * The programme overview (workstreams x cohorts x Places), the Place and ICB views, and the ICB administrators'
 * editing of workstreams and cohorts.
 */
@Controller
@RequestMapping("/programme")
class ProgrammeController {

	static final String VIEW_OVERVIEW = "programme/overview";

	static final String VIEW_PLACE = "programme/place";

	static final String VIEW_ICB = "programme/icb";

	static final String VIEW_WORKSTREAM_FORM = "programme/workstream-form";

	static final String VIEW_COHORT_FORM = "programme/cohort-form";

	static final String CONFLICT = "Someone else saved changes after you opened this page, so yours have not been "
			+ "saved. Your changes are still in the form below: check, then save again to replace theirs.";

	private final Programme programme;

	private final ProgrammeViews views;

	private final ProgrammeAccess access;

	private final MeasuresCsv measuresCsv;

	private final ProgrammeCalendar calendar;

	private final ProgrammePages pages;

	ProgrammeController(Programme programme, ProgrammeViews views, ProgrammeAccess access, MeasuresCsv measuresCsv,
			ProgrammeCalendar calendar, ProgrammePages pages) {
		this.pages = pages;
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.measuresCsv = measuresCsv;
		this.calendar = calendar;
	}

	/** Every project's measures (aggregate figures only: every member of staff may download them). */
	@GetMapping("/measures.csv")
	org.springframework.http.ResponseEntity<byte[]> allMeasures() {
		return MeasuresCsv.response(measuresCsv.of(programme.allProjects()), "programme-measures");
	}

	@GetMapping("/places/{code}/measures.csv")
	org.springframework.http.ResponseEntity<byte[]> placeMeasures(@PathVariable String code) {
		PlaceSummary place = place(code);
		return MeasuresCsv.response(measuresCsv.ofPlace(place.code()), "programme-measures-" + place.name());
	}

	private LocalDate today() {
		return calendar.today();
	}

	@GetMapping
	String overview(Model model) {
		List<PlaceSummary> places = views.places();
		model.addAttribute("workstreams", views.overview(places, today()));
		model.addAttribute("places", places);
		model.addAttribute("canAdminister", access.canAdminister());
		model.addAttribute("canAddSites", access.canAddSites());
		return VIEW_OVERVIEW;
	}

	@GetMapping("/places/{code}")
	String place(@PathVariable String code, Model model) {
		PlaceSummary place = place(code);
		model.addAttribute("place", place);
		model.addAttribute("sites", views.sites(place.code(), today()));
		model.addAttribute("canEdit", access.canEditPlace(place.code()));
		return VIEW_PLACE;
	}

	@GetMapping("/icb")
	String icb(Model model) {
		model.addAttribute("places", views.icb(today()));
		model.addAttribute("workstreams", pages.workstreamOptions());
		return VIEW_ICB;
	}

	// --- ICB administrators: workstreams and cohorts --------------------------------------------------------

	@GetMapping("/workstreams/{code}/edit")
	String editWorkstream(@PathVariable String code, Model model) {
		access.checkAdministrator();
		Workstream workstream = workstream(code);
		model.addAttribute("form", WorkstreamForm.of(workstream));
		describe(workstream, model);
		return VIEW_WORKSTREAM_FORM;
	}

	@PostMapping("/workstreams/{code}")
	String saveWorkstream(@PathVariable String code, @Valid @ModelAttribute("form") WorkstreamForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Workstream workstream = workstream(code);
		if (ProgrammePages.change(result, model, response, () -> programme.editWorkstream(code, form.version(),
				form.name().strip(), form.description().strip()))) {
			redirect.addFlashAttribute("saved", "Workstream saved: " + form.name().strip());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream, model);
		return VIEW_WORKSTREAM_FORM;
	}

	@GetMapping("/workstreams/{code}/cohorts/new")
	String newCohort(@PathVariable String code, Model model) {
		access.checkAdministrator();
		describe(workstream(code), model);
		model.addAttribute("cohortId", null);
		model.addAttribute("form", CohortForm.empty());
		return VIEW_COHORT_FORM;
	}

	@PostMapping("/workstreams/{code}/cohorts")
	String addCohort(@PathVariable String code, @Valid @ModelAttribute("form") CohortForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Workstream workstream = workstream(code);
		if (ProgrammePages.change(result, model, response, () -> programme.addCohort(code, form.name().strip(),
				form.startsOn(), form.endsOn(), form.maxSites(), ProgrammePages.strip(form.description())))) {
			redirect.addFlashAttribute("saved", "Cohort added: " + form.name().strip() + " of " + workstream.name());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream, model);
		model.addAttribute("cohortId", null);
		return VIEW_COHORT_FORM;
	}

	@GetMapping("/cohorts/{id}/edit")
	String editCohort(@PathVariable long id, Model model) {
		access.checkAdministrator();
		Cohort cohort = cohort(id);
		describe(workstream(cohort.workstreamCode()), model);
		model.addAttribute("cohortId", cohort.id());
		model.addAttribute("form", CohortForm.of(cohort));
		return VIEW_COHORT_FORM;
	}

	@PostMapping("/cohorts/{id}")
	String saveCohort(@PathVariable long id,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") CohortForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Cohort cohort = cohort(id);
		if (ProgrammePages.change(result, model, response, () -> programme.editCohort(id, form.version(),
				form.name().strip(), form.startsOn(), form.endsOn(), form.maxSites(),
				ProgrammePages.strip(form.description())))) {
			redirect.addFlashAttribute("saved", "Cohort saved: " + form.name().strip());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream(cohort.workstreamCode()), model);
		model.addAttribute("cohortId", cohort.id());
		return VIEW_COHORT_FORM;
	}

	private static void describe(Workstream workstream, Model model) {
		model.addAttribute("workstreamCode", workstream.code());
		model.addAttribute("workstreamName", workstream.name());
	}

	private PlaceSummary place(String code) {
		return views.places()
			.stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Workstream workstream(String code) {
		return programme.workstream(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Cohort cohort(long id) {
		return programme.cohort(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}


}
