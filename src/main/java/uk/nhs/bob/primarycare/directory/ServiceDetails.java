package uk.nhs.bob.primarycare.directory;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/** A service's details after a form has been checked: every value valid and typed. */
record ServiceDetails(String name, ServiceType type, @Nullable OdsCode odsCode, String placeCode,
		@Nullable StreetAddress address, Postcode postcode, @Nullable String phone, @Nullable String website,
		Set<ServiceOffer> offers, boolean acceptsReferrals, boolean selfReferral, OpeningHours openingHours) {

	ServiceDetails {
		offers = Set.copyOf(offers);
	}

}
