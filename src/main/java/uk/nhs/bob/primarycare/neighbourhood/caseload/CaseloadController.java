package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlans;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;

/** A team's caseload, filtered, and a member's own work in the team. Members of the team only (audited). */
@Controller
@RequestMapping("/neighbourhood/teams/{siteCode}")
class CaseloadController implements NeighbourhoodPage {

	static final String VIEW_CASELOAD = "neighbourhood/caseload";

	static final String VIEW_MY_WORK = "neighbourhood/my-work";

	private final CarePlans carePlans;

	private final StaffUsers staffUsers;

	CaseloadController(CarePlans carePlans, StaffUsers staffUsers) {
		this.carePlans = carePlans;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/caseload")
	String caseload(@PathVariable String siteCode, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String keyworker,
			@RequestParam(required = false) @Nullable String overdue, Model model) {
		// a status that is not one of the list shows every open entry, as no filter does
		CaseloadStatus filter = Arrays.stream(CaseloadStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		CarePlans.CaseloadPage page = carePlans.caseload(siteCode, staffUsers.currentUser(), filter, keyworker,
				"true".equals(overdue));
		model.addAttribute("team", page.team());
		model.addAttribute("rows", page.rows());
		model.addAttribute("statusOptions", NeighbourhoodOptions.of(CaseloadStatus.values(), CaseloadStatus::label));
		model.addAttribute("keyworkerOptions", NeighbourhoodOptions.names(page.members()));
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("keyworker", keyworker == null ? "" : keyworker);
		model.addAttribute("overdue", "true".equals(overdue));
		return VIEW_CASELOAD;
	}

	@GetMapping("/my-work")
	String myWork(@PathVariable String siteCode, Model model) {
		CarePlans.MyWorkPage page = carePlans.myWork(siteCode, staffUsers.currentUser());
		model.addAttribute("team", page.team());
		model.addAttribute("work", page.work());
		return VIEW_MY_WORK;
	}

}
