package uk.nhs.bob.primarycare.directory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * A service in the service directory as other modules see it: what it is, where (its street address when the
 * directory has it, and always its postcode), what it offers, whether it takes referrals now and when it is open.
 */
public record ServiceSummary(long id, String name, ServiceType type, @Nullable OdsCode odsCode, String placeCode,
		String placeName, @Nullable StreetAddress address, Postcode postcode, @Nullable String phone, @Nullable String website, Set<ServiceOffer> offers,
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

	/**
	 * Where the service is, line by line with the postcode last; only the postcode when no street address is recorded,
	 * so there is never an empty line.
	 */
	public List<String> addressLines() {
		List<String> lines = new ArrayList<>(address == null ? List.of() : address.lines());
		lines.add(postcode.value());
		return lines;
	}

	/** {@link #addressLines()} on one line, comma separated; the postcode alone when no street address is recorded. */
	public String addressText() {
		return String.join(", ", addressLines());
	}

	public boolean isOpenAt(LocalDateTime dateTime) {
		return openingHours.isOpenAt(dateTime);
	}

}
