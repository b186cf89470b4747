package uk.nhs.bob.primarycare.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Staff accounts as other modules may pick and invite them: the clinical staff whose scope covers a neighbourhood
 * site (to add to a team), and invitations by email. An invitation is a disabled account with the INT member role
 * for the site and no usable password: an ICB administrator completes it (checks the person, sets a password or a
 * sign-in mapping, enables it) at Users before the person can sign in.
 */
@Component
public class StaffInvitations {

	/** Roles of people who care for people directly: those a team may list as members. */
	public static final Set<Role> CLINICAL_ROLES = EnumSet.of(Role.INT_MEMBER, Role.CARE_COORDINATOR,
			Role.CLINICAL_SUPERVISOR);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffUsers staffUsers;

	private final StaffAccountRepository accounts;

	private final AuditLog auditLog;

	/**
	 * The password hash of every invitation: of a random secret forgotten at once, so no password signs in to an
	 * invitation; the administrator who completes the account sets a password or a sign-in mapping. Made once, so a
	 * team of many invitations costs one hash.
	 */
	private final java.util.function.Supplier<String> unusableHash;

	StaffInvitations(StaffUsers staffUsers, StaffAccountRepository accounts, PasswordEncoder passwordEncoder,
			AuditLog auditLog) {
		this.staffUsers = staffUsers;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.unusableHash = org.springframework.util.function.SingletonSupplier.of(() -> {
			byte[] secret = new byte[24];
			RANDOM.nextBytes(secret);
			return passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
		});
	}

	/** Enabled clinical staff whose organisation scope covers the site (its Place, or the site itself). */
	@Transactional(readOnly = true)
	public List<StaffUser> clinicalStaffCovering(String siteCode, String placeCode) {
		return staffUsers.withAnyRole(CLINICAL_ROLES)
			.stream()
			.filter(user -> user.scope().level() != OrganisationScope.Level.ICB
					&& user.scope().coversSite(siteCode, placeCode))
			.toList();
	}

	/** Whether an account (enabled or not) has this username or email address. */
	@Transactional(readOnly = true)
	public boolean taken(String emailAddress) {
		String wanted = emailAddress.trim().toLowerCase(Locale.ROOT);
		return accounts.findAll()
			.stream()
			.anyMatch(a -> a.getUsername().equalsIgnoreCase(wanted)
					|| (a.getEmail() != null && a.getEmail().equalsIgnoreCase(wanted)));
	}

	/** Whether the account exists but is disabled (an invitation not yet completed, or a disabled user). */
	@Transactional(readOnly = true)
	public boolean awaitingAdministrator(String username) {
		return accounts.findByUsername(username).map(a -> !a.isEnabled()).orElse(false);
	}

	/**
	 * Creates a disabled INT member account for the site, named by the email address; returns its username.
	 * {@link IllegalArgumentException} if the address is already used by an account.
	 */
	@Transactional
	public String invite(String emailAddress, String displayName, String siteCode, String invitedBy, String teamName) {
		String username = emailAddress.trim().toLowerCase(Locale.ROOT);
		if (taken(username)) {
			throw new IllegalArgumentException("An account already uses " + username);
		}
		StaffAccount account = new StaffAccount(username, displayName.trim(), unusableHash.get(),
				EnumSet.of(Role.INT_MEMBER),
				new OrganisationScope(OrganisationScope.Level.SITE, siteCode));
		account.setEmail(username);
		account.setEnabled(false);
		account.setPasswordChangeRequired(true);
		accounts.save(account);
		auditLog.recordAdminAction(invitedBy, AdminAction.USER_CREATED, username,
				"Invited to " + teamName + ": a disabled INT member account for " + siteCode
						+ ", waiting for an administrator to complete it");
		return username;
	}

}
