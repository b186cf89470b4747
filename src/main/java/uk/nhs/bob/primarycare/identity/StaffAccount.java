package uk.nhs.bob.primarycare.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * A user account as stored: credentials, roles, scope and the count of failed sign-ins. The count is kept by single
 * SQL updates ({@link StaffAccountRepository#recordFailedSignIn}), never through this entity, and
 * {@link DynamicUpdate} keeps an administrator's change of other fields from writing an old count back.
 */
@Entity
@DynamicUpdate
@Table(schema = "identity", name = "staff_user")
class StaffAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private OrganisationScope.Level scopeLevel;

	private @Nullable String scopeCode;

	private boolean enabled = true;

	@Column(name = "failed_sign_ins")
	private int failedSignIns;

	private @Nullable Instant lockedUntil;

	private @Nullable Instant lastFailedSignInAt;

	private boolean passwordChangeRequired;

	private @Nullable String email;

	private @Nullable String oidcIssuer;

	private @Nullable String oidcSubject;

	private Instant createdAt = Instant.now();

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(schema = "identity", name = "staff_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected StaffAccount() {
		this.username = "";
		this.displayName = "";
		this.passwordHash = "";
		this.scopeLevel = OrganisationScope.Level.ICB;
	}

	StaffAccount(String username, String displayName, String passwordHash, Set<Role> roles,
			OrganisationScope scope) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		setScope(scope);
	}

	boolean isServiceAccount() {
		return roles.contains(Role.API_CLIENT);
	}

	boolean isPasswordChangeRequired() {
		return passwordChangeRequired;
	}

	void setPasswordChangeRequired(boolean passwordChangeRequired) {
		this.passwordChangeRequired = passwordChangeRequired;
	}

	@Nullable
	String getEmail() {
		return email;
	}

	void setEmail(@Nullable String email) {
		this.email = email == null || email.isBlank() ? null : email.trim();
	}

	@Nullable
	String getOidcIssuer() {
		return oidcIssuer;
	}

	@Nullable
	String getOidcSubject() {
		return oidcSubject;
	}

	/** Links the account to a person at an OpenID Connect provider: they sign in there from now on. */
	void linkTo(String issuer, String subject) {
		this.oidcIssuer = issuer;
		this.oidcSubject = subject;
	}

	@Nullable
	Instant getLastFailedSignInAt() {
		return lastFailedSignInAt;
	}

	OrganisationScope scope() {
		return new OrganisationScope(scopeLevel, scopeCode);
	}

	void setScope(OrganisationScope scope) {
		this.scopeLevel = scope.level();
		this.scopeCode = scope.code();
	}

	@Nullable
	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getDisplayName() {
		return displayName;
	}

	void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	boolean isEnabled() {
		return enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	int getFailedSignIns() {
		return failedSignIns;
	}

	@Nullable
	Instant getLockedUntil() {
		return lockedUntil;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	long getVersion() {
		return version;
	}

	Set<Role> getRoles() {
		return roles;
	}

	void setRoles(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
	}

}
