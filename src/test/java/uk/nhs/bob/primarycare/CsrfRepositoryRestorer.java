package uk.nhs.bob.primarycare;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.Filter;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Gives every security chain back the CSRF token store the application configured, after each test. Spring Security's
 * test {@code csrf()} helper replaces the store of the chain it posts through with a session-based one and never puts
 * it back, so one test posting to the public form with {@code csrf()} would make the stateless public chain create
 * sessions (and refuse cookie tokens) for every later test in the shared context. Registered for every test through
 * {@code META-INF/spring.factories}.
 */
public class CsrfRepositoryRestorer implements TestExecutionListener {

	private static final String FIELD = "tokenRepository";

	private static final Map<CsrfFilter, Object> configured = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

	@Override
	public void beforeTestMethod(TestContext testContext) {
		forEachCsrfFilter(testContext, filter -> configured.putIfAbsent(filter, current(filter)));
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		forEachCsrfFilter(testContext, filter -> {
			Object original = configured.get(filter);
			if (original != null && current(filter) != original) {
				ReflectionTestUtils.setField(filter, FIELD, original);
			}
		});
	}

	private static Object current(CsrfFilter filter) {
		Object repository = ReflectionTestUtils.getField(filter, FIELD);
		return repository instanceof CsrfTokenRepository ? repository : new Object();
	}

	private static void forEachCsrfFilter(TestContext testContext, java.util.function.Consumer<CsrfFilter> action) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		for (FilterChainProxy proxy : testContext.getApplicationContext()
			.getBeansOfType(FilterChainProxy.class)
			.values()) {
			for (SecurityFilterChain chain : proxy.getFilterChains()) {
				for (Filter filter : chain.getFilters()) {
					if (filter instanceof CsrfFilter csrf) {
						action.accept(csrf);
					}
				}
			}
		}
	}

}
