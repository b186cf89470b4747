package uk.nhs.bob.primarycare.shared;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A template fragment rendered to a string by the same view machinery as a page (compiled expressions, bean
 * references, link building), so that what it renders can be kept. Links are written as the template gives them,
 * never with a session id, so the markup holds nothing of the request it was rendered for (a page that keeps such
 * markup keys it by everything the fragment reads, and renders its forms, which carry the session's CSRF token, on
 * each request, or keeps them as {@link Forms}: rendered with a stand-in for the token, which each request replaces
 * with its own).
 */
public final class RenderedFragment {

	/** Written where a kept form's CSRF token goes: random for each run of the application, never sent to anyone. */
	private static final String TOKEN_STAND_IN = "csrf-stand-in-" + UUID.randomUUID();

	private RenderedFragment() {
	}

	/**
	 * Forms rendered with a stand-in for the CSRF token, so that they can be kept like any other markup: the kept text
	 * holds no session's token, and the token of the request being answered is written between its {@link #parts}.
	 */
	public record Forms(String markup) {

		/** The markup between the places the CSRF token goes, in order: one more than the tokens written. */
		public List<String> parts() {
			return List.of(markup.split(Pattern.quote(TOKEN_STAND_IN), -1));
		}

	}

	/**
	 * The fragment's forms rendered with the stand-in where the request's CSRF token would be; the request's own token
	 * is put back afterwards, and never appears in what is returned.
	 */
	public static Forms renderForms(ViewResolver views, String fragment, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
			throw new IllegalStateException("Forms are kept only for a request with a CSRF token");
		}
		CsrfToken standIn = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), TOKEN_STAND_IN);
		@Nullable Object byParameterName = request.getAttribute(token.getParameterName());
		request.setAttribute(CsrfToken.class.getName(), standIn);
		request.setAttribute(token.getParameterName(), standIn);
		String markup;
		try {
			markup = write(views, fragment, model, request, response);
		}
		finally {
			request.setAttribute(CsrfToken.class.getName(), token);
			request.setAttribute(token.getParameterName(), byParameterName);
		}
		if (markup.contains(token.getToken())) {
			throw new IllegalStateException(fragment + " holds the session's CSRF token: it cannot be kept");
		}
		return new Forms(markup);
	}

	/** The fragment (a view name such as {@code "module/page-body :: body"}) rendered with the model. */
	public static String render(ViewResolver views, String fragment, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		String markup = write(views, fragment, model, request, response);
		if (markup.contains("name=\"_csrf\"")) {
			throw new IllegalStateException(fragment + " holds a form with the session's CSRF token: it cannot be kept");
		}
		return markup;
	}

	private static String write(ViewResolver views, String fragment, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			Locale locale = RequestContextUtils.getLocale(request);
			View view = views.resolveViewName(fragment, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + fragment);
			}
			Capture capture = new Capture(response);
			// the view keeps its variables as request attributes: the page rendered after this must not see them
			Map<String, @Nullable Object> before = new HashMap<>();
			request.getAttributeNames().asIterator().forEachRemaining(name -> before.put(name, request.getAttribute(name)));
			try {
				view.render(model, request, capture);
			}
			finally {
				List<String> after = Collections.list(request.getAttributeNames());
				after.stream().filter(name -> !before.containsKey(name)).forEach(request::removeAttribute);
				before.forEach((name, value) -> {
					if (request.getAttribute(name) != value) {
						request.setAttribute(name, value);
					}
				});
			}
			capture.writer.flush();
			return capture.out.toString();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + fragment, ex);
		}
	}

	/** Collects what the view writes; the real response's headers and status are left alone. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final StringWriter out = new StringWriter();

		private final PrintWriter writer = new PrintWriter(out);

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A fragment is written as characters");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setContentLengthLong(long length) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		@Override
		public String encodeURL(String url) {
			return url;
		}

		@Override
		public String encodeRedirectURL(String url) {
			return url;
		}

	}

}
