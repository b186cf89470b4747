package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The measures page: for the user's hub, or for their Place (all its hubs together or one of them), the last 8 ISO
 * weeks as a chart and a table. Aggregates only: no one can be identified from it.
 */
@Controller
class TriageMeasuresController {

	static final String VIEW = "triage/measures";

	static final int WEEKS = 8;

	/** A bar in the chart: x position, height and the value it shows. */
	record Bar(int x, int y, int height, String label, String cssClass) {
	}

	private final TriageMeasures measures;

	private final TriageOptions options;

	private final StaffUsers staffUsers;

	TriageMeasuresController(TriageMeasures measures, TriageOptions options, StaffUsers staffUsers) {
		this.measures = measures;
		this.options = options;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/triage/measures")
	String measures(@RequestParam(name = "site", required = false) @Nullable String site, Model model) {
		StaffUser user = staffUsers.currentUser();
		List<SiteSummary> sites = options.sitesFor(user);
		if (sites.isEmpty()) {
			throw new AccessDeniedException("Your scope covers no hub");
		}
		SiteSummary chosen = sites.stream().filter(s -> s.code().equals(site)).findFirst().orElse(null);
		List<String> codes = chosen != null ? List.of(chosen.code()) : sites.stream().map(SiteSummary::code).toList();
		String title = chosen != null ? chosen.name() : (sites.size() == 1 ? sites.get(0).name() : "All hubs in " + user.scopeName());
		List<TriageMeasures.WeekMeasures> weeks = measures.weekly(codes, LocalDate.now(ServiceDirectory.UK_TIME), WEEKS);
		Map<String, String> siteOptions = new LinkedHashMap<>();
		sites.forEach(s -> siteOptions.put(s.code(), s.name()));
		model.addAttribute("scopeTitle", title);
		model.addAttribute("sites", siteOptions);
		model.addAttribute("selected", chosen == null ? "" : chosen.code());
		model.addAttribute("weeks", weeks);
		model.addAttribute("bars", bars(weeks));
		return VIEW;
	}

	/** Two bars per week (away from general practice, right first time) on a 0 to 100% scale, 200 px high. */
	static List<Bar> bars(List<TriageMeasures.WeekMeasures> weeks) {
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			TriageMeasures.WeekMeasures week = weeks.get(i);
			int x = 50 + i * 70;
			bars.add(bar(x, week.awayPercent(), "triage-chart-bar-away"));
			bars.add(bar(x + 26, week.rightFirstTimePercent(), "triage-chart-bar-rft"));
		}
		return bars;
	}

	private static Bar bar(int x, @Nullable Integer percent, String cssClass) {
		int value = percent == null ? 0 : percent;
		int height = value * 2;
		return new Bar(x, 220 - height, height, percent == null ? "" : percent + "%", cssClass);
	}

}
