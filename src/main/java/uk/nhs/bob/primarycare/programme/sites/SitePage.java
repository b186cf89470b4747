package uk.nhs.bob.primarycare.programme.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.shared.RenderedFragment;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.ReasonForm;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.portfolio.PortfolioView;

/**
 * The read model of a site's pages: the site with its projects, team, milestones, risks and issues, its enrolments
 * across cohorts, every cohort with its status, places left in the site's Place and why it is closed, the open
 * cohorts to enrol into and the cohorts an enrolment may move to; and the options of the site form.
 */
@Component
@Transactional(readOnly = true)
class SitePage {

	/** The part of the site page kept by {@link SiteBodies}. */
	static final String VIEW_BODY = "programme/site-body :: siteBody";

	/** A cohort as the enrolment panel shows it: its status and room in the site's Place, and why it is closed. */
	public record CohortChoice(long id, String workstreamName, String name, String period, String status,
			int placesLeft, @Nullable String closedBecause) {
	}

	private final Programme programme;

	private final ProgrammeViews views;

	private final ProgrammeAccess access;

	private final SiteTeams teams;

	private final PortfolioView portfolio;

	private final Directory directory;

	private final ProgrammeCalendar calendar;

	private final ProgrammePages pages;

	private final SiteBodies bodies;

	private final ThymeleafViewResolver viewResolver;

	SitePage(Programme programme, ProgrammeViews views, ProgrammeAccess access, SiteTeams teams,
			PortfolioView portfolio, Directory directory, ProgrammeCalendar calendar, ProgrammePages pages,
			SiteBodies bodies, ThymeleafViewResolver viewResolver) {
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.teams = teams;
		this.portfolio = portfolio;
		this.directory = directory;
		this.calendar = calendar;
		this.pages = pages;
		this.bodies = bodies;
		this.viewResolver = viewResolver;
	}

	/**
	 * The site page's model: the site's names, the user's right to edit and the forms, with the rest of the page
	 * rendered once per {@link SiteBodies.Key} (the programme's data version read first, then the site).
	 */
	SiteBodies.Key fill(long siteId, Model model, HttpServletRequest request, HttpServletResponse response) {
		long dataVersion = bodies.dataVersion();
		ProgrammeSite site = pages.site(siteId);
		LocalDate today = calendar.today();
		boolean canEdit = access.canEditPlace(site.placeCode()) && !site.retired();
		String placeName = programme.placeName(site.placeCode());
		String footprint = views.footprints(List.of(site)).get(site.id());
		SiteBodies.Key key = new SiteBodies.Key(dataVersion, site.id(), today, canEdit, placeName, footprint);
		SiteBodies.Body body = bodies.body(key, () -> render(site, today, canEdit, placeName, request, response));
		model.addAttribute("siteId", site.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("placeCode", site.placeCode());
		model.addAttribute("placeName", placeName);
		model.addAttribute("canEdit", canEdit);
		model.addAttribute("siteBody", body.html());
		model.addAttribute("cohortOptions", body.cohortOptions());
		if (!model.containsAttribute("retireForm")) {
			model.addAttribute("retireForm", ReasonForm.of(site.version()));
		}
		return key;
	}

	/**
	 * The site page as {@link #fill} reads it, kept whole by the same key ({@link SiteBodies#page}): everything it
	 * shows stands in the programme's data version and the site, with the user's right to edit, the day and the
	 * directory's names. A view with a message after a change is rendered afresh.
	 */
	View view(long siteId, Model model, HttpServletRequest request, HttpServletResponse response) {
		return bodies.page(fill(siteId, model, request, response), model.asMap());
	}

	/** The page's part kept by {@link SiteBodies}: everything but the back link, the banner and the forms. */
	private SiteBodies.Body render(ProgrammeSite site, LocalDate today, boolean canEdit, String placeName,
			HttpServletRequest request, HttpServletResponse response) {
		List<Cohort> cohorts = programme.cohorts();
		List<Workstream> workstreamList = programme.workstreams();
		List<Programme.EnrolmentRecord> enrolments = programme.enrolments(site.id());
		Map<String, Object> model = new HashMap<>();
		model.put("site", views.site(site, today, cohorts, workstreamList, enrolments, placeName));
		model.put("siteEntity", site);
		model.put("members", teams.members(site.id()));
		model.put("milestones", portfolio.milestones(site.id(), today));
		model.put("risks", portfolio.risks(site.id()));
		model.put("canEdit", canEdit);
		List<CohortChoice> choices = new ArrayList<>();
		Map<String, String> open = new LinkedHashMap<>();
		Map<Long, Map<String, Integer>> counts = programme.enrolledCounts();
		Map<String, String> workstreams = new LinkedHashMap<>();
		workstreamList.forEach(w -> workstreams.put(w.code(), w.name()));
		Map<Long, Cohort> cohortsById = new HashMap<>();
		cohorts.forEach(c -> cohortsById.put(c.id(), c));
		for (Cohort cohort : cohorts) {
			int enrolled = counts.getOrDefault(cohort.id(), Map.of()).getOrDefault(site.placeCode(), 0);
			int left = Math.max(0, cohort.maxSitesPerPlace() - enrolled);
			String closed = programme.whyNot(site, cohort, today, new Programme.EnrolmentFacts(enrolments, cohortsById,
					c -> c.name() + " of " + workstreams.getOrDefault(c.workstreamCode(), ""), enrolled, placeName))
				.orElse(null);
			choices.add(new CohortChoice(cohort.id(), workstreams.get(cohort.workstreamCode()), cohort.name(),
					ProgrammeViews.period(cohort), ProgrammeViews.status(cohort, today, left), left, closed));
			if (closed == null) {
				open.put(String.valueOf(cohort.id()), workstreams.get(cohort.workstreamCode()) + ": " + cohort.name()
						+ " (" + ProgrammeViews.period(cohort) + ", " + left + (left == 1 ? " place" : " places")
						+ " left in " + placeName + ")");
			}
		}
		model.put("cohortChoices", choices);
		return new SiteBodies.Body(RenderedFragment.render(viewResolver, VIEW_BODY, model, request, response),
				Collections.unmodifiableMap(open));
	}

	/** The other cohorts of the enrolment's workstream that have not finished and enrol sites. */
	Map<String, String> transferOptions(ProgrammeSite site, Programme.EnrolmentRecord enrolment) {
		LocalDate today = calendar.today();
		Cohort from = programme.cohort(enrolment.cohortId()).orElseThrow();
		Map<Long, Map<String, Integer>> counts = programme.enrolledCounts();
		Map<String, String> targets = new LinkedHashMap<>();
		for (Cohort cohort : programme.cohorts()) {
			if (cohort.workstreamCode().equals(from.workstreamCode()) && cohort.id() != from.id()
					&& !cohort.finished(today) && cohort.maxSitesPerPlace() > 0) {
				int left = Math.max(0, cohort.maxSitesPerPlace()
						- counts.getOrDefault(cohort.id(), Map.of()).getOrDefault(site.placeCode(), 0));
				targets.put(String.valueOf(cohort.id()), cohort.name() + " (" + ProgrammeViews.period(cohort) + ", "
						+ left + (left == 1 ? " place" : " places") + " left)");
			}
		}
		return targets;
	}

	/** The Places the user may add sites in, and the footprint codes of those Places, for the site form. */
	void formOptions(Model model) {
		Map<String, String> placeOptions = new LinkedHashMap<>();
		Map<String, String> codes = new LinkedHashMap<>();
		for (PlaceSummary place : directory.places()) {
			if (!access.canEditPlace(place.code())) {
				continue;
			}
			placeOptions.put(place.code(), place.name());
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
		model.addAttribute("placeOptions", placeOptions);
		model.addAttribute("footprintCodes", codes);
	}

	/** The first Place the user may add sites in. */
	@Nullable String defaultPlace() {
		return directory.places().stream().map(PlaceSummary::code).filter(access::canEditPlace).findFirst().orElse(null);
	}

}
