package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;

/** The read model of the follow-ups page: the follow-ups due in the user's scope, or in one of its hubs. */
@Component
class FollowUpsPage {

	private final FollowUps followUps;

	private final TriageOptions options;

	FollowUpsPage(FollowUps followUps, TriageOptions options) {
		this.followUps = followUps;
		this.options = options;
	}

	void fill(StaffUser user, @Nullable String site, Model model) {
		List<SiteSummary> sites = options.sitesFor(user);
		if (sites.isEmpty()) {
			throw new AccessDeniedException("Your scope covers no hub");
		}
		SiteSummary hub = sites.stream().filter(s -> s.code().equals(site)).findFirst().orElse(null);
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		model.addAttribute("rows", followUps.due(user.scope(), hub == null ? null : hub.code(), today, user.username(),
				"/triage/follow-ups"));
		model.addAttribute("sites", sites);
		model.addAttribute("selected", hub == null ? "" : hub.code());
		model.addAttribute("siteOptions", options.siteOptions(user));
		model.addAttribute("hubNames", options.allSites());
		model.addAttribute("scopeName", hub == null ? user.scopeName() : hub.name());
	}

}
