package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs the axe-core accessibility engine (npm devDependency, installed by the build's {@code npm ci}) on the page a
 * browser shows, against the WCAG 2.0, 2.1 and 2.2 A and AA rules plus one main landmark, one h1 and heading order. WebDriver injects the script through DevTools,
 * so the page's Content-Security-Policy stays as strict as in production.
 */
public final class Accessibility {

	private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

	private Accessibility() {
	}

	/**
	 * The NHS.UK frontend (10.6.1) script for radios that reveal a conditional field sets {@code aria-expanded} on the
	 * radio inputs themselves, which ARIA 1.2 does not allow on role radio. That is the design system's component,
	 * not this project's markup, so exactly that finding is set aside; everything else on those radios is checked.
	 */
	private static boolean fromNhsUkConditionalReveal(Object rule, String html) {
		return "aria-allowed-attr".equals(rule) && html.contains("nhsuk-radios__input") && html.contains("aria-expanded")
				&& html.contains("aria-controls=\"conditional-");
	}

	/** The WCAG A/AA violations on the current page, as "rule-id: help (n nodes)". */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver browser) throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript(Files.readString(AXE));
		Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {
				    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
				    rules: { 'landmark-one-main': { enabled: true }, 'landmark-no-duplicate-main': { enabled: true },
				             'page-has-heading-one': { enabled: true }, 'heading-order': { enabled: true } } })
				  .then(r => done(r)).catch(e => done({ violations: [{ id: 'axe-error', help: String(e), nodes: [] }] }));
				
				""");
		List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
		return violations.stream().map(v -> {
			List<Map<String, Object>> nodes = ((List<Map<String, Object>>) v.get("nodes")).stream()
				.filter(node -> !fromNhsUkConditionalReveal(v.get("id"), String.valueOf(node.get("html"))))
				.toList();
			return nodes.isEmpty() ? null : v.get("id") + ": " + v.get("help") + " (" + nodes.size() + " nodes)";
		}).filter(java.util.Objects::nonNull).toList();
	}

}
