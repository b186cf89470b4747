package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.ModulePages.HomeCard;
import uk.nhs.bob.primarycare.shared.ModulePages.MenuEntry;
import uk.nhs.bob.primarycare.shared.ModulePages.PageRule;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Every module's pages as the modules declare them ({@link ModulePages}): the menu and start page for a signed-in
 * user's roles (read by the layout as {@code @modulePageRegistry}), the page rules and public pages for the security
 * configuration, and the modules' stylesheets.
 */
@Component
public class ModulePageRegistry {

	private final List<MenuEntry> menu;

	private final List<HomeCard> cards;

	private final List<PageRule> rules;

	private final List<String> publicPages;

	private final List<String> stylesheets;

	/** Menus and cards by the set of roles held: a handful of role combinations exist, each worked out once. */
	private final Map<Set<Role>, List<MenuEntry>> menuByRoles = new ConcurrentHashMap<>();

	private final Map<Set<Role>, List<HomeCard>> cardsByRoles = new ConcurrentHashMap<>();

	/** The layout's menu by roles held and current section: a few dozen combinations, each worked out once. */
	private final Map<NavigationKey, List<NavItem>> navigationByRolesAndSection = new ConcurrentHashMap<>();

	/** Sections are the fixed names the templates pass; more than this means they are built at run time. */
	static final int MAX_NAVIGATIONS_KEPT = 500;

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	ModulePageRegistry(List<ModulePages> modules) {
		this.menu = modules.stream()
			.flatMap(module -> module.menu().stream())
			.sorted(Comparator.comparingInt(MenuEntry::order))
			.toList();
		this.cards = modules.stream()
			.flatMap(module -> module.homeCards().stream())
			.sorted(Comparator.comparingInt(HomeCard::order))
			.toList();
		this.rules = modules.stream().flatMap(module -> module.pageRules().stream()).toList();
		this.publicPages = modules.stream().flatMap(module -> module.publicPages().stream()).toList();
		this.stylesheets = modules.stream().flatMap(module -> module.stylesheets().stream()).distinct().toList();
	}

	/** The menu entries the signed-in user's roles may see, in menu order. */
	public List<MenuEntry> menuFor(@Nullable Authentication authentication) {
		return menuByRoles.computeIfAbsent(rolesOf(authentication),
				roles -> menu.stream().filter(entry -> holdsAny(roles, entry.roles())).toList());
	}

	/**
	 * What the layout's header shows, worked out in one call rather than by the template: whether someone is signed
	 * in (as Spring Security's {@code isAuthenticated()}), their name, and the menu for their roles with the page's
	 * section marked current. The home entry comes first.
	 */
	public Navigation navigation(@Nullable Authentication authentication, @Nullable String section) {
		if (authentication == null || !TRUST.isAuthenticated(authentication)) {
			return Navigation.SIGNED_OUT;
		}
		NavigationKey key = new NavigationKey(rolesOf(authentication), section == null ? "" : section);
		List<NavItem> items = navigationByRolesAndSection.get(key);
		if (items == null) {
			items = navItems(menuFor(authentication), key.section());
			if (navigationByRolesAndSection.size() < MAX_NAVIGATIONS_KEPT) {
				navigationByRolesAndSection.put(key, items);
			}
		}
		return new Navigation(true, authentication.getName(), items);
	}

	private static List<NavItem> navItems(List<MenuEntry> entries, String section) {
		List<NavItem> items = new ArrayList<>(entries.size() + 1);
		items.add(NavItem.of(HOME, "/", "Home", section));
		entries.forEach(entry -> items.add(NavItem.of(entry.section(), entry.path(), entry.text(), section)));
		return List.copyOf(items);
	}

	/** The start page's section. */
	static final String HOME = "home";

	/** The header of a page: signed in or not, who, and the menu (empty when signed out). */
	public record Navigation(boolean signedIn, String userName, List<NavItem> items) {

		static final Navigation SIGNED_OUT = new Navigation(false, "", List.of());

	}

	/**
	 * One menu entry as the layout writes it: the link, its text and whether it is the current page's section; the
	 * item's class is given whole, so the template has no expression to build it.
	 */
	public record NavItem(String path, String text, boolean current, String itemClass) {

		static NavItem of(String key, String path, String text, String section) {
			boolean current = key.equals(section);
			return new NavItem(path, text, current, current
					? "nhsuk-header__navigation-item nhsuk-header__navigation-item--current"
					: "nhsuk-header__navigation-item");
		}

	}

	private record NavigationKey(Set<Role> roles, String section) {
	}

	/** The start-page cards the signed-in user's roles may see, in order. */
	public List<HomeCard> cardsFor(@Nullable Authentication authentication) {
		return cardsByRoles.computeIfAbsent(rolesOf(authentication),
				roles -> cards.stream().filter(card -> holdsAny(roles, card.roles())).toList());
	}

	/** Each module's page rules, each module's most specific first. */
	List<PageRule> pageRules() {
		return rules;
	}

	List<String> publicPages() {
		return publicPages;
	}

	public List<String> stylesheets() {
		return stylesheets;
	}

	private static boolean holdsAny(Set<Role> held, Set<Role> needed) {
		return needed.stream().anyMatch(held::contains);
	}

	static Set<Role> rolesOf(@Nullable Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (authentication == null || !authentication.isAuthenticated()) {
			return roles;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
