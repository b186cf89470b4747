package uk.nhs.bob.primarycare.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * The directory as of one look at its data version: every service by Place, and the practices and neighbourhood sites
 * by code. The data version moves on with every change to a service, its offers or hours, or to a Place, site, PCN or
 * practice, in the same transaction as the change; so a page that reads several of these from one copy reads the
 * version once, and what is worked out from the copy may be kept under its version.
 */
public final class DirectoryData {

	private final long version;

	private final Map<String, List<ServiceSummary>> servicesByPlace;

	private final Map<String, PracticeSummary> practices;

	private final Map<String, SiteSummary> sites;

	DirectoryData(long version, Map<String, List<ServiceSummary>> servicesByPlace, Map<String, PracticeSummary> practices,
			Map<String, SiteSummary> sites) {
		this.version = version;
		this.servicesByPlace = Map.copyOf(servicesByPlace);
		this.practices = Map.copyOf(practices);
		this.sites = Map.copyOf(sites);
	}

	public long version() {
		return version;
	}

	/** The Place's services, by name. */
	public PlaceServices servicesIn(String placeCode) {
		return new PlaceServices(placeCode, version, servicesByPlace.getOrDefault(placeCode, List.of()));
	}

	public Optional<PracticeSummary> practice(OdsCode odsCode) {
		return Optional.ofNullable(practices.get(odsCode.value()));
	}

	public Optional<SiteSummary> site(String code) {
		return Optional.ofNullable(sites.get(code));
	}

}
