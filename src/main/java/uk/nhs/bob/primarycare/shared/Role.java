package uk.nhs.bob.primarycare.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a user does; each maps to the Spring Security authority {@code ROLE_<name>}. {@link #API_CLIENT} is the role
 * of a system calling the APIs with an access token (an API client, never a staff account).
 */
public enum Role {

	CARE_COORDINATOR("Care coordinator"),
	CLINICAL_SUPERVISOR("Clinical supervisor"),
	INT_MEMBER("Integrated Neighbourhood Team member"),
	PLACE_DELIVERY("Place delivery team"),
	ICB_ADMIN("ICB administrator"),
	API_CLIENT("System (API client)");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/** The roles of people: every role but a system's. */
	public static List<Role> staffRoles() {
		return Arrays.stream(values()).filter(role -> role != API_CLIENT).toList();
	}

	/** Every member of staff. */
	public static Set<Role> anyStaff() {
		return EnumSet.copyOf(staffRoles());
	}

	/** The roles that work with identifiable records of people (Place delivery teams see aggregates only). */
	public static Set<Role> recordRoles() {
		return EnumSet.of(CARE_COORDINATOR, CLINICAL_SUPERVISOR, INT_MEMBER, ICB_ADMIN);
	}

}
