package uk.nhs.bob.primarycare.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final JdbcClient jdbc;

	private final TransactionTemplate reading;

	private static final Clock CLOCK = Clock.system(UK_TIME);

	private final AtomicReference<DirectoryData> snapshot = new AtomicReference<>(
			new DirectoryData(-1, Map.of(), Map.of(), Map.of()));

	ServiceDirectory(ListedServiceRepository services, Directory directory, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.services = services;
		this.directory = directory;
		this.jdbc = jdbc;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/** Every service, by name. */
	public List<ServiceSummary> services() {
		return summaries(services.findAllOrderByName());
	}

	public Optional<ServiceSummary> service(long id) {
		return services.findById(id).map(s -> s.toSummary(placeNames().getOrDefault(s.placeCode(), s.placeCode())));
	}

	/** Services of one type in one Place ('community pharmacies in Oxfordshire'), by name. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<ServiceSummary> services(ServiceType type, String placeCode) {
		return servicesIn(placeCode).ofType(type);
	}

	/** Services anywhere in BOB that offer this (for example {@link ServiceOffer#PHARMACY_FIRST}), by name. */
	public List<ServiceSummary> offering(ServiceOffer offer) {
		return summaries(services.findOffering(offer));
	}

	/** Services in one Place that offer this, by name. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<ServiceSummary> offering(ServiceOffer offer, String placeCode) {
		return servicesIn(placeCode).offering(offer);
	}

	/**
	 * The Place's services by name, from the copy in memory when the directory has not changed since it was made: one
	 * look at the data version, for a page that picks several kinds of service from them.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public PlaceServices servicesIn(String placeCode) {
		return current().servicesIn(placeCode);
	}

	/**
	 * The directory (services, practices, sites) from the copy in memory when it has not changed since the copy was
	 * made: one look at the data version, for a page that reads several things from it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public DirectoryData current() {
		long version = jdbc.sql("SELECT version FROM directory.service_data_version").query(Long.class).single();
		DirectoryData current = snapshot.get();
		if (current.version() != version) {
			// read after the version, so the copy is at least as new as the number it is kept with (were it newer,
			// the next use sees a later number and reads again)
			current = java.util.Objects.requireNonNull(reading.execute(status -> new DirectoryData(version,
					services().stream()
						.collect(Collectors.groupingBy(ServiceSummary::placeCode, Collectors.toUnmodifiableList())),
					directory.practices().stream().collect(Collectors.toMap(p -> p.odsCode().value(), p -> p)),
					directory.sites().stream().collect(Collectors.toMap(SiteSummary::code, site -> site)))));
			snapshot.set(current);
		}
		return current;
	}

	/** Services open at this UK local date and time (its weekday has a period containing the time), by name. */
	public List<ServiceSummary> openAt(LocalDateTime ukDateTime) {
		return search(new ServiceSearch(null, null, null, null, ukDateTime));
	}

	/**
	 * The current date and time in the UK, the clock opening hours are read against. Static, as it reads nothing:
	 * called on the directory's transactional proxy it cost a request page a fiftieth of its processor time.
	 */
	public static LocalDateTime nowInUk() {
		return LocalDateTime.now(CLOCK);
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
