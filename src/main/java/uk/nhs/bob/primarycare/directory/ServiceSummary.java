package uk.nhs.bob.primarycare.directory;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * A service in the service directory as other modules see it: what it is, where, what it offers, whether it takes
 * referrals now and when it is open.
 */
public record ServiceSummary(long id, String name, ServiceType type, @Nullable OdsCode odsCode, String placeCode,
		String placeName, Postcode postcode, @Nullable String phone, @Nullable String website, Set<ServiceOffer> offers,
		boolean acceptsReferrals, boolean selfReferral, OpeningHours openingHours, long version) {

	public ServiceSummary {
		// in declaration order, so every page lists offers the same way
		EnumSet<ServiceOffer> ordered = EnumSet.noneOf(ServiceOffer.class);
		ordered.addAll(offers);
		offers = Collections.unmodifiableSet(ordered);
	}

	public boolean offers(ServiceOffer offer) {
		return offers.contains(offer);
	}

	public boolean isOpenAt(LocalDateTime dateTime) {
		return openingHours.isOpenAt(dateTime);
	}

}
