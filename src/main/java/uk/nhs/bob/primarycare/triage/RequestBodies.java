package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.shared.KeptPages;
import uk.nhs.bob.primarycare.shared.RenderedFragment;

/**
 * The request page's parts, each rendered once for each value of what it shows and kept, so that a view does the
 * reading (with its scope check and audit) but not the template work of markup it showed before.
 * <ul>
 * <li>The suggestion (the navigation's dispositions, each with the services of the person's Place that match it, and
 * the same services as the pick list's options): the key ({@link SuggestionKey}) is everything they are worked out
 * from, so that neither the matching nor the markup is done again while none of it changes. It holds no form and
 * nothing of the user.</li>
 * <li>The whole page ({@link KeptPages}): the key ({@link PageKey}) is the request by its id and version (every
 * change to a request's row goes through its version), and everything else the page's reads gave on this view, the
 * user's allowed actions among them; the layout's user and roles are added by {@link KeptPages}. Its forms are kept
 * with a stand-in for the CSRF token and written with the token of the request being answered.</li>
 * </ul>
 * A change anywhere therefore shows on the next view, on any instance. Bounded: the least used are dropped.
 */
@Component
class RequestBodies {

	static final int MAX_KEPT = 512;

	/** The request pages kept: about 400 pages of 24,000 bytes. */
	static final long MAX_KEPT_PAGE_BYTES = 10_000_000;

	/**
	 * Everything the suggestion is worked out from: the request by its id and version (its stored navigation, decided
	 * disposition, presenting problem and Place are in its row, and every change to the row goes through its
	 * version), the services of its Place as of the directory's data version, the minute (opening hours are kept in
	 * whole minutes, so whether a service is open, and when it next opens, is the same all through a minute), and the
	 * language its dates are written in.
	 */
	record SuggestionKey(UUID request, long requestVersion, long servicesVersion, LocalDateTime minute, Locale locale) {
	}

	/** The suggestion's markup, and the services it names as options for the pick list (id to label). */
	record Suggestion(String markup, Map<String, String> serviceOptions) {

		Suggestion {
			serviceOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serviceOptions));
		}

	}

	/**
	 * Everything the page shows below the layout when nothing is to be shown once: the request (its id and version
	 * stand for its row), the page's reads, what the user may do, the day's defaults and the suggestion's markup, and
	 * the language its dates are written in.
	 */
	record PageKey(Locale locale, UUID id, long version, @Nullable String practiceName, String hubName, RequestPage.@Nullable Link earlier,
			RequestPage.@Nullable Link chaser, List<PersonContextProvider.PersonContext> context,
			List<FollowUps.CallAttempt> calls, boolean followUpDue, NavigationRulePack.Outcome defaultOutcome,
			LocalDate defaultFollowUp, Map<String, String> serviceOptions, String suggestion, RequestPage.Actions actions) {
	}

	private final ThymeleafViewResolver viewResolver;

	private final Cache<SuggestionKey, Suggestion> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	private final KeptPages<PageKey> keptPages;

	RequestBodies(ThymeleafViewResolver viewResolver) {
		this.viewResolver = viewResolver;
		this.keptPages = new KeptPages<>(viewResolver, TriageQueueController.VIEW_REQUEST, MAX_KEPT_PAGE_BYTES);
	}

	/**
	 * The suggestion for what the key holds, worked out from the services matching each disposition shown (in the
	 * order shown) and rendered for the request being handled when not already kept.
	 */
	Suggestion suggestion(SuggestionKey key, Supplier<Navigation> navigation,
			Function<Navigation, Map<Disposition, List<TriageServices.ServiceChoice>>> matchingServices) {
		Suggestion found = kept.getIfPresent(key);
		if (found == null) {
			Navigation shown = navigation.get();
			Map<Disposition, List<TriageServices.ServiceChoice>> matching = matchingServices.apply(shown);
			found = new Suggestion(render(shown, matching), serviceOptions(matching));
			kept.put(key, found);
		}
		return found;
	}

	private String render(Navigation navigation, Map<Disposition, List<TriageServices.ServiceChoice>> matching) {
		ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletResponse response = request.getResponse();
		if (response == null) {
			throw new IllegalStateException("A request page is rendered for a request");
		}
		return RenderedFragment.render(viewResolver, "triage/request-body :: suggestion",
				Map.of("navigation", navigation, "matching", matching), request.getRequest(), response);
	}

	/** The services matching, each once, labelled with the last disposition it matches. */
	private static Map<String, String> serviceOptions(Map<Disposition, List<TriageServices.ServiceChoice>> matching) {
		Map<String, String> options = new java.util.LinkedHashMap<>();
		matching.forEach((disposition, choices) -> choices.forEach(c -> options.put(Long.toString(c.id()),
				c.name() + " (" + disposition.label() + (c.openNow() ? ", open now" : ", closed now") + ")")));
		return options;
	}

	/**
	 * The page as the model renders it, written with this request's CSRF token; rendered from the model when not
	 * already kept. The model must show nothing that the key does not hold.
	 */
	View page(PageKey key, Map<String, Object> model) {
		return keptPages.view(key, model);
	}

	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
