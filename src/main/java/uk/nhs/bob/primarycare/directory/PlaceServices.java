package uk.nhs.bob.primarycare.directory;

import java.util.List;

/**
 * The services of one Place as of one look at the directory's data version, so that a page picking several kinds of
 * service from them reads that version once, however many kinds it shows. The data version changes with every change
 * to any service, so what is worked out from the services of one Place and one data version may be kept under them.
 */
public record PlaceServices(String placeCode, long dataVersion, List<ServiceSummary> services) {

	public PlaceServices {
		services = List.copyOf(services);
	}

	/** The Place's services of this type, by name. */
	public List<ServiceSummary> ofType(ServiceType type) {
		return services.stream().filter(s -> s.type() == type).toList();
	}

	/** The Place's services that offer this, by name. */
	public List<ServiceSummary> offering(ServiceOffer offer) {
		return services.stream().filter(s -> s.offers(offer)).toList();
	}

}
