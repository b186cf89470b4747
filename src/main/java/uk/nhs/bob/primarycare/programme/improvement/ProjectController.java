package uk.nhs.bob.primarycare.programme.improvement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.MeasuresCsv;

/**
 * A site's project in one workstream: the page with its aim, driver diagram summary, measures as SPC charts, PDSA
 * cycles with their predictions and results, the site's team members for the workstream and the progress score;
 * and the aim and progress score forms (the Place's delivery team or an ICB administrator).
 */
@Controller
@RequestMapping("/programme/projects/{projectId}")
class ProjectController {

	static final String VIEW_PROJECT = "programme/project";

	static final String VIEW_AIM = "programme/aim-form";

	static final String VIEW_SCORE = "programme/score-form";

	/** The IHI progress scores, in order. */
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
		SCORES = java.util.Collections.unmodifiableMap(scores);
	}

	public record ScoreRow(String score, String label, String recordedOn, String note, String recordedBy) {
	}

	private final Programme programme;

	private final ProgrammePages pages;

	private final ProjectPage projectPage;

	private final MeasuresCsv measuresCsv;

	private final ProgrammeCalendar calendar;

	ProjectController(Programme programme, ProgrammePages pages, ProjectPage projectPage, MeasuresCsv measuresCsv,
			ProgrammeCalendar calendar) {
		this.programme = programme;
		this.pages = pages;
		this.projectPage = projectPage;
		this.measuresCsv = measuresCsv;
		this.calendar = calendar;
	}

	@GetMapping
	String project(@PathVariable long projectId, Model model) {
		Project project = pages.describe(projectId, model);
		projectPage.fill(project, model);
		model.addAttribute("scores", programme.scores(projectId)
			.stream()
			.map(s -> new ScoreRow(ProgrammeViews.score(s.score()),
					SCORES.getOrDefault(ProgrammeViews.score(s.score()), ""), ProgrammeViews.day(s.recordedOn()),
					s.note(), s.recordedBy()))
			.toList());
		model.addAttribute("aimByWhen", project.aimByWhen() == null ? null : ProgrammeViews.day(project.aimByWhen()));
		String score = ProgrammeViews.score(project.progressScore());
		model.addAttribute("score", score == null ? null : SCORES.get(score));
		return VIEW_PROJECT;
	}

	@GetMapping("/aim")
	String aim(@PathVariable long projectId, Model model) {
		model.addAttribute("form", AimForm.of(pages.editable(projectId, model)));
		return VIEW_AIM;
	}

	@PostMapping("/aim")
	String saveAim(@PathVariable long projectId, @Valid @ModelAttribute("form") AimForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> programme.editAim(projectId, form.version(),
				form.what().strip(), form.howMuch().strip(), form.byWhen()))) {
			redirect.addFlashAttribute("saved", "Aim saved");
			return "redirect:/programme/projects/" + projectId;
		}
		pages.editable(projectId, model);
		return VIEW_AIM;
	}

	@GetMapping("/score")
	String score(@PathVariable long projectId, Model model) {
		model.addAttribute("form", ScoreForm.of(pages.editable(projectId, model)));
		model.addAttribute("scoreOptions", SCORES);
		return VIEW_SCORE;
	}

	@PostMapping("/score")
	String saveScore(@PathVariable long projectId, @Valid @ModelAttribute("form") ScoreForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> programme.recordScore(projectId, form.version(),
				form.value(), calendar.today(), ProgrammePages.strip(form.note())))) {
			redirect.addFlashAttribute("saved", "Progress score recorded: " + form.score());
			return "redirect:/programme/projects/" + projectId;
		}
		pages.editable(projectId, model);
		model.addAttribute("scoreOptions", SCORES);
		return VIEW_SCORE;
	}

	@GetMapping("/measures.csv")
	ResponseEntity<byte[]> csv(@PathVariable long projectId, Model model) {
		Project project = pages.describe(projectId, model);
		ProgrammeSite site = pages.site(project.siteId());
		return MeasuresCsv.response(measuresCsv.of(List.of(project)),
				"programme-" + site.name() + "-" + project.workstreamCode());
	}

}
