package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	ProgrammeController(Programme programme, ProgrammeViews views, ProgrammeAccess access, MeasuresCsv measuresCsv,
			ProgrammeCalendar calendar) {
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
		PlaceSummary place = views.places()
			.stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		java.util.Set<Long> sites = new java.util.HashSet<>();
		programme.sitesIn(place.code()).forEach(s -> sites.add(s.id()));
		return MeasuresCsv.response(
				measuresCsv.of(programme.allProjects().stream().filter(p -> sites.contains(p.siteId())).toList()),
				"programme-measures-" + place.name());
	}

	private LocalDate today() {
		return calendar.today();
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("workstreams", views.overview(today()));
		model.addAttribute("places", views.places());
		model.addAttribute("canAdminister", access.canAdminister());
		model.addAttribute("canAddSites", access.canAddSites());
		return VIEW_OVERVIEW;
	}

	@GetMapping("/places/{code}")
	String place(@PathVariable String code, Model model) {
		PlaceSummary place = views.places()
			.stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("place", place);
		model.addAttribute("sites", views.sites(place.code(), today()));
		model.addAttribute("canEdit", access.canEditPlace(place.code()));
		return VIEW_PLACE;
	}

	@GetMapping("/icb")
	String icb(Model model) {
		model.addAttribute("places", views.icb(today()));
		java.util.Map<String, String> workstreams = new java.util.LinkedHashMap<>();
		programme.workstreams().forEach(w -> workstreams.put(w.code(), w.name()));
		model.addAttribute("workstreams", workstreams);
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
		access.checkAdministrator();
		Workstream workstream = workstream(code);
		describe(workstream, model);
		if (result.hasErrors()) {
			return VIEW_WORKSTREAM_FORM;
		}
		try {
			programme.editWorkstream(code, form.version(), form.name().strip(), form.description().strip());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammePages.stale("form", form.withVersion(workstream(code).version()), model, response);
			return VIEW_WORKSTREAM_FORM;
		}
		redirect.addFlashAttribute("saved", "Workstream saved: " + form.name().strip());
		return "redirect:/programme";
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
			Model model, RedirectAttributes redirect) {
		access.checkAdministrator();
		Workstream workstream = workstream(code);
		describe(workstream, model);
		model.addAttribute("cohortId", null);
		Optional<LocalDate[]> dates = checkCohort(form, result);
		if (dates.isEmpty()) {
			return VIEW_COHORT_FORM;
		}
		programme.addCohort(code, form.name().strip(), dates.get()[0], dates.get()[1], form.maxSites(),
				form.description() == null ? "" : form.description().strip());
		redirect.addFlashAttribute("saved", "Cohort added: " + form.name().strip() + " of " + workstream.name());
		return "redirect:/programme";
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
	String saveCohort(@PathVariable long id, @Valid @ModelAttribute("form") CohortForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		access.checkAdministrator();
		Cohort cohort = cohort(id);
		describe(workstream(cohort.workstreamCode()), model);
		model.addAttribute("cohortId", cohort.id());
		Optional<LocalDate[]> dates = checkCohort(form, result);
		if (dates.isEmpty()) {
			return VIEW_COHORT_FORM;
		}
		try {
			programme.editCohort(id, form.version(), form.name().strip(), dates.get()[0], dates.get()[1],
					form.maxSites(), form.description() == null ? "" : form.description().strip());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammePages.stale("form", form.withVersion(cohort(id).version()), model, response);
			return VIEW_COHORT_FORM;
		}
		catch (Refused refused) {
			refused.rejectInto(result);
			return VIEW_COHORT_FORM;
		}
		redirect.addFlashAttribute("saved", "Cohort saved: " + form.name().strip());
		return "redirect:/programme";
	}

	private Optional<LocalDate[]> checkCohort(CohortForm form, BindingResult result) {
		Optional<LocalDate> start = FormDates.parse(form.startDay(), form.startMonth(), form.startYear());
		Optional<LocalDate> end = FormDates.parse(form.endDay(), form.endMonth(), form.endYear());
		if (start.isEmpty()) {
			result.rejectValue("startDay", "date", "Enter a real start date, for example 1 3 2027");
		}
		if (end.isEmpty()) {
			result.rejectValue("endDay", "date", "Enter a real end date, for example 31 8 2027");
		}
		if (form.maxSites() < 0) {
			result.rejectValue("maxSitesPerPlace", "range", "Enter the most sites from each Place, from 0 to 50");
		}
		if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
			result.rejectValue("endDay", "order", "The end date must be on or after the start date");
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new LocalDate[] { start.get(), end.get() });
	}

	private static void describe(Workstream workstream, Model model) {
		model.addAttribute("workstreamCode", workstream.code());
		model.addAttribute("workstreamName", workstream.name());
	}

	private Workstream workstream(String code) {
		return programme.workstream(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Cohort cohort(long id) {
		return programme.cohort(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}


}
