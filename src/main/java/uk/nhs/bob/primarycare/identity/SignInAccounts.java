package uk.nhs.bob.primarycare.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.SignInRefusedException.Reason;
import uk.nhs.bob.primarycare.identity.SignInRefusedException.Refusal;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The staff account of a person signing in with an OpenID Connect provider. Found by the provider's subject; the
 * first time, by the email address an administrator recorded for the person (only when the provider does not say
 * the address is unverified), and linked; otherwise created. Each of these, and every change of roles or scope that
 * the provider's roles make, is recorded in the audit log's administrator actions.
 */
@Component
class SignInAccounts {

	/** Who the audit log names for changes a sign-in makes by itself. */
	static final String SIGN_IN = "sign-in";

	private static final Logger log = LoggerFactory.getLogger(SignInAccounts.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the provider says about the person. */
	record Person(String issuer, String subject, String provider, @Nullable String email, boolean emailUnverified,
			@Nullable String name, @Nullable String preferredUsername, List<String> roles) {
	}

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final StaffUsers staffUsers;

	SignInAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog,
			StaffUsers staffUsers) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.staffUsers = staffUsers;
	}

	/**
	 * The person's account, linked or created, with the access the sign-in gives when it is one choice (with several,
	 * the account keeps what it has until the person chooses).
	 */
	@Transactional
	String signIn(Person person, List<AccessChoice> choices) {
		StaffAccount account = accounts.findByOidcIssuerAndOidcSubject(person.issuer(), person.subject())
			.orElseGet(() -> linkOrCreate(person, choices));
		if (!account.isEnabled()) {
			throw new SignInRefusedException(new Refusal(Reason.ACCOUNT_DISABLED, person.provider(),
					displayName(person, account.getUsername()), person.roles()));
		}
		if (choices.size() == 1) {
			apply(account, choices.get(0), person.provider());
		}
		return account.getUsername();
	}

	/** Gives the account the access chosen (or the only one there was), recording any change. */
	@Transactional
	void apply(String username, AccessChoice choice, String provider) {
		accounts.findByUsername(username).ifPresent(account -> apply(account, choice, provider));
	}

	private void apply(StaffAccount account, AccessChoice choice, String provider) {
		boolean rolesChanged = !account.getRoles().equals(choice.roles());
		boolean scopeChanged = !account.scope().equals(choice.scope());
		if (!rolesChanged && !scopeChanged) {
			return;
		}
		String before = roleNames(account) + " for " + staffUsers.scopeName(account.scope());
		account.setRoles(choice.roles());
		account.setScope(choice.scope());
		auditLog.recordAdminAction(SIGN_IN, AdminAction.ACCESS_FROM_SIGN_IN, account.getUsername(),
				clip("From " + before + " to " + choice.describe() + ", from the " + provider + " roles "
						+ String.join("; ", choice.because())));
	}

	private StaffAccount linkOrCreate(Person person, List<AccessChoice> choices) {
		if (person.email() != null && !person.emailUnverified()) {
			Optional<StaffAccount> byEmail = accounts.findByEmail(person.email());
			if (byEmail.isPresent()) {
				StaffAccount account = byEmail.get();
				if (account.getOidcSubject() != null) {
					// the address is another person's sign-in: a human has to sort it out
					throw new SignInRefusedException(new Refusal(Reason.EMAIL_OF_ANOTHER_ACCOUNT, person.provider(),
							displayName(person, person.email()), person.roles()));
				}
				account.linkTo(person.issuer(), person.subject());
				log.info("Linked account '{}' to {} subject {}", account.getUsername(), person.provider(),
						person.subject());
				auditLog.recordAdminAction(SIGN_IN, AdminAction.ACCOUNT_LINKED_AT_SIGN_IN, account.getUsername(),
						clip("Signed in with " + person.provider() + " (subject " + person.subject()
								+ ") with the email address " + person.email() + " recorded for the account"));
				return account;
			}
		}
		AccessChoice first = choices.get(0);
		String username = freeUsername(person);
		StaffAccount account = new StaffAccount(username, displayName(person, username),
				passwordEncoder.encode(unusablePassword()), first.roles(), first.scope());
		if (person.email() != null && !person.emailUnverified() && accounts.findByEmail(person.email()).isEmpty()) {
			account.setEmail(person.email());
		}
		account.linkTo(person.issuer(), person.subject());
		accounts.save(account);
		log.info("Created account '{}' at a first sign-in with {}", username, person.provider());
		auditLog.recordAdminAction(SIGN_IN, AdminAction.ACCOUNT_CREATED_AT_SIGN_IN, username,
				clip("First sign-in with " + person.provider() + " (subject " + person.subject() + "); "
						+ (choices.size() == 1 ? first.describe() + ", from the roles " + String.join("; ", first.because())
								: "roles to choose from: " + String.join(" or ",
										choices.stream().map(AccessChoice::describe).toList()))));
		return account;
	}

	/** The email address, else the provider's username, else a name made from the subject; unique. */
	private String freeUsername(Person person) {
		String base = person.email() != null && !person.emailUnverified() ? person.email()
				: person.preferredUsername() != null ? person.preferredUsername()
						: "user-" + digest(person.issuer() + "|" + person.subject()).substring(0, 10);
		base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
		if (base.length() > 50) {
			base = base.substring(0, 50);
		}
		String candidate = base;
		for (int n = 2; accounts.findByUsername(candidate).isPresent(); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	private static String displayName(Person person, String fallback) {
		String name = person.name() == null || person.name().isBlank() ? fallback : person.name().trim();
		return name.length() > 120 ? name.substring(0, 120) : name;
	}

	private static String roleNames(StaffAccount account) {
		return account.getRoles().isEmpty() ? "no role"
				: String.join(", ", account.getRoles().stream().sorted().map(Role::label).toList());
	}

	/** A password no one knows: the person signs in with their provider. */
	private static String unusablePassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clip(String detail) {
		return detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
	}

}
