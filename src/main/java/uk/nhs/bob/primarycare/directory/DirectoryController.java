package uk.nhs.bob.primarycare.directory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for any signed-in user to browse the directory ({@link DirectoryPages}): the organisation structure, GP
 * practices and the service directory. Filters that arrive with values we do not know (an edited address) are
 * ignored and the page says so.
 */
@Controller
@RequestMapping("/directory")
class DirectoryController {

	static final String VIEW_OVERVIEW = "directory/overview";

	static final String VIEW_PRACTICES = "directory/practices";

	static final String VIEW_SERVICES = "directory/services";

	static final String VIEW_SERVICE = "directory/service";

	static final int PAGE_SIZE = DirectoryPages.PAGE_SIZE;

	private final DirectoryPages pages;

	DirectoryController(DirectoryPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "", "/" })
	String overview(Model model) {
		model.addAttribute("places", pages.overview());
		return VIEW_OVERVIEW;
	}

	@GetMapping("/practices")
	String practices(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String page, Model model) {
		model.addAllAttributes(pages.practices(q, place, page));
		return VIEW_PRACTICES;
	}

	@GetMapping("/services")
	String services(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String offer,
			@RequestParam(required = false) @Nullable String open,
			@RequestParam(required = false) @Nullable String page, Model model) {
		model.addAllAttributes(pages.services(q, type, place, offer, open, page));
		return VIEW_SERVICES;
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable String id, Model model) {
		model.addAllAttributes(pages.service(id));
		return VIEW_SERVICE;
	}

}
