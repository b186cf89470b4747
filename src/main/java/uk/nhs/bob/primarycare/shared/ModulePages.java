package uk.nhs.bob.primarycare.shared;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * What a module brings to the staff pages: its entries in the menu, its cards on the start page, who may open its
 * pages and which of them are public. Each module with pages declares one bean of this type; the platform builds the
 * menu, the start page and the page security from all of them, so it names no module's URLs itself.
 */
public interface ModulePages {

	/** Menu entries, shown to users holding any of each entry's roles. */
	default List<MenuEntry> menu() {
		return List.of();
	}

	/** Start-page cards, shown to users holding any of each card's roles. */
	default List<HomeCard> homeCards() {
		return List.of();
	}

	/**
	 * Who may open the module's pages, most specific rule first (the first rule that matches a request decides).
	 * Paths not covered fall to the platform's rule: any member of staff.
	 */
	default List<PageRule> pageRules() {
		return List.of();
	}

	/** Pages anyone may open without signing in, with no session kept (a public form, for example). */
	default List<String> publicPages() {
		return List.of();
	}

	/** The module's own stylesheets, by path under {@code static}, added to every page. */
	default List<String> stylesheets() {
		return List.of();
	}

	/**
	 * One menu entry: the section key a page names to be marked current, where it leads, its text, its place in the
	 * menu (lower first) and the roles that see it.
	 */
	record MenuEntry(String section, String path, String text, int order, Set<Role> roles) {

		public MenuEntry {
			roles = Set.copyOf(roles);
		}

	}

	/** One start-page card: where it leads, its title and description, its place (lower first) and who sees it. */
	record HomeCard(String path, String title, String description, int order, Set<Role> roles) {

		public HomeCard {
			roles = Set.copyOf(roles);
		}

	}

	/** Requests matching the patterns (and the method, when one is given) need one of the roles. */
	record PageRule(@Nullable HttpMethod method, List<String> patterns, Set<Role> roles) {

		public PageRule {
			patterns = List.copyOf(patterns);
			roles = Set.copyOf(roles);
			if (patterns.isEmpty() || roles.isEmpty()) {
				throw new IllegalArgumentException("A page rule needs at least one pattern and one role");
			}
		}

		public static PageRule of(Set<Role> roles, String... patterns) {
			return new PageRule(null, List.of(patterns), roles);
		}

		public static PageRule of(HttpMethod method, Set<Role> roles, String... patterns) {
			return new PageRule(method, List.of(patterns), roles);
		}

	}

}
