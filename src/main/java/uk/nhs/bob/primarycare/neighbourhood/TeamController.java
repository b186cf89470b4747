package uk.nhs.bob.primarycare.neighbourhood;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.TeamForms.CohortForm;
import uk.nhs.bob.primarycare.neighbourhood.TeamForms.MemberForm;
import uk.nhs.bob.primarycare.neighbourhood.TeamForms.TeamForm;

/**
 * The teams overview, a team's page (members, cohort definitions, caseload counts), setting teams up and keeping
 * their members and cohort definitions. Counts only on these pages: people are on the member-only pages.
 */
@Controller
@RequestMapping("/neighbourhood")
class TeamController {

	static final String VIEW_OVERVIEW = "neighbourhood/overview";

	static final String VIEW_TEAM = "neighbourhood/team";

	static final String VIEW_TEAM_FORM = "neighbourhood/team-form";

	static final String VIEW_COHORT_FORM = "neighbourhood/cohort-form";

	static final String COHORT_CONFLICT = "Someone else saved this cohort definition after you opened it, so your "
			+ "changes have not been saved. Your changes are still in the form: check the definition on the team "
			+ "page, then save again if yours should replace it.";

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final CohortDefinitionRepository definitions;

	private final TeamAccess access;

	private final Directory directory;

	private final StaffUsers staffUsers;

	private final CaseloadCounting counting;

	private final JdbcClient jdbc;

	private final TeamMembers teamMembers;

	TeamController(TeamRepository teams, TeamMemberRepository members, CohortDefinitionRepository definitions,
			TeamAccess access, Directory directory, StaffUsers staffUsers, CaseloadCounting counting,
			JdbcClient jdbc, TeamMembers teamMembers) {
		this.teams = teams;
		this.members = members;
		this.definitions = definitions;
		this.access = access;
		this.directory = directory;
		this.staffUsers = staffUsers;
		this.counting = counting;
		this.jdbc = jdbc;
		this.teamMembers = teamMembers;
	}

	/** One row of the overview. */
	record SiteRow(SiteSummary site, @Nullable Team team, long members, long onCaseload, boolean canSetUp) {
	}

	@GetMapping
	String overview(Model model) {
		StaffUser user = staffUsers.currentUser();
		Set<String> memberOf = access.memberSites(user);
		if (memberOf.size() == 1 && !user.hasAnyRole(Role.ICB_ADMIN, Role.PLACE_DELIVERY, Role.CLINICAL_SUPERVISOR)) {
			return "redirect:/neighbourhood/teams/" + memberOf.iterator().next();
		}
		List<SiteRow> rows = access.visibleSites(user).stream().map(site -> {
			Team team = teams.findBySiteCode(site.code()).orElse(null);
			long memberCount = team == null ? 0 : members.findByTeamIdAndActiveTrueOrderByName(team.getId()).size();
			long onCaseload = team == null ? 0 : openCaseload(team);
			return new SiteRow(site, team, memberCount, onCaseload, team == null && access.canManageSite(user, site.code()));
		}).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("user", user);
		return VIEW_OVERVIEW;
	}

	private long openCaseload(Team team) {
		return jdbc.sql("SELECT count(*) FROM neighbourhood.caseload_entry WHERE team_id = ? AND status <> 'DISCHARGED'")
			.param(team.getId())
			.query(Long.class)
			.single();
	}

	@GetMapping("/teams/new")
	String newTeam(@ModelAttribute("form") TeamForm form, Model model) {
		return showTeamForm(model);
	}

	@PostMapping("/teams")
	String createTeam(@ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		Optional<String> name = form.check(errors);
		if (name.isPresent()) {
			String siteCode = form.siteCode().trim();
			if (directory.site(siteCode).isEmpty()) {
				errors.rejectValue("siteCode", "unknown", "Choose a neighbourhood site from the list");
			}
			else if (!access.canManageSite(user, siteCode)) {
				errors.rejectValue("siteCode", "scope", "You can only set up teams in your own Place");
			}
			else if (teams.findBySiteCode(siteCode).isPresent()) {
				errors.rejectValue("siteCode", "duplicate", "This neighbourhood site already has a team");
			}
		}
		if (errors.hasErrors()) {
			return showTeamForm(model);
		}
		Team team = teams.save(new Team(form.siteCode().trim(), name.get(), user.username()));
		redirect.addFlashAttribute("saved", "Team set up: " + team.getName() + ". Add its members next.");
		return "redirect:/neighbourhood/teams/" + team.getSiteCode();
	}

	private String showTeamForm(Model model) {
		StaffUser user = staffUsers.currentUser();
		if (!user.hasAnyRole(Role.ICB_ADMIN, Role.PLACE_DELIVERY)) {
			throw new AccessDeniedException("Only ICB administrators and Place delivery teams set up teams");
		}
		Map<String, String> sites = new LinkedHashMap<>();
		directory.sites()
			.stream()
			.filter(s -> access.canManageSite(user, s.code()) && teams.findBySiteCode(s.code()).isEmpty())
			.forEach(s -> sites.put(s.code(), s.name() + " (" + s.placeName() + ")"));
		model.addAttribute("siteOptions", sites);
		return VIEW_TEAM_FORM;
	}

	@GetMapping("/teams/{siteCode}")
	String team(@PathVariable String siteCode, Model model) {
		Team team = team(siteCode);
		StaffUser user = staffUsers.currentUser();
		if (!access.canSeeTeam(user, team)) {
			throw new AccessDeniedException("Not your team");
		}
		if (!model.containsAttribute("memberForm")) {
			model.addAttribute("memberForm", MemberForm.empty());
		}
		return showTeam(team, user, model);
	}

	private String showTeam(Team team, StaffUser user, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("site", directory.site(team.getSiteCode()).orElse(null));
		List<TeamMember> listed = members.findByTeamIdAndActiveTrueOrderByName(team.getId());
		model.addAttribute("members", listed);
		model.addAttribute("awaiting", teamMembers.awaitingAdministrator(listed));
		model.addAttribute("roles", roleOptions());
		if (access.canManage(user, team)) {
			model.addAttribute("staffOptions", teamMembers.candidates(team));
			Map<String, String> organisations = new LinkedHashMap<>();
			teamMembers.organisations(team).forEach((code, name) -> organisations.put(code, name + " (ODS " + code + ")"));
			model.addAttribute("organisationOptions", organisations);
		}
		model.addAttribute("definitions", definitions.findByTeamIdAndActiveTrueOrderByName(team.getId()));
		model.addAttribute("isMember", access.isMember(user, team));
		model.addAttribute("canManage", access.canManage(user, team));
		model.addAttribute("canConfigure", access.canConfigure(user, team));
		model.addAttribute("disciplines", disciplineOptions());
		model.addAttribute("counts", jdbc.sql("""
				SELECT status, count(*) FROM neighbourhood.caseload_entry WHERE team_id = ? GROUP BY status""")
			.param(team.getId())
			.query((rs, i) -> Map.entry(CaseloadStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		model.addAttribute("statuses", CaseloadStatus.values());
		model.addAttribute("lastCount", jdbc.sql("""
				SELECT week_starting, people_on_caseload, plans_agreed, reviews_overdue, counted_at
				FROM neighbourhood.caseload_count WHERE team_id = ? ORDER BY id DESC LIMIT 1""")
			.param(team.getId())
			.query((rs, i) -> new CaseloadCounted(team.getSiteCode(), rs.getObject(1, java.time.LocalDate.class),
					rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getTimestamp(5).toInstant()))
			.optional()
			.orElse(null));
		return VIEW_TEAM;
	}

	static Map<String, String> roleOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (TeamRole role : TeamRole.values()) {
			options.put(role.name(), role.label());
		}
		return options;
	}

	static Map<String, String> disciplineOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (Discipline d : Discipline.values()) {
			options.put(d.name(), d.label());
		}
		return options;
	}

	@PostMapping("/teams/{siteCode}/members")
	String addMember(@PathVariable String siteCode, @ModelAttribute("memberForm") MemberForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Team team = team(siteCode);
		StaffUser user = staffUsers.currentUser();
		requireManager(user, team);
		Set<String> staff = teamMembers.candidates(team)
			.keySet()
			.stream()
			.map(u -> u.toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet());
		Optional<TeamForms.NewMember> wanted = form.check(errors, staff, teamMembers.organisations(team));
		if (wanted.isPresent()) {
			try {
				TeamMember added = teamMembers.add(team, user, wanted.get());
				redirect.addFlashAttribute("saved", "Member added: " + added.getName()
						+ (wanted.get().email() != null ? ". Their account waits for an ICB administrator to complete "
								+ "it before they can sign in." : ""));
				return "redirect:/neighbourhood/teams/" + siteCode + "#members";
			}
			catch (TeamMembers.Refused ex) {
				errors.rejectValue(ex.field(), "refused", ex.getMessage());
			}
		}
		model.addAttribute("memberErrors", true);
		return showTeam(team, user, model);
	}

	@PostMapping("/teams/{siteCode}/members/{memberId}/remove")
	String removeMember(@PathVariable String siteCode, @PathVariable UUID memberId, RedirectAttributes redirect) {
		Team team = team(siteCode);
		requireManager(staffUsers.currentUser(), team);
		TeamMember member = members.findById(memberId)
			.filter(m -> m.getTeamId().equals(team.getId()) && m.isActive())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		member.leave();
		members.save(member);
		redirect.addFlashAttribute("saved", member.getName() + " has left the team (their past actions keep their name)");
		return "redirect:/neighbourhood/teams/" + siteCode + "#members";
	}

	@GetMapping("/teams/{siteCode}/cohorts/new")
	String newCohort(@PathVariable String siteCode, Model model) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		model.addAttribute("form", CohortForm.empty());
		return showCohortForm(team, null, model);
	}

	@PostMapping("/teams/{siteCode}/cohorts")
	String addCohort(@PathVariable String siteCode, @Valid @ModelAttribute("form") CohortForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		Optional<CohortCriteria> criteria = form.check(errors);
		if (criteria.isEmpty()) {
			return showCohortForm(team, null, model);
		}
		definitions.save(new CohortDefinition(team.getId(), criteria.get()));
		redirect.addFlashAttribute("saved", "Cohort definition added: " + criteria.get().name());
		return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
	}

	@GetMapping("/teams/{siteCode}/cohorts/{id}/edit")
	String editCohort(@PathVariable String siteCode, @PathVariable UUID id, Model model) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		CohortDefinition definition = definition(team, id);
		model.addAttribute("form", CohortForm.of(definition));
		return showCohortForm(team, definition, model);
	}

	@PostMapping("/teams/{siteCode}/cohorts/{id}")
	String saveCohort(@PathVariable String siteCode, @PathVariable UUID id, @Valid @ModelAttribute("form") CohortForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		CohortDefinition definition = definition(team, id);
		Optional<CohortCriteria> criteria = form.check(errors);
		if (criteria.isEmpty()) {
			return showCohortForm(team, definition, model);
		}
		try {
			if (definition.version() != form.expectedVersion()) {
				throw new ObjectOptimisticLockingFailureException(CohortDefinition.class, id);
			}
			definition.apply(criteria.get());
			definitions.saveAndFlush(definition);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			CohortDefinition latest = definition(team, id);
			CohortForm kept = new CohortForm(form.name(), form.minimumFrailty(), form.minimumLongTermConditions(),
					form.unplannedAdmissionRequired(), form.mostDeprivedQuintiles(), Long.toString(latest.version()),
					form.minimumAeAttendances(), form.register());
			BindingResult conflict = new org.springframework.validation.BeanPropertyBindingResult(kept, "form");
			conflict.reject("conflict", COHORT_CONFLICT);
			model.addAttribute("form", kept);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
			model.addAttribute("current", latest.describe());
			response.setStatus(HttpStatus.CONFLICT.value());
			return showCohortForm(team, latest, model);
		}
		redirect.addFlashAttribute("saved", "Cohort definition saved: " + criteria.get().name());
		return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
	}

	@PostMapping("/teams/{siteCode}/cohorts/{id}/retire")
	String retireCohort(@PathVariable String siteCode, @PathVariable UUID id, RedirectAttributes redirect) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		CohortDefinition definition = definition(team, id);
		definition.retire();
		definitions.save(definition);
		redirect.addFlashAttribute("saved", "Cohort definition removed: " + definition.criteria().name());
		return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
	}

	@PostMapping("/teams/{siteCode}/caseload-count")
	String countNow(@PathVariable String siteCode, RedirectAttributes redirect) {
		Team team = team(siteCode);
		requireConfigurer(staffUsers.currentUser(), team);
		CaseloadCounted counted = counting.count(team);
		redirect.addFlashAttribute("saved", "Caseload count published for the week starting "
				+ PlanText.date(counted.weekStarting()) + ": " + counted.peopleOnCaseload() + " on the caseload");
		return "redirect:/neighbourhood/teams/" + siteCode;
	}

	private String showCohortForm(Team team, @Nullable CohortDefinition definition, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("definition", definition);
		Map<String, String> frailty = new LinkedHashMap<>();
		frailty.put(FrailtyCategory.MILD.name(), "Mild frailty or worse (eFI above 0.12)");
		frailty.put(FrailtyCategory.MODERATE.name(), "Moderate or severe frailty (eFI above 0.24)");
		frailty.put(FrailtyCategory.SEVERE.name(), "Severe frailty (eFI above 0.36)");
		model.addAttribute("frailtyOptions", frailty);
		Map<String, String> quintiles = new LinkedHashMap<>();
		quintiles.put("1", "Most deprived 20% only (quintile 1, Core20)");
		quintiles.put("2", "Most deprived 40% (quintiles 1 and 2)");
		quintiles.put("3", "Most deprived 60% (quintiles 1 to 3)");
		quintiles.put("4", "Most deprived 80% (quintiles 1 to 4)");
		Map<String, String> registers = new LinkedHashMap<>();
		for (uk.nhs.bob.primarycare.population.Register register : uk.nhs.bob.primarycare.population.Register.values()) {
			registers.put(register.name(), register.title() + " (" + register.name() + ")");
		}
		model.addAttribute("registerOptions", registers);
		model.addAttribute("quintileOptions", quintiles);
		return VIEW_COHORT_FORM;
	}

	private CohortDefinition definition(Team team, UUID id) {
		return definitions.findById(id)
			.filter(d -> d.getTeamId().equals(team.getId()) && d.isActive())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void requireManager(StaffUser user, Team team) {
		if (!access.canManage(user, team)) {
			throw new AccessDeniedException("Only ICB administrators and the Place's delivery team manage members");
		}
	}

	private void requireConfigurer(StaffUser user, Team team) {
		if (!access.canConfigure(user, team)) {
			throw new AccessDeniedException("Only the team's members and those who set it up change its cohorts");
		}
	}

	private Team team(String siteCode) {
		return teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
