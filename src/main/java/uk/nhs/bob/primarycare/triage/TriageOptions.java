package uk.nhs.bob.primarycare.triage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;

/** The choices the request forms offer: problems, red-flag questions, practices and hubs. */
@Component
class TriageOptions {

	private final Directory directory;

	TriageOptions(Directory directory) {
		this.directory = directory;
	}

	Map<String, String> problems() {
		Map<String, String> options = new LinkedHashMap<>();
		Arrays.stream(PresentingProblem.values()).forEach(p -> options.put(p.name(), p.label()));
		return options;
	}

	List<RedFlag> redFlags() {
		return List.of(RedFlag.values());
	}

	/** Every BOB practice, by name with its town's postcode district, for the public form. */
	Map<String, String> practices() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.practices()
			.stream()
			.sorted(java.util.Comparator.comparing(p -> p.name()))
			.forEach(p -> options.put(p.odsCode().value(), p.name() + " (" + p.postcode().outward() + ")"));
		return options;
	}

	Map<String, String> allSites() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.sites().forEach(s -> options.put(s.code(), s.name() + ", " + s.placeName()));
		return options;
	}

	/** The hubs a member of staff works for: their own site, their Place's sites, or all for the ICB. */
	List<SiteSummary> sitesFor(StaffUser user) {
		return directory.sites().stream().filter(s -> user.scope().coversSite(s.code(), s.placeCode())).toList();
	}

	Map<String, String> siteOptions(StaffUser user) {
		Map<String, String> options = new LinkedHashMap<>();
		sitesFor(user).forEach(s -> options.put(s.code(), s.name() + ", " + s.placeName()));
		return options;
	}

}
