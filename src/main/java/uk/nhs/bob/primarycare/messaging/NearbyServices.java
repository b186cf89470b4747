package uk.nhs.bob.primarycare.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.ServiceOffer;
import uk.nhs.bob.primarycare.directory.ServiceSummary;
import uk.nhs.bob.primarycare.directory.ServiceType;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * The services of a kind in the person's Place, nearest first. The directory holds postcodes, not coordinates, so
 * "nearest" is by how much of the postcode is shared: the same sector (HP20 1), then district (HP20), then area (HP),
 * then the rest of the Place; services taking referrals come before those that are not.
 */
@Component
class NearbyServices {

	private final ServiceDirectory directory;

	NearbyServices(ServiceDirectory directory) {
		this.directory = directory;
	}

	/** Services offering {@code offer} and services of {@code types}, nearest first, at most {@code limit}. */
	List<ServiceSummary> near(@Nullable Postcode postcode, String placeCode, @Nullable ServiceOffer offer,
			List<ServiceType> types, int limit) {
		Map<Long, ServiceSummary> found = new LinkedHashMap<>();
		if (offer != null) {
			directory.offering(offer, placeCode).forEach(s -> found.put(s.id(), s));
		}
		for (ServiceType type : types) {
			directory.services(type, placeCode).forEach(s -> found.put(s.id(), s));
		}
		List<ServiceSummary> ranked = new ArrayList<>(found.values());
		ranked.sort(Comparator.comparingInt((ServiceSummary s) -> s.acceptsReferrals() ? 0 : 1)
			.thenComparingInt(s -> -closeness(postcode, s.postcode()))
			.thenComparing(ServiceSummary::name));
		return ranked.stream().limit(limit).toList();
	}

	/** 3 for the same sector, 2 the same district, 1 the same area, 0 otherwise. */
	static int closeness(@Nullable Postcode from, Postcode to) {
		if (from == null) {
			return 0;
		}
		if (from.value().substring(0, from.value().length() - 2).equals(to.value().substring(0, to.value().length() - 2))) {
			return 3;
		}
		if (from.outward().equals(to.outward())) {
			return 2;
		}
		return from.area().equals(to.area()) ? 1 : 0;
	}

	/** One line per service: name, postcode, phone. */
	static String describe(List<ServiceSummary> services) {
		if (services.isEmpty()) {
			return "Ask your GP practice where to go.";
		}
		List<String> lines = new ArrayList<>();
		for (ServiceSummary s : services) {
			lines.add("- " + s.name() + ", " + s.postcode().value()
					+ (s.phone() == null || s.phone().isBlank() ? "" : ", " + s.phone()));
		}
		return String.join("\n", lines);
	}

}
