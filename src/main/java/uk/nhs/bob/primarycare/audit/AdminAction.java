package uk.nhs.bob.primarycare.audit;

/** The kinds of administrator action the audit trail records. */
public enum AdminAction {

	USER_CREATED("User created"),
	USER_CHANGED("User details changed"),
	ROLES_CHANGED("Roles changed"),
	SCOPE_CHANGED("Scope changed"),
	USER_DISABLED("User disabled"),
	USER_ENABLED("User enabled"),
	USER_UNLOCKED("Sign-in throttle cleared"),
	PASSWORD_RESET("Password reset"),
	PASSWORD_CHANGED("Own password changed"),
	DIRECTORY_EDITED("Directory edited"),
	HUB_SETTINGS_CHANGED("Hub settings changed"),
	BREAK_GLASS_REVIEWED("Break-glass use reviewed"),
	SIGN_IN_MAPPING_ADDED("Sign-in mapping added"),
	SIGN_IN_MAPPING_REMOVED("Sign-in mapping removed"),
	ACCOUNT_CREATED_AT_SIGN_IN("Account created at first sign-in"),
	ACCOUNT_LINKED_AT_SIGN_IN("Account linked at first sign-in"),
	ACCESS_FROM_SIGN_IN("Roles or scope set by sign-in"),
	API_CLIENT_REGISTERED("API client registered"),
	API_CLIENT_CHANGED("API client changed"),
	API_CLIENT_SECRET_CHANGED("API client secret changed"),
	API_CLIENT_KEY_CHANGED("API client key changed"),
	API_CLIENT_REMOVED("API client removed"),
	SERVICE_ACCOUNT_CONVERTED("Service account made an API client");

	private final String label;

	AdminAction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
