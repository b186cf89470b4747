package uk.nhs.bob.primarycare.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a page's controller method by its path first. For a path with a variable (a request, a person, a care plan)
 * Spring MVC has no direct match and tries every one of the app's few hundred mappings in turn, checking the method,
 * parameters, headers, consumed and produced types (each asking whether the request is a CORS pre-flight, through
 * every request wrapper) before the path, which rules out all but one or two: a tenth of a request page's processor
 * time in JFR. A mapping matches only when all its conditions do, so checking the path first changes only the order.
 * Before the path's patterns, a plain path (nothing encoded, no path parameter) is compared with the literal start of
 * each pattern, which every path the pattern matches begins with: the patterns themselves were still a twelfth of a
 * request page.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

	@Bean
	WebMvcRegistrations pathFirstHandlerLookup() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}
		};
	}

	static class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

		/** The path being looked up on this thread, when it can be compared with patterns' literal starts as it is. */
		private static final ThreadLocal<@Nullable String> PLAIN_PATH = new ThreadLocal<>();

		/**
		 * Each mapping's patterns' literal starts (up to the first variable or wildcard), by the mapping itself (its own
		 * hash code is worked out over all its conditions on every call): built once the mappings are registered.
		 */
		private volatile Map<RequestMappingInfo, List<String>> literalStarts = Map.of();

		@Override
		public void afterPropertiesSet() {
			super.afterPropertiesSet();
			Map<RequestMappingInfo, List<String>> starts = new IdentityHashMap<>();
			getHandlerMethods().keySet().forEach(info -> starts.put(info, literalStarts(info)));
			literalStarts = Collections.unmodifiableMap(starts);
		}

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			// an encoded character or a path parameter is matched by the patterns after decoding: those paths are
			// compared by the patterns alone
			boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			PLAIN_PATH.set(plain ? lookupPath : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				PLAIN_PATH.remove();
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths != null) {
				String path = PLAIN_PATH.get();
				List<String> starts = path == null ? null : literalStarts.get(info);
				// a mapping registered later has none kept, and is compared by its patterns alone
				if (path != null && starts != null && !startsWithAny(path, starts)) {
					return null;
				}
				if (paths.getMatchingCondition(request) == null) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
		}

		private static boolean startsWithAny(String path, List<String> starts) {
			for (String start : starts) {
				if (path.startsWith(start)) {
					return true;
				}
			}
			return false;
		}

		static List<String> literalStarts(RequestMappingInfo info) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null) {
				return List.of("");
			}
			return paths.getPatterns().stream().map(pattern -> literalStart(pattern.getPatternString())).toList();
		}

		/** The pattern up to its first variable or wildcard, which every path it matches starts with. */
		static String literalStart(String pattern) {
			int end = pattern.length();
			for (char stop : new char[] { '{', '*', '?' }) {
				int at = pattern.indexOf(stop);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return pattern.substring(0, end);
		}

	}

}
