package uk.nhs.bob.primarycare.shared;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ViewResolver;

/**
 * One template fragment, rendered once for each value of its key and kept, so that a page does its reads (with their
 * scope checks and audit) on every view but not the template work of markup it rendered before. Any forms in it are
 * kept as {@link RenderedFragment.Forms}: with a stand-in for the CSRF token, which each request replaces with its own.
 * The key must hold everything the fragment shows, so a kept fragment is the one the request's own reads would render,
 * and a change anywhere shows on the next view, on any instance. Bounded by the characters kept: the least used are
 * dropped.
 *
 * @param <K> everything the fragment shows: a value (a record), compared by what it holds
 */
public final class KeptMarkup<K> {

	private final ViewResolver views;

	private final String fragment;

	private final Cache<K, RenderedFragment.Forms> kept;

	/**
	 * @param fragment the view name of the fragment, such as {@code "cvd/worklist-body :: page"}
	 * @param maxCharacters how much markup to keep in all
	 */
	public KeptMarkup(ViewResolver views, String fragment, long maxCharacters) {
		this.views = views;
		this.fragment = fragment;
		this.kept = Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.<K, RenderedFragment.Forms>weigher((key, forms) -> forms.markup().length())
			.build();
	}

	/**
	 * The fragment for this key, written with the CSRF token of the request being answered; rendered from the model
	 * when not already kept. The model must show nothing that the key does not hold.
	 */
	public String forRequest(K key, Map<String, ?> model) {
		ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		RenderedFragment.Forms forms = kept.getIfPresent(key);
		if (forms == null) {
			HttpServletResponse response = request.getResponse();
			if (response == null) {
				throw new IllegalStateException(fragment + " is rendered for a request");
			}
			forms = RenderedFragment.renderForms(views, fragment, model, request.getRequest(), response);
			kept.put(key, forms);
		}
		return forms.forRequest(request.getRequest());
	}

	/** How many fragments are kept. */
	public long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
