package uk.nhs.bob.primarycare.programme.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
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

	SitePage(Programme programme, ProgrammeViews views, ProgrammeAccess access, SiteTeams teams,
			PortfolioView portfolio, Directory directory, ProgrammeCalendar calendar) {
		this.programme = programme;
		this.views = views;
		this.access = access;
		this.teams = teams;
		this.portfolio = portfolio;
		this.directory = directory;
		this.calendar = calendar;
	}

	void fill(ProgrammeSite site, Model model) {
		LocalDate today = calendar.today();
		List<Cohort> cohorts = programme.cohorts();
		List<Workstream> workstreamList = programme.workstreams();
		List<Programme.EnrolmentRecord> enrolments = programme.enrolments(site.id());
		String placeName = programme.placeName(site.placeCode());
		model.addAttribute("site", views.site(site, today, cohorts, workstreamList, enrolments, placeName));
		model.addAttribute("siteEntity", site);
		model.addAttribute("members", teams.members(site.id()));
		model.addAttribute("milestones", portfolio.milestones(site.id(), today));
		model.addAttribute("risks", portfolio.risks(site.id()));
		model.addAttribute("canEdit", access.canEditPlace(site.placeCode()) && !site.retired());
		if (!model.containsAttribute("retireForm")) {
			model.addAttribute("retireForm", ReasonForm.of(site.version()));
		}
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
		model.addAttribute("cohortChoices", choices);
		model.addAttribute("cohortOptions", open);
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
