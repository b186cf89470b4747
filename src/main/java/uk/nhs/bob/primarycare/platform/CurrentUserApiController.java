package uk.nhs.bob.primarycare.platform;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/** Lets a service account check its credentials, roles and scope before calling the other APIs. */
@RestController
class CurrentUserApiController {

	record Me(String username, String displayName, List<String> roles, OrganisationScope.Level scopeLevel,
			String scopeCode, String scopeName) {
	}

	private final StaffUsers staffUsers;

	CurrentUserApiController(StaffUsers staffUsers) {
		this.staffUsers = staffUsers;
	}

	@GetMapping("/api/v1/me")
	Me me() {
		var user = staffUsers.currentUser();
		return new Me(user.username(), user.displayName(), user.roles().stream().map(Enum::name).sorted().toList(),
				user.scope().level(), user.scope().code() == null ? "" : user.scope().code(), user.scopeName());
	}

}
