package uk.nhs.bob.primarycare.triage;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.Role;

/** Who does what on a request: who works the queue, and who supervises. */
final class TriageRoles {

	private TriageRoles() {
	}

	/** Care coordinators, supervisors and administrators work requests; INT members see them read-only. */
	static boolean works(StaffUser user) {
		return user.hasAnyRole(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR, Role.ICB_ADMIN);
	}

	static boolean supervises(StaffUser user) {
		return user.hasAnyRole(Role.CLINICAL_SUPERVISOR, Role.ICB_ADMIN);
	}

}
