package uk.nhs.bob.primarycare.platform;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.nhs.bob.primarycare.identity.StaffUsers;

/** The sign-in page and the signed-in start page, which lists what the user's role can do. */
@Controller
class HomeController {

	static final String VIEW_HOME = "home";

	static final String VIEW_LOGIN = "login";

	private final StaffUsers staffUsers;

	HomeController(StaffUsers staffUsers) {
		this.staffUsers = staffUsers;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("user", staffUsers.currentUser());
		return VIEW_HOME;
	}

	@GetMapping("/login")
	String login() {
		return VIEW_LOGIN;
	}

}
