package uk.nhs.bob.primarycare.messaging;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.OpeningHours;

/**
 * When each same-day hub looks at online requests, from configuration: the confirmation says by when someone will be
 * in touch, or that the hub is closed and when it opens. Read and checked at start-up, so a mistyped setting stops the
 * app with a clear message rather than a wrong promise to a patient.
 */
@Component
class HubHours {

	private final OpeningHours standard;

	private final Map<String, OpeningHours> bySite = new HashMap<>();

	HubHours(MessagingProperties properties) {
		this.standard = parse("primarycare.messaging.hub-hours", properties.hubHours());
		properties.hubHoursBySite()
			.forEach((site, hours) -> bySite.put(site,
					parse("primarycare.messaging.hub-hours-by-site." + site, hours)));
	}

	OpeningHours of(String siteCode) {
		return bySite.getOrDefault(siteCode, standard);
	}

	private static OpeningHours parse(String property, String value) {
		try {
			OpeningHours hours = OpeningHours.parse(value.split(";"));
			if (hours.isEmpty()) {
				throw new IllegalArgumentException("no hours given");
			}
			return hours;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + " must be hours like MON-FRI 08:00-18:30 (parts separated by "
					+ "';'): " + ex.getMessage(), ex);
		}
	}

}
