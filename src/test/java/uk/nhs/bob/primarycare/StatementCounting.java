package uk.nhs.bob.primarycare;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the SQL statements that one HTTP request runs, everything from the session read to the audit entry (with
 * datasource-proxy around the application's data source). A request sent with the {@link #HEADER} header has its
 * statements kept under the header's value; {@link #statementsOf(String)} reads them. Statements of other threads
 * (event listeners, scheduled jobs) are not counted; a JDBC batch counts once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	public static final String HEADER = "X-Test-Statement-Count";

	private static final Map<String, List<String>> STATEMENTS = new ConcurrentHashMap<>();

	private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource)
						.name(beanName)
						.afterQuery((execution, queries) -> {
							List<String> current = CURRENT.get();
							if (current != null) {
								current.add(queries.stream().map(QueryInfo::getQuery).findFirst().orElse("?"));
							}
						})
						.build();
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<Filter> statementCountingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(StatementCounting::count);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static void count(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String key = ((HttpServletRequest) request).getHeader(HEADER);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		List<String> statements = new ArrayList<>();
		CURRENT.set(statements);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
			STATEMENTS.put(key, statements);
		}
	}

	/**
	 * The statements (their SQL) run by the request sent with this key. The response can reach the client a moment
	 * before the request's last statements (the session's) have run, so this waits for the request to end.
	 */
	public static List<String> statementsOf(String key) {
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(until)) {
			List<String> statements = STATEMENTS.remove(key);
			if (statements != null) {
				return statements;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("No statement count for request " + key);
	}

}
