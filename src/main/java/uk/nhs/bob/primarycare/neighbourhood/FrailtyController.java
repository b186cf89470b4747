package uk.nhs.bob.primarycare.neighbourhood;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The frailty register in aggregate: how many people aged 65 and over are fit, mildly, moderately and severely frail
 * in each neighbourhood site of the user's scope (counts only), when it was last computed and with which rules; ICB
 * administrators can recompute it now.
 */
@Controller
@RequestMapping("/neighbourhood/frailty")
@PreAuthorize("hasAnyRole('ICB_ADMIN','PLACE_DELIVERY','CLINICAL_SUPERVISOR')")
class FrailtyController {

	private static final Logger log = LoggerFactory.getLogger(FrailtyController.class);

	static final String VIEW = "neighbourhood/frailty";

	private final FrailtyRegister register;

	private final TeamAccess access;

	private final StaffUsers staffUsers;

	private final JdbcClient jdbc;

	private final Executor background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "frailty-register-refresh");
		thread.setDaemon(true);
		return thread;
	});

	FrailtyController(FrailtyRegister register, TeamAccess access, StaffUsers staffUsers, JdbcClient jdbc) {
		this.register = register;
		this.access = access;
		this.staffUsers = staffUsers;
		this.jdbc = jdbc;
	}

	/** One site's counts by category. */
	record SiteCounts(SiteSummary site, Map<FrailtyCategory, Long> counts, long total) {

		public long count(FrailtyCategory category) {
			return counts.getOrDefault(category, 0L);
		}

	}

	@GetMapping
	String register(Model model) {
		StaffUser user = staffUsers.currentUser();
		Map<String, Map<FrailtyCategory, Long>> bySite = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT site_code, efi_category, count(*) FROM neighbourhood.frailty_profile
				WHERE efi_category IS NOT NULL GROUP BY site_code, efi_category""")
			.query((rs, i) -> {
				bySite.computeIfAbsent(rs.getString(1), s -> new LinkedHashMap<>())
					.put(FrailtyCategory.valueOf(rs.getString(2)), rs.getLong(3));
				return null;
			})
			.list();
		List<SiteCounts> rows = new ArrayList<>();
		for (SiteSummary site : access.visibleSites(user)) {
			Map<FrailtyCategory, Long> counts = bySite.getOrDefault(site.code(), Map.of());
			rows.add(new SiteCounts(site, counts, counts.values().stream().mapToLong(Long::longValue).sum()));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("categories", FrailtyCategory.values());
		model.addAttribute("last", register.lastRefresh().orElse(null));
		model.addAttribute("running", register.running());
		model.addAttribute("ruleVersion", register.ruleVersion());
		if (register.running()) {
			model.addAttribute("refreshSeconds", 5);
		}
		return VIEW;
	}

	@PostMapping("/refresh")
	@PreAuthorize("hasRole('ICB_ADMIN')")
	String refresh(RedirectAttributes redirect) {
		String username = staffUsers.currentUser().username();
		if (register.running()) {
			redirect.addFlashAttribute("saved", "The frailty register is already being recomputed");
			return "redirect:/neighbourhood/frailty";
		}
		background.execute(() -> {
			try {
				register.refresh(username);
			}
			catch (RuntimeException ex) {
				log.error("Frailty register refresh failed", ex);
			}
		});
		redirect.addFlashAttribute("saved", "Recomputing the frailty register: this page updates itself");
		return "redirect:/neighbourhood/frailty";
	}

}
