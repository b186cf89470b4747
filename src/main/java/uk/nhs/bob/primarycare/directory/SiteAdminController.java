package uk.nhs.bob.primarycare.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateSiteCode;
import uk.nhs.bob.primarycare.directory.DirectoryAdministration.StaleEdit;

/** ICB administrators add neighbourhood sites and edit their name and Place. */
@Controller
@RequestMapping("/admin/directory/sites")
@PreAuthorize("hasRole('ICB_ADMIN')")
class SiteAdminController {

	static final String VIEW_FORM = "directory/site-form";

	static final String CONFLICT_MESSAGE = "Someone else saved changes to this neighbourhood site after you opened it, "
			+ "so your changes have not been saved. Your changes are still in the form below. Check the site's "
			+ "current details, then save again if you want yours to replace them.";

	private final Directory directory;

	private final DirectoryAdministration administration;

	private final CodeRecheck codeRecheck;

	SiteAdminController(Directory directory, DirectoryAdministration administration, CodeRecheck codeRecheck) {
		this.directory = directory;
		this.administration = administration;
		this.codeRecheck = codeRecheck;
	}

	/** {@code place} preselects the Place when the administrator came from that Place's section of the overview. */
	@GetMapping("/new")
	String newSite(@RequestParam(required = false) @Nullable String place, Model model) {
		String placeCode = place != null && directory.place(place).isPresent() ? place : null;
		model.addAttribute("form", SiteForm.empty(placeCode));
		return showForm(model, null);
	}

	@PostMapping
	String addSite(@Validated({ Default.class, Adding.class }) @ModelAttribute("form") SiteForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<SiteDetails> details = form.check(result, null);
		if (details.isEmpty()) {
			return showForm(model, null);
		}
		try {
			administration.addSite(details.get());
			redirect.addFlashAttribute("saved", "Neighbourhood site added: " + details.get().name());
			return redirectToOverview(details.get().placeCode());
		}
		catch (DuplicateSiteCode ex) {
			codeRecheck.takenMeanwhile(form, result);
			return showForm(model, null);
		}
	}

	@GetMapping("/{code}/edit")
	String editSite(@PathVariable String code, Model model) {
		SiteSummary site = find(code);
		long version = administration.siteVersion(site.code())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", SiteForm.of(site, version));
		return showForm(model, site);
	}

	@PostMapping("/{code}")
	String saveSite(@PathVariable String code, @Valid @ModelAttribute("form") SiteForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SiteSummary site = find(code);
		Optional<SiteDetails> details = form.check(result, site.code());
		if (details.isEmpty()) {
			return showForm(model, site);
		}
		try {
			if (!administration.editSite(form.expectedVersion(), details.get())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("saved", "Neighbourhood site saved: " + details.get().name());
			return redirectToOverview(details.get().placeCode());
		}
		catch (StaleEdit ex) {
			long latest = administration.siteVersion(site.code()).orElse(-1L);
			SiteForm kept = form.withVersion(latest);
			StaleEditResponse.show(kept, CONFLICT_MESSAGE, model, response);
			return showForm(model, find(code));
		}
	}

	private String showForm(Model model, @Nullable SiteSummary site) {
		model.addAttribute("site", site);
		Map<String, String> placeOptions = new LinkedHashMap<>();
		directory.places().forEach(p -> placeOptions.put(p.code(), p.name()));
		model.addAttribute("placeOptions", placeOptions);
		model.addAttribute("placeHint", site == null ? ""
				: "Moving the site to another Place moves its PCNs and practices with it, and changes which Place's "
						+ "staff can see their patients");
		return VIEW_FORM;
	}

	private SiteSummary find(String code) {
		return SiteForm.parseCode(code)
			.flatMap(directory::site)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static String redirectToOverview(String placeCode) {
		return "redirect:/directory#place-" + placeCode;
	}

}
