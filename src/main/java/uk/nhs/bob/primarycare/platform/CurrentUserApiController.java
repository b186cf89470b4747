package uk.nhs.bob.primarycare.platform;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/** Lets a system check its token before calling the other APIs: who it is, its role and scope, and its scopes. */
@RestController
class CurrentUserApiController {

	record Me(String username, String displayName, List<String> roles, OrganisationScope.Level scopeLevel,
			String scopeCode, String scopeName, List<String> scopes) {
	}

	private final StaffUsers staffUsers;

	CurrentUserApiController(StaffUsers staffUsers) {
		this.staffUsers = staffUsers;
	}

	@GetMapping("/api/v1/me")
	Me me(Authentication authentication) {
		var user = staffUsers.currentUser();
		List<String> scopes = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("SCOPE_"))
			.map(a -> a.substring("SCOPE_".length()))
			.sorted()
			.toList();
		return new Me(user.username(), user.displayName(), user.roles().stream().map(Enum::name).sorted().toList(),
				user.scope().level(), user.scope().code() == null ? "" : user.scope().code(), user.scopeName(), scopes);
	}

}
