package uk.nhs.bob.primarycare.programme;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * Who may change what. Every member of staff may read the programme (it holds counts and rates only); Place delivery
 * teams change the sites, action teams, aims, measures and PDSA cycles of their own Place; ICB administrators change
 * everything, including the workstreams and cohorts.
 */
@Component
public class ProgrammeAccess {

	private final StaffUsers staffUsers;

	ProgrammeAccess(StaffUsers staffUsers) {
		this.staffUsers = staffUsers;
	}

	public StaffUser user() {
		return staffUsers.currentUser();
	}

	boolean canAdminister() {
		return staffUsers.current().map(u -> u.hasRole(Role.ICB_ADMIN)).orElse(false);
	}

	public boolean canEditPlace(String placeCode) {
		return staffUsers.current()
			.map(u -> u.hasRole(Role.ICB_ADMIN)
					|| (u.hasRole(Role.PLACE_DELIVERY) && u.scope().coversPlace(placeCode)))
			.orElse(false);
	}

	/** Whether the user may add sites in at least one Place (shows the "add a site" button). */
	public boolean canAddSites() {
		return staffUsers.current().map(u -> u.hasAnyRole(Role.ICB_ADMIN, Role.PLACE_DELIVERY)).orElse(false);
	}

	public void checkPlace(String placeCode) {
		if (!canEditPlace(placeCode)) {
			throw new AccessDeniedException("Only the Place delivery team of this Place or an ICB administrator");
		}
	}

	public void checkAdministrator() {
		if (!canAdminister()) {
			throw new AccessDeniedException("Only ICB administrators");
		}
	}

}
