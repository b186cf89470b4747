package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.nhs.bob.primarycare.identity.SignInRefusedException;
import uk.nhs.bob.primarycare.identity.StaffSignIn;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * What happens after sign-in. Redirects are relative ({@code /path?query}), never built from the Host header a
 * client sent; a user whose password was reset goes to choose a new one first and is kept there until they have.
 */
final class SignInHandlers {

	private SignInHandlers() {
	}

	/** After sign-in: the page first asked for (its path and query only), or the start page. */
	static final class ReturnToSavedPage implements AuthenticationSuccessHandler {

		private final RequestCache requestCache = new HttpSessionRequestCache();

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException {
			String target = "/";
			SavedRequest saved = requestCache.getRequest(request, response);
			if (saved != null) {
				target = localPart(saved.getRedirectUrl());
				requestCache.removeRequest(request, response);
			}
			// back to the page where the person signed in again to confirm a change
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(StaffSignIn.RETURN_TO_ATTRIBUTE) instanceof String back) {
				session.removeAttribute(StaffSignIn.RETURN_TO_ATTRIBUTE);
				target = localPart(back);
			}
			if (mustChangePassword(authentication)) {
				target = StaffUsers.CHANGE_PASSWORD_PATH;
			}
			if (mustChooseAccess(authentication)) {
				target = StaffSignIn.CHOOSE_PATH;
			}
			response.sendRedirect(request.getContextPath() + target);
		}

		/** The path and query of a saved address, or the start page for anything that is not a plain local path. */
		static String localPart(@Nullable String url) {
			if (url == null) {
				return "/";
			}
			try {
				URI uri = URI.create(url);
				String path = uri.getRawPath();
				if (path == null || !path.startsWith("/") || path.startsWith("//")) {
					return "/";
				}
				return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
			}
			catch (IllegalArgumentException ex) {
				return "/";
			}
		}

	}

	static boolean mustChooseAccess(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> StaffSignIn.ACCESS_CHOICE_REQUIRED.equals(a.getAuthority()));
	}

	/**
	 * After a failed sign-in with an identity provider: a person whose sign-in gives no access here goes to the page
	 * that says so (with what the provider said); anything else (cancelled, the provider's error) back to sign-in.
	 */
	static final class ProviderSignInFailed implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			if (exception instanceof SignInRefusedException refused) {
				request.getSession().setAttribute(StaffSignIn.REFUSAL_ATTRIBUTE, refused.refusal());
				response.sendRedirect(request.getContextPath() + StaffSignIn.NO_ACCESS_PATH);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?providerError");
		}

	}

	/** Keeps a person who must choose their role (several scopes) on that page. */
	static final class AccessChoiceFirst extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (mustChooseAccess(SecurityContextHolder.getContext().getAuthentication())
					&& !path.equals(StaffSignIn.CHOOSE_PATH) && !path.equals("/logout") && !path.startsWith("/nhsuk/")
					&& !path.startsWith("/css/") && !path.startsWith("/js/") && !path.equals("/error")) {
				response.sendRedirect(request.getContextPath() + StaffSignIn.CHOOSE_PATH);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	static boolean mustChangePassword(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> StaffUsers.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
	}

	/** Keeps a user who must choose a new password on that page (sign-out and the page's assets still work). */
	static final class PasswordChangeFirst extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (mustChangePassword(SecurityContextHolder.getContext().getAuthentication())
					&& !path.equals(StaffUsers.CHANGE_PASSWORD_PATH) && !path.equals("/logout")
					&& !path.startsWith("/nhsuk/") && !path.startsWith("/css/") && !path.startsWith("/js/")
					&& !path.equals("/error")) {
				response.sendRedirect(request.getContextPath() + StaffUsers.CHANGE_PASSWORD_PATH);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
