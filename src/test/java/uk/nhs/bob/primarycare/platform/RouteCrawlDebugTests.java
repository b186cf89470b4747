package uk.nhs.bob.primarycare.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.RouteCatalog;

@IntegrationTest
@EnabledIfSystemProperty(named = "routes.debug", matches = "true")
class RouteCrawlDebugTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService users;

	@Test
	void crawl() {
		RouteCatalog.samples(mvc, users, RouteCatalog.routes(mapping)).forEach((k, v) -> System.out.println(k + " " + v));
	}

}
