package uk.nhs.bob.primarycare.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Who is signed in, with roles and organisation scope, for other modules' scope checks. The signed-in user is read
 * once per request (one statement for the account and its roles, one for the scope's name) and kept in the request:
 * a page asks for it several times (controller, service, scope checks), and reading it fresh on every request means
 * an account disabled on any instance is refused at once.
 */
@Component
public class StaffUsers {

	/** The authority of a signed-in user who must choose a new password before doing anything else. */
	public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	/** Where that user chooses it. */
	public static final String CHANGE_PASSWORD_PATH = "/account/password";

	private static final String CURRENT_USER_ATTRIBUTE = StaffUsers.class.getName() + ".current";

	private static final String USER_SELECT = """
			SELECT u.username, u.display_name, u.scope_level, u.scope_code, string_agg(r.role, ',') AS roles
			FROM identity.staff_user u LEFT JOIN identity.staff_user_role r ON r.user_id = u.id
			WHERE lower(u.username) = lower(?) AND u.enabled
			GROUP BY u.id""";

	private final JdbcClient jdbc;

	private final Directory directory;

	StaffUsers(JdbcClient jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** The signed-in user, if any. */
	public Optional<StaffUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(system(token));
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return find(authentication.getName());
		}
		// keyed by name: a sign-in within the request changes who is current
		if (request.getAttribute(CURRENT_USER_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof StaffUser user
				&& user.username().equalsIgnoreCase(authentication.getName())) {
			return Optional.of(user);
		}
		Optional<StaffUser> user = find(authentication.getName());
		user.ifPresent(u -> request.setAttribute(CURRENT_USER_ATTRIBUTE, u, RequestAttributes.SCOPE_REQUEST));
		return user;
	}

	/**
	 * A system calling the APIs with an access token: named by its client id, with the role of a system and the whole
	 * ICB as its scope (a token's scopes say what it may call; whose data it may see is the ICB's). Nothing is read
	 * from the database: the token was checked by its signature.
	 */
	private static StaffUser system(JwtAuthenticationToken token) {
		String clientName = token.getToken().getClaimAsString(ApiTokenServer.CLIENT_NAME_CLAIM);
		return new StaffUser(token.getName(), clientName == null || clientName.isBlank() ? token.getName() : clientName,
				Set.of(Role.API_CLIENT), OrganisationScope.ICB, SYSTEM_SCOPE_NAME);
	}

	/** How a system's scope is named. */
	public static final String SYSTEM_SCOPE_NAME = "BOB ICB (system)";

	/** The signed-in user; for code that runs only behind sign-in. */
	public StaffUser currentUser() {
		return current().orElseThrow(() -> new IllegalStateException("No user is signed in"));
	}

	/** An enabled user by username (any case). */
	public Optional<StaffUser> find(String username) {
		return jdbc.sql(USER_SELECT)
			.param(username)
			.query(StaffUsers::row)
			.optional()
			.map(this::withScopeName);
	}

	// the scope's name is read after the row, so that no statement waits for a second connection
	private static StaffUser row(java.sql.ResultSet rs, int rowNumber) throws java.sql.SQLException {
		return new StaffUser(rs.getString("username"), rs.getString("display_name"), roles(rs.getString("roles")),
				new OrganisationScope(OrganisationScope.Level.valueOf(rs.getString("scope_level")),
						rs.getString("scope_code")),
				"");
	}

	private StaffUser withScopeName(StaffUser user) {
		return new StaffUser(user.username(), user.displayName(), user.roles(), user.scope(), scopeName(user.scope()));
	}

	private static Set<Role> roles(@Nullable String roles) {
		Set<Role> set = EnumSet.noneOf(Role.class);
		if (roles != null) {
			for (String role : roles.split(",")) {
				set.add(Role.valueOf(role));
			}
		}
		return Collections.unmodifiableSet(set);
	}

	/** Every enabled user with any of these roles, by display name: for pick lists such as reassigning work. */
	public java.util.List<StaffUser> withAnyRole(Set<Role> roles) {
		return jdbc.sql(USER_SELECT.replace("lower(u.username) = lower(?) AND u.enabled", "u.enabled"))
			.query(StaffUsers::row)
			.list()
			.stream()
			.filter(user -> user.roles().stream().anyMatch(roles::contains))
			.map(this::withScopeName)
			.sorted(java.util.Comparator.comparing(StaffUser::displayName))
			.toList();
	}

	/** A readable name for a scope ("Oxfordshire", "Reading Central PCN"). */
	public String scopeName(OrganisationScope scope) {
		String code = scope.code();
		return switch (scope.level()) {
			case ICB -> "BOB ICB";
			case PLACE -> directory.place(code).map(p -> p.name()).orElse(code);
			case SITE -> directory.site(code).map(s -> s.name()).orElse(code);
			case PCN -> directory.pcn(code).map(p -> p.name()).orElse(code);
		};
	}

}
