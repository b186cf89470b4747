package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.shared.RenderedFragment;

/**
 * The request page's suggestion (the navigation's dispositions, each with the services of the person's Place that
 * match it), rendered once for each value of what it shows and kept: the key is the navigation and the services as
 * this request reads them (the request's stored navigation, and the directory's services as of its data version, with
 * whether each is open now), so a change anywhere shows on the next view. It holds no form and nothing of the user.
 * Bounded: emptied when it holds too many.
 */
@Component
class RequestBodies {

	static final int MAX_KEPT = 512;

	/** Everything the suggestion shows. */
	record SuggestionKey(Navigation navigation, Map<Disposition, List<TriageServices.ServiceChoice>> matching) {
	}

	private final ThymeleafViewResolver viewResolver;

	private final Cache<SuggestionKey, String> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	RequestBodies(ThymeleafViewResolver viewResolver) {
		this.viewResolver = viewResolver;
	}

	/** The suggestion's markup, rendered for the request being handled when not already kept. */
	String suggestion(Navigation navigation, Map<Disposition, List<TriageServices.ServiceChoice>> matching) {
		SuggestionKey key = new SuggestionKey(navigation, matching);
		String markup = kept.getIfPresent(key);
		if (markup == null) {
			ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
			HttpServletResponse response = request.getResponse();
			if (response == null) {
				throw new IllegalStateException("A request page is rendered for a request");
			}
			markup = RenderedFragment.render(viewResolver, "triage/request-body :: suggestion",
					Map.of("navigation", navigation, "matching", matching), request.getRequest(), response);
			kept.put(key, markup);
		}
		return markup;
	}

	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
