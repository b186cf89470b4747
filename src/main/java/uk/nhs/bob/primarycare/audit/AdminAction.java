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
	BREAK_GLASS_REVIEWED("Break-glass use reviewed");

	private final String label;

	AdminAction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
