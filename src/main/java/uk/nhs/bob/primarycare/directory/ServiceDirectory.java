package uk.nhs.bob.primarycare.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service directory's read API for other modules: where navigation can send a person (pharmacies offering
 * Pharmacy First, optometrists in the Minor Eye Conditions Service, UTCs, community and VCSE services), by type and
 * Place, by what they offer and by whether they are open at a given time. Times are UK local time, as opening hours
 * are.
 */
@Component
@Transactional(readOnly = true)
public class ServiceDirectory {

	/** Opening hours are kept in UK local time. */
	public static final ZoneId UK_TIME = ZoneId.of("Europe/London");

	private final ListedServiceRepository services;

	private final Directory directory;

	private final Clock clock = Clock.system(UK_TIME);

	ServiceDirectory(ListedServiceRepository services, Directory directory) {
		this.services = services;
		this.directory = directory;
	}

	/** Every service, by name. */
	public List<ServiceSummary> services() {
		return summaries(services.findAllOrderByName());
	}

	public Optional<ServiceSummary> service(long id) {
		return services.findById(id).map(s -> s.toSummary(placeNames().getOrDefault(s.placeCode(), s.placeCode())));
	}

	/** Services of one type in one Place ('community pharmacies in Oxfordshire'), by name. */
	public List<ServiceSummary> services(ServiceType type, String placeCode) {
		return summaries(services.findByTypeAndPlace(type, placeCode));
	}

	/** Services anywhere in BOB that offer this (for example {@link ServiceOffer#PHARMACY_FIRST}), by name. */
	public List<ServiceSummary> offering(ServiceOffer offer) {
		return summaries(services.findOffering(offer));
	}

	/** Services in one Place that offer this, by name. */
	public List<ServiceSummary> offering(ServiceOffer offer, String placeCode) {
		// read from the one Place only: a request page asks this for each kind of service it suggests
		return summaries(services.findOfferingInPlace(offer, placeCode));
	}

	/** Services open at this UK local date and time (its weekday has a period containing the time), by name. */
	public List<ServiceSummary> openAt(LocalDateTime ukDateTime) {
		return search(new ServiceSearch(null, null, null, null, ukDateTime));
	}

	/** The current date and time in the UK, the clock opening hours are read against. */
	public LocalDateTime nowInUk() {
		return LocalDateTime.now(clock);
	}

	List<ServiceSummary> search(ServiceSearch search) {
		// the directory holds hundreds of services, not millions: filtering loaded summaries keeps the rules in
		// one tested place (OpeningHours, ServiceSearch) rather than repeating them in SQL
		return services().stream().filter(search::matches).toList();
	}

	private List<ServiceSummary> summaries(List<ListedService> found) {
		Map<String, String> names = placeNames();
		return found.stream().map(s -> s.toSummary(names.getOrDefault(s.placeCode(), s.placeCode()))).toList();
	}

	private Map<String, String> placeNames() {
		return directory.places().stream().collect(Collectors.toMap(PlaceSummary::code, PlaceSummary::name));
	}

}
