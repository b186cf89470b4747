package uk.nhs.bob.primarycare.platform;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

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
