package uk.nhs.bob.primarycare.programme;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

/**
 * What the programme's controllers share: finding what a URL names (404 when it is not there), the heading of a
 * project's pages, the options of the select lists, and showing a stale edit (409 with what was typed kept).
 */
@Component
public class ProgrammePages {

	private final Programme programme;

	private final ProgrammeAccess access;

	ProgrammePages(Programme programme, ProgrammeAccess access) {
		this.programme = programme;
		this.access = access;
	}

	public Project project(long projectId) {
		return programme.project(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	public ProgrammeSite site(long siteId) {
		return programme.site(siteId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Puts the project's heading (site, Place, workstream, whether the user may change it) in the model. */
	public Project describe(long projectId, Model model) {
		Project project = project(projectId);
		ProgrammeSite site = site(project.siteId());
		Workstream workstream = programme.workstream(project.workstreamCode()).orElseThrow();
		model.addAttribute("projectId", project.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("siteId", site.id());
		model.addAttribute("placeName", programme.placeName(site.placeCode()));
		model.addAttribute("workstreamName", workstream.name());
		model.addAttribute("workstreamCode", workstream.code());
		model.addAttribute("canEdit", access.canEditPlace(site.placeCode()) && !site.retired());
		return project;
	}

	/** 403 unless the user may change the project's site (checked again by the service that makes the change). */
	public Project editable(long projectId, Model model) {
		Project project = describe(projectId, model);
		access.checkPlace(site(project.siteId()).placeCode());
		return project;
	}

	/**
	 * 403 unless the user may change the site (checked again by the service that makes the change), and a refusal
	 * when it has left the programme; puts its name and Place in the model.
	 */
	public ProgrammeSite editableSite(long siteId, Model model) {
		ProgrammeSite site = site(siteId);
		access.checkPlace(site.placeCode());
		Programme.checkNotRetired(site);
		model.addAttribute("siteId", site.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("placeName", programme.placeName(site.placeCode()));
		return site;
	}

	/** The workstreams a site works on (those it has a project in), for a select. */
	public Map<String, String> siteWorkstreamOptions(long siteId) {
		Map<String, String> options = new LinkedHashMap<>();
		for (Workstream workstream : programme.workstreams()) {
			if (programme.project(siteId, workstream.code()).isPresent()) {
				options.put(workstream.code(), workstream.name());
			}
		}
		return options;
	}

	/** The page that asks why before a retirement, withdrawal, cancellation or removal; the form is "form". */
	public String reasonPage(Model model, String heading, String hint, String button, String action, String back) {
		model.addAttribute("heading", heading);
		model.addAttribute("hint", hint);
		model.addAttribute("button", button);
		model.addAttribute("action", action);
		model.addAttribute("back", back);
		return "programme/reason-form";
	}

	public Map<String, String> workstreamOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		programme.workstreams().forEach(w -> options.put(w.code(), w.name()));
		return options;
	}

	public static <E extends Enum<E>> Map<String, String> options(E[] values, java.util.function.Function<E, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), label.apply(value));
		}
		return options;
	}

	/**
	 * Makes a change from a form that passed its checks, and says whether it was made. A refusal by the programme's
	 * rules goes onto the form's errors; a stale edit keeps what was typed with the latest version, puts the conflict
	 * in the error summary and answers 409. Either way the caller shows the form again.
	 */
	public static boolean change(BindingResult result, Model model, HttpServletResponse response, Runnable change) {
		if (result.hasErrors()) {
			return false;
		}
		try {
			change.run();
			return true;
		}
		catch (Programme.StaleEdit ex) {
			Object form = result.getTarget();
			Object kept = ex.latest() != null && form instanceof VersionedForm<?> versioned
					? versioned.withVersion(ex.latest()) : form;
			stale(result.getObjectName(), kept == null ? new Object() : kept, model, response);
		}
		catch (Refused refused) {
			refused.rejectInto(result);
		}
		return false;
	}

	/** The typed values kept with the latest version, the conflict in the error summary, and 409. */
	static void stale(String name, Object keptForm, Model model, HttpServletResponse response) {
		BindingResult conflict = new BeanPropertyBindingResult(keptForm, name);
		conflict.reject("conflict", ProgrammeController.CONFLICT);
		model.addAttribute(name, keptForm);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, conflict);
		response.setStatus(HttpStatus.CONFLICT.value());
	}

	public static String strip(@Nullable String text) {
		return text == null ? "" : text.strip();
	}

	public static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
