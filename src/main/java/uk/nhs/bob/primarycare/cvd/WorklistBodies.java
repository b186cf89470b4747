package uk.nhs.bob.primarycare.cvd;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.shared.KeptMarkup;

/**
 * The worklist page below its messages, rendered once for each value of what it shows and kept, so that a view does
 * the reading (with its scope check and the audit of everyone listed) but not the template work of a page it showed
 * before. The key is the page as this view read it ({@link WorklistPage}: the rows with their findings, outreach and
 * owner, the count, the filters and their options, the selection and the user) and the language; so a change anywhere
 * shows on the next view, on any instance. Its forms are written with the token of the request being answered.
 */
@Component
class WorklistBodies {

	/** About a hundred pages of 80,000 characters. */
	static final long MAX_KEPT_CHARACTERS = 8_000_000;

	/** Everything the kept part shows. */
	record Key(Locale locale, WorklistPage page) {
	}

	private final KeptMarkup<Key> kept;

	WorklistBodies(ThymeleafViewResolver viewResolver) {
		this.kept = new KeptMarkup<>(viewResolver, "cvd/worklist-body :: page", MAX_KEPT_CHARACTERS);
	}

	/** The part for this page, whose model the page's own {@link WorklistPage#model()} is. */
	String body(WorklistPage page, Map<String, Object> model) {
		return kept.forRequest(new Key(LocaleContextHolder.getLocale(), page), model);
	}

	long size() {
		return kept.size();
	}

}
