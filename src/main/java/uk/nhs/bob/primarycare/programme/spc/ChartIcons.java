package uk.nhs.bob.primarycare.programme.spc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A measure's two icons (variation and assurance) as markup, drawn by the {@code iconPair} fragment of
 * {@code programme/charts.html} once for each combination and kept: there are a few dozen combinations, and drawing
 * them with the fragments on every render took three fragment calls and a score of expressions per measure (a site
 * page shows a measure's icons for each of its projects' measures, a portfolio for every site). The markup depends on
 * nothing but the three values, so it is the same on every instance and never goes stale.
 */
@Component("chartIcons")
class ChartIcons {

	private final ITemplateEngine templates;

	private final Map<Key, String> drawn = new ConcurrentHashMap<>();

	ChartIcons(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The icons of a measure's last judged week (no variation: not judged yet; no assurance: no target). */
	public String html(Spc.@Nullable PointType variation, @Nullable String letter, Spc.@Nullable Assurance assurance) {
		return drawn.computeIfAbsent(new Key(variation, letter == null ? "" : letter, assurance), this::draw);
	}

	private String draw(Key key) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("variation", key.variation());
		variables.put("letter", key.letter());
		variables.put("assurance", key.assurance());
		return templates.process("programme/charts", Set.of("iconPair"), new Context(Locale.UK, variables)).strip();
	}

	private record Key(Spc.@Nullable PointType variation, String letter, Spc.@Nullable Assurance assurance) {
	}

}
