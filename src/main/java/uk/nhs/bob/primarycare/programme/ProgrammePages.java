package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
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

/**
 * What the programme's controllers share: finding what a URL names (404 when it is not there), the heading of a
 * project's pages, the options of the select lists, and showing a stale edit (409 with what was typed kept).
 */
@Component
class ProgrammePages {

	private final Programme programme;

	private final ProgrammeAccess access;

	ProgrammePages(Programme programme, ProgrammeAccess access) {
		this.programme = programme;
		this.access = access;
	}

	Project project(long projectId) {
		return programme.project(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	ProgrammeSite site(long siteId) {
		return programme.site(siteId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Puts the project's heading (site, Place, workstream, whether the user may change it) in the model. */
	Project describe(long projectId, Model model) {
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
	Project editable(long projectId, Model model) {
		Project project = describe(projectId, model);
		access.checkPlace(site(project.siteId()).placeCode());
		return project;
	}

	Map<String, String> workstreamOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		programme.workstreams().forEach(w -> options.put(w.code(), w.name()));
		return options;
	}

	static <E extends Enum<E>> Map<String, String> options(E[] values, java.util.function.Function<E, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), label.apply(value));
		}
		return options;
	}

	/** The typed values kept with the latest version, the conflict in the error summary, and 409. */
	static void stale(String name, Object keptForm, Model model, HttpServletResponse response) {
		BindingResult conflict = new BeanPropertyBindingResult(keptForm, name);
		conflict.reject("conflict", ProgrammeController.CONFLICT);
		model.addAttribute(name, keptForm);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, conflict);
		response.setStatus(HttpStatus.CONFLICT.value());
	}

	/** A plain decimal number within the column's range, or null. */
	static @Nullable BigDecimal number(@Nullable String text) {
		if (text == null || !text.strip().matches("-?\\d{1,10}(\\.\\d{1,4})?")) {
			return null;
		}
		return new BigDecimal(text.strip());
	}

	static String strip(@Nullable String text) {
		return text == null ? "" : text.strip();
	}

}
