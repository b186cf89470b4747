package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

		/** The mappings whose every pattern starts with a whole first segment, by that segment. */
		private volatile Map<String, List<Candidate>> byFirstSegment = Map.of();

		/** The mappings with a pattern whose first segment is not wholly literal ("/{x}", "/**"). */
		private volatile List<Candidate> anyFirstSegment = List.of();

		/** A registered mapping, its controller method and its patterns' literal starts. */
		record Candidate(RequestMappingInfo info, HandlerMethod handler, List<String> starts) {
		}

		@Override
		public void afterPropertiesSet() {
			super.afterPropertiesSet();
			Map<RequestMappingInfo, List<String>> starts = new IdentityHashMap<>();
			Map<String, List<Candidate>> bySegment = new HashMap<>();
			List<Candidate> any = new ArrayList<>();
			getHandlerMethods().forEach((info, handler) -> {
				Candidate candidate = new Candidate(info, handler, literalStarts(info));
				starts.put(info, candidate.starts());
				Set<String> segments = new LinkedHashSet<>();
				for (String pattern : patterns(info)) {
					String segment = wholeFirstSegment(pattern);
					if (segment == null) {
						segments = null;
						break;
					}
					segments.add(segment);
				}
				if (segments == null) {
					any.add(candidate);
				}
				else {
					segments.forEach(segment -> bySegment.computeIfAbsent(segment, s -> new ArrayList<>()).add(candidate));
				}
			});
			literalStarts = Collections.unmodifiableMap(starts);
			bySegment.replaceAll((segment, list) -> List.copyOf(list));
			byFirstSegment = Map.copyOf(bySegment);
			anyFirstSegment = List.copyOf(any);
		}

		/**
		 * For a plain path, the mappings that could match are those of its first segment and those whose first segment
		 * is not literal: when exactly one of them matches, it is the one Spring MVC's scan of every mapping would find,
		 * and it is handled as Spring MVC handles its best match. Anything else (no match, so a 404, 405 or 415 is to be
		 * worked out; several; an encoded path) goes through Spring MVC's own lookup.
		 */
		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			// an encoded character or a path parameter is matched by the patterns after decoding: those paths are
			// compared by the patterns alone
			boolean plain = lookupPath.startsWith("/") && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			PLAIN_PATH.set(plain ? lookupPath : null);
			try {
				if (plain) {
					@Nullable Candidate only = onlyMatch(lookupPath, request);
					if (only != null) {
						RequestMappingInfo matched = getMatchingMapping(only.info(), request);
						if (matched != null) {
							request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, only.handler());
							handleMatch(matched, lookupPath, request);
							return only.handler();
						}
					}
				}
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				PLAIN_PATH.remove();
			}
		}

		/** The one mapping of the path's candidates that matches the request, if exactly one does. */
		private @Nullable Candidate onlyMatch(String path, HttpServletRequest request) {
			int end = path.indexOf('/', 1);
			String segment = path.substring(1, end < 0 ? path.length() : end);
			@Nullable Candidate found = null;
			for (List<Candidate> candidates : List.of(byFirstSegment.getOrDefault(segment, List.of()), anyFirstSegment)) {
				for (Candidate candidate : candidates) {
					if (startsWithAny(path, candidate.starts()) && getMatchingMapping(candidate.info(), request) != null) {
						if (found != null) {
							return null;
						}
						found = candidate;
					}
				}
			}
			return found;
		}

		private static List<String> patterns(RequestMappingInfo info) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			return paths == null ? List.of("") : paths.getPatternValues().stream().toList();
		}

		/** The pattern's first segment when it is wholly literal, as in "/cases/{id}" or "/cases". */
		static @Nullable String wholeFirstSegment(String pattern) {
			String start = literalStart(pattern);
			if (!start.startsWith("/")) {
				return null;
			}
			int end = start.indexOf('/', 1);
			if (end > 0) {
				return start.substring(1, end);
			}
			return start.equals(pattern) && start.length() > 1 ? start.substring(1) : null;
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
