package uk.nhs.bob.primarycare.triage;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.directory.OpeningPeriod;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * A hub's settings, set by supervisors and administrators: the problems that always go to a clinical supervisor and
 * the hours the hub works. Every change is recorded and listed on the page; a code that is not a known problem, or a
 * time that is not real, is refused with the form kept as typed.
 */
@Controller
class HubSettingsController {

	static final String VIEW = "triage/hub-settings";

	/** One day's hours as typed: blank both for a day the hub is closed. */
	record DayHours(String day, String label, String opens, String closes) {
	}

	private final HubSettings settings;

	private final TriageOptions options;

	private final StaffUsers staffUsers;

	HubSettingsController(HubSettings settings, TriageOptions options, StaffUsers staffUsers) {
		this.settings = settings;
		this.options = options;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/triage/hub-settings")
	String settings(@RequestParam(name = "site", required = false) @Nullable String site, Model model) {
		SiteSummary hub = hub(site);
		show(hub, model, settings.supervisedProblems(hub.code()).stream().map(Enum::name).toList(),
				days(settings.hours(hub.code())));
		return VIEW;
	}

	private void show(SiteSummary hub, Model model, List<String> checked, List<DayHours> days) {
		model.addAttribute("hub", hub);
		model.addAttribute("problems", List.of(PresentingProblem.values()));
		model.addAttribute("checked", checked);
		model.addAttribute("days", days);
		model.addAttribute("history", settings.history(hub.code()));
	}

	@PostMapping("/triage/hub-settings")
	String save(@RequestParam(name = "site", required = false) @Nullable String site,
			@RequestParam(name = "problems", required = false) @Nullable List<String> problems,
			@RequestParam Map<String, String> fields, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		SiteSummary hub = hub(site);
		List<String> typed = problems == null ? List.of() : problems;
		Map<String, String> errors = new LinkedHashMap<>();
		Set<PresentingProblem> chosen = EnumSet.noneOf(PresentingProblem.class);
		for (String code : typed) {
			Optional<PresentingProblem> problem = java.util.Arrays.stream(PresentingProblem.values())
				.filter(p -> p.name().equals(code))
				.findFirst();
			if (problem.isEmpty()) {
				errors.put("problems", "Choose problems from the list: '" + code + "' is not one of them");
			}
			else {
				chosen.add(problem.get());
			}
		}
		List<DayHours> days = new ArrayList<>();
		List<OpeningPeriod> periods = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String key = day.name().toLowerCase(Locale.ROOT);
			String opens = fields.getOrDefault(key + "Opens", "").trim();
			String closes = fields.getOrDefault(key + "Closes", "").trim();
			DayHours typedDay = new DayHours(key, label(day), opens, closes);
			days.add(typedDay);
			if (opens.isEmpty() && closes.isEmpty()) {
				continue;
			}
			Optional<OpeningPeriod> period = HubSettings.period(day, opens, closes);
			if (period.isEmpty()) {
				errors.put(key + "Opens", label(day) + ": enter the opening and closing times on a 24-hour clock, "
						+ "like 08:00 and 18:30, closing after opening (leave both blank when closed)");
			}
			else {
				periods.add(period.get());
			}
		}
		if (!errors.isEmpty()) {
			show(hub, model, typed, days);
			model.addAttribute("errors", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		String username = staffUsers.currentUser().username();
		settings.setSupervisedProblems(hub.code(), chosen, username);
		settings.setHours(hub.code(), new OpeningHours(periods), username);
		redirect.addFlashAttribute("message", "Hub settings saved");
		return "redirect:/triage/hub-settings?site=" + hub.code();
	}

	static List<DayHours> days(OpeningHours hours) {
		List<DayHours> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<OpeningPeriod> on = hours.on(day);
			days.add(new DayHours(day.name().toLowerCase(Locale.ROOT), label(day),
					on.isEmpty() ? "" : OpeningPeriod.format(on.get(0).opens()),
					on.isEmpty() ? "" : OpeningPeriod.format(on.get(on.size() - 1).closes())));
		}
		return days;
	}

	private static String label(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.UK);
	}

	private SiteSummary hub(@Nullable String site) {
		StaffUser user = staffUsers.currentUser();
		if (!TriageRoles.supervises(user)) {
			throw new AccessDeniedException("Only clinical supervisors and administrators change hub settings");
		}
		List<SiteSummary> sites = options.sitesFor(user);
		return sites.stream()
			.filter(s -> s.code().equals(site))
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("Choose a hub in your scope"));
	}

}
