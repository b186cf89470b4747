package uk.nhs.bob.primarycare.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Whole pages, layout and all, rendered once for each value of what they show and kept as encoded bytes, so that a
 * page does its reads (with their scope checks and audit) on every view but no template work for a page it rendered
 * before. The key the page gives holds everything its own part shows; the layout's part (the signed-in user's name and
 * the menu for their roles) and the language are added to it here, so a kept page is only ever served to the user it
 * shows. Its forms, the layout's sign-out form among them, are kept with a stand-in for the CSRF token, and each
 * request's own token is written in their place ({@link RenderedFragment#renderForms}).
 * <p>
 * A view that brings one-off content (flash attributes after a redirect: a message, a problem, what was typed) is
 * rendered afresh and not kept. Bounded by the bytes kept: the least used are dropped.
 *
 * @param <K> everything the page shows below the layout: a value (a record), compared by what it holds
 */
public final class KeptPages<K> {

	private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	/** What a kept page is kept by: the page's own key, the layout's user and roles, and the language. */
	private record Shown<K>(K page, String user, Set<String> authorities, Locale locale) {
	}

	private final ViewResolver views;

	private final String viewName;

	private final Cache<Shown<K>, Page> kept;

	/**
	 * @param viewName the page's view name, such as {@code "triage/request"}
	 * @param maxBytes how much encoded markup to keep in all
	 */
	public KeptPages(ViewResolver views, String viewName, long maxBytes) {
		this.views = views;
		this.viewName = viewName;
		this.kept = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.<Shown<K>, Page>weigher((key, page) -> page.size())
			.build();
	}

	/**
	 * The page for this key: the kept page written with this request's CSRF token, rendered from the model when not
	 * already kept, or the page's own view (rendering the model afresh) when this view brings flash attributes. The
	 * model must show nothing that the key, the user and their roles do not hold.
	 */
	public View view(K key, Map<String, ?> model) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		HttpServletResponse response = attributes.getResponse();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if ((flash != null && !flash.isEmpty()) || user == null || response == null) {
			return afresh(locale);
		}
		Shown<K> shown = new Shown<>(key, user.getName(),
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()),
				locale);
		Page page = kept.getIfPresent(shown);
		if (page == null) {
			page = Page.of(RenderedFragment.renderForms(views, viewName, model, request, response));
			kept.put(shown, page);
		}
		return page;
	}

	private View afresh(Locale locale) {
		try {
			View view = views.resolveViewName(viewName, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + viewName);
			}
			return view;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not resolve " + viewName, ex);
		}
	}

	/** How many pages are kept. */
	public long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

	/**
	 * A kept page: its markup encoded once, in the parts between the places a CSRF token goes, and written with the
	 * token of the request being answered.
	 */
	static final class Page implements View {

		private final List<byte[]> parts;

		private final int size;

		private Page(List<byte[]> parts) {
			this.parts = parts;
			this.size = parts.stream().mapToInt(part -> part.length).sum();
		}

		static Page of(RenderedFragment.Forms forms) {
			List<byte[]> parts = new ArrayList<>();
			forms.parts().forEach(part -> parts.add(part.getBytes(StandardCharsets.UTF_8)));
			return new Page(List.copyOf(parts));
		}

		int size() {
			return size;
		}

		@Override
		public String getContentType() {
			return HTML;
		}

		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
				throw new IllegalStateException("A kept page is written only for a request with a CSRF token");
			}
			byte[] tokenBytes = token.getToken().getBytes(StandardCharsets.UTF_8);
			// one write: each goes through the response wrappers of the session and security filters
			byte[] page = new byte[size + tokenBytes.length * (parts.size() - 1)];
			int at = 0;
			for (int i = 0; i < parts.size(); i++) {
				if (i > 0) {
					System.arraycopy(tokenBytes, 0, page, at, tokenBytes.length);
					at += tokenBytes.length;
				}
				byte[] part = parts.get(i);
				System.arraycopy(part, 0, page, at, part.length);
				at += part.length;
			}
			response.setContentType(HTML);
			response.setContentLength(page.length);
			response.getOutputStream().write(page);
		}

	}

}
