package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.programme.spc.MeasuresCsv;

/**
 * The programme overview (workstreams x cohorts x Places), the Place and ICB views, and the measures as CSV. The ICB
 * administrators' editing of workstreams and cohorts is {@link uk.nhs.bob.primarycare.programme.cohorts.CohortController}'s.
 */
@Controller
@RequestMapping("/programme")
class ProgrammeController {

	static final String VIEW_OVERVIEW = "programme/overview";

	static final String VIEW_PLACE = "programme/place";

	static final String VIEW_ICB = "programme/icb";

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
	ResponseEntity<byte[]> allMeasures() {
		return MeasuresCsv.response(measuresCsv.of(programme.allProjects()), "programme-measures");
	}

	@GetMapping("/places/{code}/measures.csv")
	ResponseEntity<byte[]> placeMeasures(@PathVariable String code) {
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

	private PlaceSummary place(String code) {
		return views.places()
			.stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
