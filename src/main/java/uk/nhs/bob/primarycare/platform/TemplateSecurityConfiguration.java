package uk.nhs.bob.primarycare.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;

/**
 * The {@code sec:authorize} expressions of the templates (the navigation, the start page's cards) are parsed once,
 * not on every render: the Thymeleaf Spring Security dialect asks the web expression handler to parse the
 * expression each time, which took about a sixth of a start page's processor time.
 */
@Configuration(proxyBeanMethods = false)
class TemplateSecurityConfiguration {

	/** Gives Spring Security's expression handlers (the dialect finds them in the context) a parser that keeps. */
	@Bean
	static BeanPostProcessor parsedOnceSecurityExpressions() {
		return BeanAdjustment.of(AbstractSecurityExpressionHandler.class,
				(handler, name) -> handler.setExpressionParser(new ParsedOnceExpressionParser()));
	}

	/** Keeps each parsed expression; the expressions are the fixed strings written in the templates. */
	static final class ParsedOnceExpressionParser implements ExpressionParser {

		/** More expressions than the templates hold means they are being built at run time: stop keeping them. */
		static final int MAX_KEPT = 500;

		private final SpelExpressionParser parser = new SpelExpressionParser();

		private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

		@Override
		public Expression parseExpression(String expressionString) throws ParseException {
			Expression expression = parsed.get(expressionString);
			if (expression == null) {
				expression = parser.parseExpression(expressionString);
				if (parsed.size() < MAX_KEPT) {
					parsed.put(expressionString, expression);
				}
			}
			return expression;
		}

		@Override
		public Expression parseExpression(String expressionString, ParserContext context) throws ParseException {
			return parser.parseExpression(expressionString, context);
		}

	}

}
