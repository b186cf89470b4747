package uk.nhs.bob.primarycare.programme.sites;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.ReasonForm;

/**
 * Programme sites: the list, adding, editing and retiring one (its Place's delivery team or an administrator), its
 * page with its team, projects, portfolio and history across cohorts, and the site's change history. Enrolments are
 * {@link EnrolmentController}'s.
 */
@Controller
@RequestMapping("/programme/sites")
class SiteController {

	static final String VIEW_LIST = "programme/sites";

	static final String VIEW_SITE = "programme/site";

	static final String VIEW_FORM = "programme/site-form";

	static final String VIEW_HISTORY = "programme/history";

	private final Programme programme;

	private final ProgrammeViews views;

	private final ProgrammeAccess access;

	private final ProgrammePages pages;

	private final SitePage sitePage;

	private final ChangeLog changes;

	private final ProgrammeCalendar calendar;

	SiteController(Programme programme, ProgrammeViews views, ProgrammeAccess access, ProgrammePages pages,
			SitePage sitePage, ChangeLog changes, ProgrammeCalendar calendar) {
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.pages = pages;
		this.sitePage = sitePage;
		this.changes = changes;
		this.calendar = calendar;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("sites", views.sites(null, calendar.today()));
		model.addAttribute("canAddSites", access.canAddSites());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newSite(@RequestParam(required = false) @Nullable String place, Model model) {
		String placeCode = place != null && access.canEditPlace(place) ? place : sitePage.defaultPlace();
		model.addAttribute("form", SiteForm.empty(placeCode));
		return showForm(null, model);
	}

	@PostMapping
	String addSite(@Valid @ModelAttribute("form") SiteForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite[] added = new ProgrammeSite[1];
		if (ProgrammePages.change(result, model, response, () -> added[0] = programme.addSite(form.draft()))) {
			redirect.addFlashAttribute("saved", "Site added: " + added[0].name());
			return "redirect:/programme/sites/" + added[0].id();
		}
		return showForm(null, model);
	}

	@GetMapping("/{id}")
	View site(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("enrolForm", EnrolForm.empty());
		return sitePage.view(id, model, request, response);
	}

	@GetMapping("/{id}/edit")
	String editSite(@PathVariable long id, Model model) {
		model.addAttribute("form", SiteForm.of(pages.site(id)));
		return showForm(id, model);
	}

	/** The Place of a site never changes (its enrolments were counted against it), whatever the form says. */
	@PostMapping("/{id}")
	String saveSite(@PathVariable long id,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") SiteForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		pages.site(id);
		if (ProgrammePages.change(result, model, response,
				() -> programme.editSite(id, form.version(), form.draft()))) {
			redirect.addFlashAttribute("saved", "Site saved: " + form.trimmedName());
			return "redirect:/programme/sites/" + id;
		}
		return showForm(id, model);
	}

	@PostMapping("/{id}/retire")
	String retire(@PathVariable long id, @Valid @ModelAttribute("retireForm") ReasonForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		ProgrammeSite site = pages.site(id);
		if (ProgrammePages.change(result, model, response,
				() -> programme.retireSite(id, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", site.name() + " has left the programme");
			return "redirect:/programme/sites/" + id;
		}
		access.checkPlace(site.placeCode());
		model.addAttribute("enrolForm", EnrolForm.empty());
		sitePage.fill(id, model, request, response);
		return VIEW_SITE;
	}

	@GetMapping("/{id}/history")
	String history(@PathVariable long id, Model model) {
		ProgrammeSite site = pages.site(id);
		model.addAttribute("siteId", site.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("history", changes.forSite(id));
		return VIEW_HISTORY;
	}

	private String showForm(@Nullable Long id, Model model) {
		if (id == null) {
			if (!access.canAddSites()) {
				access.checkAdministrator();
			}
		}
		else {
			ProgrammeSite site = pages.site(id);
			access.checkPlace(site.placeCode());
			model.addAttribute("siteName", site.name());
		}
		model.addAttribute("siteId", id);
		sitePage.formOptions(model);
		return VIEW_FORM;
	}

}
