package uk.nhs.bob.primarycare.platform;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.ModulePages.HomeCard;
import uk.nhs.bob.primarycare.shared.ModulePages.MenuEntry;
import uk.nhs.bob.primarycare.shared.ModulePages.PageRule;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Menus and cards are put in order across modules and shown to the roles that hold any of an entry's roles. */
class ModulePageRegistryTests {

	private final ModulePages first = new ModulePages() {
		@Override
		public List<MenuEntry> menu() {
			return List.of(new MenuEntry("b", "/b", "B", 20, Set.of(Role.CARE_COORDINATOR)));
		}

		@Override
		public List<HomeCard> homeCards() {
			return List.of(new HomeCard("/b", "B", "", 20, Set.of(Role.ICB_ADMIN)));
		}
	};

	private final ModulePages second = new ModulePages() {
		@Override
		public List<MenuEntry> menu() {
			return List.of(new MenuEntry("a", "/a", "A", 10, Set.of(Role.INT_MEMBER, Role.CARE_COORDINATOR)));
		}

		@Override
		public List<String> stylesheets() {
			return List.of("/css/a.css");
		}
	};

	private final ModulePageRegistry registry = new ModulePageRegistry(List.of(first, second));

	@Test
	void menuEntriesFromEveryModuleInOrderForTheRolesHeld() {
		assertThat(registry.menuFor(signedIn("ROLE_CARE_COORDINATOR"))).extracting(MenuEntry::section)
			.containsExactly("a", "b");
		assertThat(registry.menuFor(signedIn("ROLE_INT_MEMBER"))).extracting(MenuEntry::section).containsExactly("a");
		assertThat(registry.menuFor(signedIn("ROLE_PLACE_DELIVERY"))).isEmpty();
		assertThat(registry.menuFor(null)).isEmpty();
	}

	@Test
	void navigationMarksTheCurrentSectionAfterHomeForTheRolesHeld() {
		ModulePageRegistry.Navigation navigation = registry.navigation(signedIn("ROLE_CARE_COORDINATOR"), "b");
		assertThat(navigation.signedIn()).isTrue();
		assertThat(navigation.userName()).isEqualTo("user");
		assertThat(navigation.items()).extracting(ModulePageRegistry.NavItem::path).containsExactly("/", "/a", "/b");
		assertThat(navigation.items()).extracting(ModulePageRegistry.NavItem::current).containsExactly(false, false, true);
		assertThat(navigation.items().get(2).itemClass()).contains("nhsuk-header__navigation-item--current");
		assertThat(navigation.items().get(1).itemClass()).isEqualTo("nhsuk-header__navigation-item");
		// the same roles on another section: the kept menu is not the one marked for "b"
		assertThat(registry.navigation(signedIn("ROLE_CARE_COORDINATOR"), "home").items())
			.extracting(ModulePageRegistry.NavItem::current).containsExactly(true, false, false);
		assertThat(registry.navigation(signedIn("ROLE_INT_MEMBER"), null).items())
			.extracting(ModulePageRegistry.NavItem::path).containsExactly("/", "/a");
	}

	@Test
	void noNavigationWhenSignedOutOrAnonymous() {
		assertThat(registry.navigation(null, "a").signedIn()).isFalse();
		assertThat(registry.navigation(null, "a").items()).isEmpty();
		assertThat(registry.navigation(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), "a").signedIn()).isFalse();
	}

	@Test
	void cardsForTheRolesHeldOnly() {
		assertThat(registry.cardsFor(signedIn("ROLE_ICB_ADMIN", "ROLE_INT_MEMBER"))).extracting(HomeCard::path)
			.containsExactly("/b");
		assertThat(registry.cardsFor(signedIn("ROLE_CARE_COORDINATOR"))).isEmpty();
		assertThat(registry.stylesheets()).containsExactly("/css/a.css");
	}

	@Test
	void aRuleWithoutPatternsOrRolesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PageRule.of(Set.of(Role.ICB_ADMIN)));
		assertThatIllegalArgumentException().isThrownBy(() -> PageRule.of(Set.of(), "/a"));
	}

	private static Authentication signedIn(String... authorities) {
		TestingAuthenticationToken token = new TestingAuthenticationToken("user", "", authorities);
		token.setAuthenticated(true);
		return token;
	}

}
