package uk.nhs.bob.primarycare.cvd;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.shared.KeptPages;

/**
 * The worklist page, rendered once for each value of what it shows and kept whole, so that a view does the reading
 * (with its scope check and the audit of everyone listed) but not the template work of a page it showed before. The key
 * is the page as this view read it ({@link WorklistPage}: the rows with their findings, outreach and owner, the count,
 * the filters and their options, the selection and the user), with the layout's user and roles and the language as
 * {@link KeptPages} adds them; so a change anywhere shows on the next view, on any instance. Its forms are written with
 * the token of the request being answered. A view after a bulk action (with its message) is rendered afresh.
 */
@Component
class KeptWorklistPages {

	/** About a hundred pages of 90,000 bytes. */
	static final long MAX_KEPT_BYTES = 10_000_000;

	private final KeptPages<WorklistPage> kept;

	KeptWorklistPages(ThymeleafViewResolver viewResolver) {
		this.kept = new KeptPages<>(viewResolver, WorklistController.VIEW, MAX_KEPT_BYTES);
	}

	/** The page for this view, whose model the page's own {@link WorklistPage#model()} is. */
	View view(WorklistPage page, Map<String, Object> model) {
		return kept.view(page, model);
	}

}
