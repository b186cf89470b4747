package uk.nhs.bob.primarycare.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a CVD invitation gets its reminder, and how many services it lists ({@code primarycare.messaging.*}). The hubs'
 * hours, which the confirmation's "by when" follows, are triage's: each hub sets them on its settings page.
 *
 * @param cvdReminderAfterDays days after an invitation with no reading or outcome before the one reminder is sent
 * @param servicesListed how many nearby services an invitation lists
 */
@ConfigurationProperties("primarycare.messaging")
record MessagingProperties(@DefaultValue("14") int cvdReminderAfterDays, @DefaultValue("3") int servicesListed) {

	MessagingProperties {
		if (cvdReminderAfterDays < 1 || servicesListed < 1) {
			throw new IllegalArgumentException(
					"primarycare.messaging.cvd-reminder-after-days and services-listed must be 1 or more");
		}
	}

}
