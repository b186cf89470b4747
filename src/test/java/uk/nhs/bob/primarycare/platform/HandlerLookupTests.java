package uk.nhs.bob.primarycare.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's handler lookup ({@link HandlerLookupConfiguration}) looks at a plain path's candidates (by its
 * first segment and each pattern's literal start) before the patterns, and leaves an encoded path, one with a path
 * parameter, and any path without exactly one match to Spring MVC's own lookup: each finds the controller method (with
 * its path variables) Spring MVC finds, a path no pattern starts finds none, and a method not allowed is refused as
 * Spring MVC refuses it.
 */
@IntegrationTest
class HandlerLookupTests {

	@Autowired
	RequestMappingHandlerMapping mapping;

	@Test
	void theMappingInUseIsThePathFirstOne() {
		assertThat(mapping).isInstanceOf(HandlerLookupConfiguration.PathFirstHandlerMapping.class);
	}

	@Test
	void aPatternsLiteralStartEndsAtItsFirstVariableOrWildcard() {
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.literalStart("/triage/requests/{id}/claim"))
			.isEqualTo("/triage/requests/");
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.literalStart("/nhsuk/**")).isEqualTo("/nhsuk/");
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.literalStart("/a?c")).isEqualTo("/a");
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.literalStart("/triage")).isEqualTo("/triage");
	}

	@Test
	void aPatternsFirstSegmentIsWholeOnlyWhenItIsLiteral() {
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("/triage/requests/{id}"))
			.isEqualTo("triage");
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("/triage")).isEqualTo("triage");
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("/tri{x}")).isNull();
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("/{x}/a")).isNull();
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("/")).isNull();
		assertThat(HandlerLookupConfiguration.PathFirstHandlerMapping.wholeFirstSegment("")).isNull();
	}

	@Test
	void aPathWithNoMethodOfItsOwnIsAnsweredAsSpringMvcAnswersIt() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/triage/requests/abc");
		ServletRequestPathUtils.parseAndCache(request);
		assertThatThrownBy(() -> mapping.getHandler(request)).isInstanceOf(HttpRequestMethodNotSupportedException.class);
		MockHttpServletRequest root = new MockHttpServletRequest("GET", "/");
		ServletRequestPathUtils.parseAndCache(root);
		assertThat(mapping.getHandler(root)).isNotNull();
		assertThat(root.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)).isNotNull();
		assertThat(handler("GET", "/triage/requests/abc/")).as("no trailing slash match").isNull();
	}

	@Test
	void plainEncodedAndParameterisedPathsFindTheSameMethod() throws Exception {
		for (String path : List.of("/triage/requests/abc", "/tri%61ge/requests/abc", "/triage;v=1/requests/abc")) {
			assertThat(handler("GET", path)).as(path).isEqualTo("TriageQueueController.request");
		}
		assertThat(handler("POST", "/triage/requests/abc/claim")).isEqualTo("RequestClaimController.claim");
		assertThat(handler("GET", "/population/people/9000000009")).isEqualTo("PeopleController.summary");
		assertThat(handler("GET", "/triage")).isEqualTo("TriageQueueController.queue");
		assertThat(handler("GET", "/no-such-page/abc")).isNull();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/triage/requests/abc");
		ServletRequestPathUtils.parseAndCache(request);
		mapping.getHandler(request);
		assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(java.util.Map.of("id", "abc"));
		assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE).toString())
			.isEqualTo("/triage/requests/{id}");
	}

	private @Nullable String handler(String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = mapping.getHandler(request);
		if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
			return null;
		}
		return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
	}

}
