package uk.nhs.bob.primarycare.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement and privacy notice, linked from every page's footer and open to everyone. */
@Controller
class InformationPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "accessibility";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "privacy";
	}

}
