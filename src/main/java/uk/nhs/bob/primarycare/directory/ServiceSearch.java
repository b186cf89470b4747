package uk.nhs.bob.primarycare.directory;

import java.time.LocalDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Criteria for finding services; every part is optional. Text matches a part of the name, or the start of the
 * postcode ignoring spaces ('OX4', 'ox4 6jq').
 */
record ServiceSearch(@Nullable String text, @Nullable ServiceType type, @Nullable String placeCode,
		@Nullable ServiceOffer offer, @Nullable LocalDateTime openAt) {

	static ServiceSearch all() {
		return new ServiceSearch(null, null, null, null, null);
	}

	boolean matches(ServiceSummary service) {
		return (type == null || service.type() == type) && (placeCode == null || service.placeCode().equals(placeCode))
				&& (offer == null || service.offers(offer)) && (openAt == null || service.isOpenAt(openAt))
				&& matchesText(service);
	}

	private boolean matchesText(ServiceSummary service) {
		if (text == null || text.isBlank()) {
			return true;
		}
		String wanted = text.trim().toLowerCase(Locale.UK);
		String compact = wanted.replaceAll("\\s+", "");
		return service.name().toLowerCase(Locale.UK).contains(wanted)
				|| service.postcode().value().replace(" ", "").toLowerCase(Locale.UK).startsWith(compact);
	}

}
