package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the messages promise ({@code primarycare.messaging.*}): the hours the same-day hubs look at online requests
 * (for the confirmation's "by when"), and when a CVD invitation gets its reminder.
 *
 * @param hubHours the hubs' working hours, like {@code MON-FRI 08:00-18:30} (online consultation hours of the GP
 * contract 2025/26); several parts are separated by {@code ;}
 * @param hubHoursBySite hours of particular hubs (by site code) that differ from {@code hubHours}
 * @param sameDayCutoff a request that arrives less than this before the hub closes is promised for the next opening
 * @param cvdReminderAfterDays days after an invitation with no reading or outcome before the one reminder is sent
 * @param servicesListed how many nearby services an invitation lists
 */
@ConfigurationProperties("primarycare.messaging")
record MessagingProperties(@DefaultValue("MON-FRI 08:00-18:30") String hubHours,
		@Nullable Map<String, String> hubHoursBySite, @DefaultValue("PT1H") Duration sameDayCutoff,
		@DefaultValue("14") int cvdReminderAfterDays, @DefaultValue("3") int servicesListed) {

	MessagingProperties {
		hubHoursBySite = hubHoursBySite == null ? Map.of() : Map.copyOf(hubHoursBySite);
		if (cvdReminderAfterDays < 1 || servicesListed < 1) {
			throw new IllegalArgumentException(
					"primarycare.messaging.cvd-reminder-after-days and services-listed must be 1 or more");
		}
	}

}
