package uk.nhs.bob.primarycare.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's handler lookup ({@link HandlerLookupConfiguration}) compares a plain path with each pattern's
 * literal start before the pattern, and leaves an encoded path or one with a path parameter to the patterns alone: each
 * finds the controller method Spring MVC's own lookup finds, and a path no pattern starts finds none.
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
	void plainEncodedAndParameterisedPathsFindTheSameMethod() throws Exception {
		for (String path : List.of("/triage/requests/abc", "/tri%61ge/requests/abc", "/triage;v=1/requests/abc")) {
			assertThat(handler("GET", path)).as(path).isEqualTo("TriageQueueController.request");
		}
		assertThat(handler("POST", "/triage/requests/abc/claim")).isEqualTo("RequestClaimController.claim");
		assertThat(handler("GET", "/population/people/9000000009")).isEqualTo("PeopleController.summary");
		assertThat(handler("GET", "/triage")).isEqualTo("TriageQueueController.queue");
		assertThat(handler("GET", "/no-such-page/abc")).isNull();
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
