package uk.nhs.bob.primarycare.cvd;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CVD prevention dashboard (all staff roles, {@link DashboardPages}): CVDPREVENT-style indicators per Place, PCN
 * or practice, split by national IMD quintile and ethnic group, with SVG charts, and the impact estimate with every
 * assumption shown. Aggregate counts only: no one is identifiable.
 */
@Controller
class DashboardController {

	static final String VIEW = "cvd/dashboard";

	private final DashboardPages pages;

	DashboardController(DashboardPages pages) {
		this.pages = pages;
	}

	@GetMapping("/cvd/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String indicator,
			@RequestParam(required = false) @Nullable String area,
			@RequestParam(name = "impactPlace", required = false) @Nullable String impactPlace,
			@RequestParam Map<String, String> params, Model model) {
		model.addAllAttributes(pages.page(new DashboardPages.Query(level, indicator, area, impactPlace, params)));
		return VIEW;
	}

}
