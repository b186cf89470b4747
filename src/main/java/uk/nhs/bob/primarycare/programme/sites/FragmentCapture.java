package uk.nhs.bob.primarycare.programme.sites;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A template fragment rendered to a string by the same view machinery as a page (compiled expressions, bean
 * references, link building), so that what it renders can be kept. Links are written as the template gives them,
 * never with a session id, so the markup holds nothing of the request it was rendered for.
 */
@Component
class FragmentCapture {

	private final ThymeleafViewResolver views;

	FragmentCapture(ThymeleafViewResolver views) {
		this.views = views;
	}

	String render(String fragment, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		try {
			Locale locale = RequestContextUtils.getLocale(request);
			View view = views.resolveViewName(fragment, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + fragment);
			}
			Capture capture = new Capture(response);
			view.render(model, request, capture);
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
