package uk.nhs.bob.primarycare.programme;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintKind;

/** Programme sites: the list, adding and editing one (its Place's delivery team or an administrator), its page with
 * its history across cohorts and workstreams, and enrolment into a cohort. */
@Controller
@RequestMapping("/programme/sites")
class SiteController {

	static final String VIEW_LIST = "programme/sites";

	static final String VIEW_SITE = "programme/site";

	static final String VIEW_FORM = "programme/site-form";

	private final Programme programme;

	private final ProgrammeViews views;

	private final ProgrammeAccess access;

	private final Directory directory;

	SiteController(Programme programme, ProgrammeViews views, ProgrammeAccess access, Directory directory) {
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.directory = directory;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("sites", views.sites(null, ProgrammeController.today()));
		model.addAttribute("canAddSites", access.canAddSites());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newSite(@RequestParam(required = false) @Nullable String place, Model model) {
		if (!access.canAddSites()) {
			access.checkAdministrator();
		}
		String placeCode = place != null && access.canEditPlace(place) ? place : defaultPlace();
		model.addAttribute("form", SiteForm.empty(placeCode));
		return showForm(model, null);
	}

	@PostMapping
	String addSite(@Valid @ModelAttribute("form") SiteForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!access.canAddSites()) {
			access.checkAdministrator();
		}
		if (form.placeCode() != null && !form.placeCode().isBlank() && directory.place(form.placeCode()).isPresent()) {
			access.checkPlace(form.placeCode());
		}
		Optional<Set<FootprintCode>> footprint = check(form, result, null);
		if (footprint.isEmpty()) {
			return showForm(model, null);
		}
		ProgrammeSite site = programme.addSite(form.trimmedName(), form.placeCode(), form.trimmedDescription(),
				footprint.get());
		redirect.addFlashAttribute("saved", "Site added: " + site.name());
		return "redirect:/programme/sites/" + site.id();
	}

	@GetMapping("/{id}")
	String site(@PathVariable long id, Model model) {
		ProgrammeSite site = find(id);
		model.addAttribute("enrolForm", EnrolForm.empty());
		return showSite(site, model);
	}

	@GetMapping("/{id}/edit")
	String editSite(@PathVariable long id, Model model) {
		ProgrammeSite site = find(id);
		access.checkPlace(site.placeCode());
		model.addAttribute("form", SiteForm.of(site));
		return showForm(model, site);
	}

	@PostMapping("/{id}")
	String saveSite(@PathVariable long id, @Valid @ModelAttribute("form") SiteForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = find(id);
		access.checkPlace(site.placeCode());
		// the Place of a site does not change: enrolments were counted against it
		SiteForm kept = new SiteForm(form.name(), site.placeCode(), form.footprint(), form.description(),
				form.version());
		Optional<Set<FootprintCode>> footprint = check(kept, result, site.id());
		if (footprint.isEmpty()) {
			model.addAttribute("form", kept);
			return showForm(model, site);
		}
		try {
			programme.editSite(id, form.version(), kept.trimmedName(), kept.trimmedDescription(), footprint.get());
		}
		catch (Programme.StaleEdit ex) {
			ProgrammeController.stale(new SiteForm(kept.name(), kept.placeCode(), kept.footprint(),
					kept.description(), find(id).version()), model, response);
			return showForm(model, site);
		}
		redirect.addFlashAttribute("saved", "Site saved: " + kept.trimmedName());
		return "redirect:/programme/sites/" + id;
	}

	@PostMapping("/{id}/enrolments")
	String enrol(@PathVariable long id, @Valid @ModelAttribute("enrolForm") EnrolForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = find(id);
		access.checkPlace(site.placeCode());
		if (!result.hasErrors() && programme.cohort(form.cohort()).isEmpty()) {
			result.rejectValue("cohortId", "unknown", "Choose the cohort to enrol the site into");
		}
		if (!result.hasErrors()) {
			try {
				programme.enrol(id, form.cohort(), access.user().username(), ProgrammeController.today());
				Cohort cohort = programme.cohort(form.cohort()).orElseThrow();
				redirect.addFlashAttribute("saved", site.name() + " enrolled in " + cohort.name() + " of "
						+ programme.workstream(cohort.workstreamCode()).orElseThrow().name());
				return "redirect:/programme/sites/" + id;
			}
			catch (Programme.EnrolmentRefused refused) {
				result.rejectValue("cohortId", "refused", refused.getMessage());
			}
		}
		return showSite(site, model);
	}

	private String showSite(ProgrammeSite site, Model model) {
		model.addAttribute("site", views.site(site, ProgrammeController.today()));
		model.addAttribute("canEdit", access.canEditPlace(site.placeCode()));
		Map<String, String> cohortOptions = new LinkedHashMap<>();
		Map<String, String> workstreamNames = new LinkedHashMap<>();
		programme.workstreams().forEach(w -> workstreamNames.put(w.code(), w.name()));
		programme.cohorts()
			.stream()
			.filter(c -> c.maxSitesPerPlace() > 0)
			.forEach(c -> cohortOptions.put(String.valueOf(c.id()), workstreamNames.get(c.workstreamCode()) + ": "
					+ c.name() + " (" + ProgrammeViews.period(c) + ")"));
		model.addAttribute("cohortOptions", cohortOptions);
		return VIEW_SITE;
	}

	private String showForm(Model model, @Nullable ProgrammeSite site) {
		model.addAttribute("siteId", site == null ? null : site.id());
		model.addAttribute("siteName", site == null ? null : site.name());
		Map<String, String> placeOptions = new LinkedHashMap<>();
		directory.places()
			.stream()
			.filter(p -> access.canEditPlace(p.code()))
			.forEach(p -> placeOptions.put(p.code(), p.name()));
		model.addAttribute("placeOptions", placeOptions);
		Map<String, String> codes = new LinkedHashMap<>();
		for (PlaceSummary place : directory.places()) {
			if (!access.canEditPlace(place.code())) {
				continue;
			}
			for (SiteSummary s : directory.sites()) {
				if (s.placeCode().equals(place.code())) {
					codes.put(s.code(), s.name() + " (neighbourhood site, " + place.name() + ")");
				}
			}
			for (PcnSummary pcn : directory.pcns()) {
				if (pcn.placeCode().equals(place.code())) {
					codes.put(pcn.odsCode(), pcn.name() + " (PCN in " + pcn.siteName() + ")");
				}
			}
		}
		model.addAttribute("footprintCodes", codes);
		return VIEW_FORM;
	}

	/** Checks the name is free and every footprint code is a neighbourhood site or PCN of the site's Place. */
	private Optional<Set<FootprintCode>> check(SiteForm form, BindingResult result, @Nullable Long siteId) {
		String placeCode = form.placeCode();
		boolean placeKnown = placeCode != null && directory.place(placeCode).isPresent();
		if (!result.hasFieldErrors("placeCode") && !placeKnown) {
			result.rejectValue("placeCode", "unknown", "Choose the Place");
		}
		if (!result.hasFieldErrors("name") && programme.siteNameTaken(form.trimmedName(), siteId)) {
			result.rejectValue("name", "duplicate", "Another programme site already has this name: choose another");
		}
		Set<FootprintCode> footprint = new LinkedHashSet<>();
		if (!result.hasFieldErrors("footprint") && placeKnown) {
			for (String code : form.footprintCodes()) {
				Optional<SiteSummary> site = directory.site(code);
				Optional<PcnSummary> pcn = directory.pcn(code);
				if (site.isPresent() && site.get().placeCode().equals(placeCode)) {
					footprint.add(new FootprintCode(FootprintKind.SITE, code));
				}
				else if (pcn.isPresent() && pcn.get().placeCode().equals(placeCode)) {
					footprint.add(new FootprintCode(FootprintKind.PCN, code));
				}
				else {
					result.rejectValue("footprint", "unknown", code
							+ " is not a neighbourhood site or PCN code in " + programme.placeName(placeCode));
					break;
				}
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(footprint);
	}

	private @Nullable String defaultPlace() {
		return directory.places().stream().map(PlaceSummary::code).filter(access::canEditPlace).findFirst().orElse(null);
	}

	private ProgrammeSite find(long id) {
		return programme.site(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
