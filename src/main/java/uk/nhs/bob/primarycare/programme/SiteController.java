package uk.nhs.bob.primarycare.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintKind;

/**
 * Programme sites: the list, adding, editing and retiring one (its Place's delivery team or an administrator), its
 * page with its team, projects and history across cohorts, enrolment into an open cohort with room, withdrawing or
 * transferring an enrolment, and the site's change history.
 */
@Controller
@RequestMapping("/programme/sites")
class SiteController {

	static final String VIEW_LIST = "programme/sites";

	static final String VIEW_SITE = "programme/site";

	static final String VIEW_FORM = "programme/site-form";

	static final String VIEW_HISTORY = "programme/history";

	/** A cohort as the enrolment panel shows it: its status and room in the site's Place, and why it is closed. */
	public record CohortChoice(long id, String workstreamName, String name, String period, String status,
			int placesLeft, @Nullable String closedBecause) {
	}

	private final Programme programme;

	private final ProgrammeViews views;

	private final ProgrammeAccess access;

	private final ProgrammePages pages;

	private final SiteTeams teams;

	private final ChangeLog changes;

	private final Directory directory;

	private final ProgrammeCalendar calendar;

	SiteController(Programme programme, ProgrammeViews views, ProgrammeAccess access, ProgrammePages pages,
			SiteTeams teams, ChangeLog changes, Directory directory, ProgrammeCalendar calendar) {
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.pages = pages;
		this.teams = teams;
		this.changes = changes;
		this.directory = directory;
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
		if (form.placeCode() != null && directory.place(form.placeCode()).isPresent()) {
			access.checkPlace(form.placeCode());
		}
		Optional<Set<FootprintCode>> footprint = check(form, form.placeCode(), result);
		if (footprint.isPresent()) {
			try {
				ProgrammeSite site = programme.addSite(form.trimmedName(), form.placeCode(), form.trimmedDescription(),
						footprint.get());
				redirect.addFlashAttribute("saved", "Site added: " + site.name());
				return "redirect:/programme/sites/" + site.id();
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showForm(model, null);
	}

	@GetMapping("/{id}")
	String site(@PathVariable long id, Model model) {
		model.addAttribute("enrolForm", EnrolForm.empty());
		return showSite(pages.site(id), model);
	}

	@GetMapping("/{id}/edit")
	String editSite(@PathVariable long id, Model model) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		model.addAttribute("form", SiteForm.of(site));
		return showForm(model, site);
	}

	/** The Place of a site never changes (its enrolments were counted against it), whatever the form says. */
	@PostMapping("/{id}")
	String saveSite(@PathVariable long id, @Valid @ModelAttribute("form") SiteForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		Optional<Set<FootprintCode>> footprint = check(form, site.placeCode(), result);
		if (footprint.isPresent()) {
			try {
				programme.editSite(id, form.version(), form.trimmedName(), form.trimmedDescription(), footprint.get());
				redirect.addFlashAttribute("saved", "Site saved: " + form.trimmedName());
				return "redirect:/programme/sites/" + id;
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", new SiteForm(form.name(), site.placeCode(), form.footprint(),
						form.description(), pages.site(id).version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showForm(model, site);
	}

	@PostMapping("/{id}/retire")
	String retire(@PathVariable long id, @Valid @ModelAttribute("retireForm") ReasonForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		if (!result.hasErrors()) {
			try {
				programme.retireSite(id, form.version(), form.reason().strip());
				redirect.addFlashAttribute("saved", site.name() + " has left the programme");
				return "redirect:/programme/sites/" + id;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		model.addAttribute("enrolForm", EnrolForm.empty());
		return showSite(site, model);
	}

	@PostMapping("/{id}/enrolments")
	String enrol(@PathVariable long id, @Valid @ModelAttribute("enrolForm") EnrolForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		if (!result.hasErrors() && programme.cohort(form.cohortId()).isEmpty()) {
			result.rejectValue("cohortId", "unknown", "Choose the cohort to enrol the site into");
		}
		if (!result.hasErrors()) {
			try {
				programme.enrol(id, form.cohortId(), calendar.today());
				Cohort cohort = programme.cohort(form.cohortId()).orElseThrow();
				redirect.addFlashAttribute("saved", site.name() + " enrolled in " + programme.cohortName(cohort));
				return "redirect:/programme/sites/" + id;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showSite(site, model);
	}

	@PostMapping("/{id}/enrolments/{enrolmentId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long enrolmentId,
			@Valid @ModelAttribute("withdrawForm") ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		if (result.hasErrors()) {
			throw new Refused(null, "Enter why the site is withdrawn from the cohort");
		}
		programme.withdraw(id, enrolmentId, form.version(), form.reason().strip());
		redirect.addFlashAttribute("saved", site.name() + " withdrawn from the cohort");
		return "redirect:/programme/sites/" + id;
	}

	@PostMapping("/{id}/enrolments/{enrolmentId}/transfer")
	String transfer(@PathVariable long id, @PathVariable long enrolmentId,
			@Valid @ModelAttribute("transferForm") TransferForm form, BindingResult result,
			RedirectAttributes redirect) {
		ProgrammeSite site = pages.site(id);
		access.checkPlace(site.placeCode());
		if (result.hasErrors()) {
			throw new Refused(null, result.getAllErrors().get(0).getDefaultMessage());
		}
		Programme.EnrolmentRecord moved = programme.transfer(id, enrolmentId, form.version(), form.toCohortId(),
				form.reason().strip());
		Cohort cohort = programme.cohort(moved.cohortId()).orElseThrow();
		redirect.addFlashAttribute("saved", site.name() + " moved to " + programme.cohortName(cohort));
		return "redirect:/programme/sites/" + id;
	}

	@GetMapping("/{id}/history")
	String history(@PathVariable long id, Model model) {
		ProgrammeSite site = pages.site(id);
		model.addAttribute("siteId", site.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("history", changes.forSite(id));
		return VIEW_HISTORY;
	}

	private String showSite(ProgrammeSite site, Model model) {
		model.addAttribute("site", views.site(site, calendar.today()));
		model.addAttribute("siteEntity", site);
		model.addAttribute("members", teams.members(site.id()));
		model.addAttribute("canEdit", access.canEditPlace(site.placeCode()) && !site.retired());
		model.addAttribute("retireForm", model.containsAttribute("retireForm") ? model.getAttribute("retireForm")
				: ReasonForm.of(site.version()));
		List<CohortChoice> choices = new ArrayList<>();
		Map<String, String> open = new LinkedHashMap<>();
		Map<Long, Map<String, Integer>> counts = programme.enrolledCounts();
		Map<String, String> workstreams = pages.workstreamOptions();
		for (Cohort cohort : programme.cohorts()) {
			int enrolled = counts.getOrDefault(cohort.id(), Map.of()).getOrDefault(site.placeCode(), 0);
			int left = Math.max(0, cohort.maxSitesPerPlace() - enrolled);
			String closed = programme.whyNot(site, cohort, calendar.today()).orElse(null);
			choices.add(new CohortChoice(cohort.id(), workstreams.get(cohort.workstreamCode()), cohort.name(),
					ProgrammeViews.period(cohort), ProgrammeViews.status(cohort, calendar.today(), left), left, closed));
			if (closed == null) {
				open.put(String.valueOf(cohort.id()), workstreams.get(cohort.workstreamCode()) + ": " + cohort.name()
						+ " (" + ProgrammeViews.period(cohort) + ", " + left + (left == 1 ? " place" : " places")
						+ " left in " + programme.placeName(site.placeCode()) + ")");
			}
		}
		model.addAttribute("cohortChoices", choices);
		model.addAttribute("cohortOptions", open);
		// per active enrolment, the other cohorts of its workstream it could move to
		Map<Long, Map<String, String>> transfers = new LinkedHashMap<>();
		for (Programme.EnrolmentRecord enrolment : programme.enrolments(site.id())) {
			if (!enrolment.active()) {
				continue;
			}
			Cohort from = programme.cohort(enrolment.cohortId()).orElseThrow();
			Map<String, String> targets = new LinkedHashMap<>();
			for (Cohort cohort : programme.cohorts()) {
				if (cohort.workstreamCode().equals(from.workstreamCode()) && cohort.id() != from.id()
						&& !cohort.finished(calendar.today()) && cohort.maxSitesPerPlace() > 0) {
					targets.put(String.valueOf(cohort.id()), cohort.name() + " (" + ProgrammeViews.period(cohort) + ")");
				}
			}
			transfers.put(enrolment.id(), targets);
		}
		model.addAttribute("transferOptions", transfers);
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

	/** Checks every footprint code is a neighbourhood site or PCN of the site's Place. */
	private Optional<Set<FootprintCode>> check(SiteForm form, @Nullable String placeCode, BindingResult result) {
		boolean placeKnown = placeCode != null && directory.place(placeCode).isPresent();
		if (!result.hasFieldErrors("placeCode") && !placeKnown) {
			result.rejectValue("placeCode", "unknown", "Choose the Place");
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
					result.rejectValue("footprint", "unknown",
							code + " is not a neighbourhood site or PCN code in " + programme.placeName(placeCode));
					break;
				}
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(footprint);
	}

	private @Nullable String defaultPlace() {
		return directory.places().stream().map(PlaceSummary::code).filter(access::canEditPlace).findFirst().orElse(null);
	}

}
