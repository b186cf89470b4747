package uk.nhs.bob.primarycare.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as the templates give them. Spring Boot registers {@link ResourceUrlEncodingFilter}
 * whenever the static resource chain is on (it is, because the WebJars locator is present), and the filter then
 * searches the classpath for every link of every page; for a link to a page, never a static file, the miss is not
 * cached, so each render searched the jar once per link (62% of the processor time of a programme site page under
 * load, in JFR). The app uses no versioned resource URLs, and version-less WebJar paths (htmx) are resolved when
 * they are served, so the filter has nothing to rewrite.
 */
@Configuration(proxyBeanMethods = false)
class PageLinkConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
