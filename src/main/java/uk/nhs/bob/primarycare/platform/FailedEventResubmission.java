package uk.nhs.bob.primarycare.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again, on one instance at a time. A publication fails when its
 * listener throws, or when the instance handling it died: Spring Modulith's staleness monitor (the
 * {@code spring.modulith.events.staleness.*} settings) marks a publication still waiting or still in progress after
 * its time as failed, and this job resubmits it on whichever instance holds the lock. Publications are not replayed
 * at start-up, where another instance could still be handling them.
 */
@Component
class FailedEventResubmission {

	private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

	private final FailedEventPublications failed;

	FailedEventResubmission(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(fixedDelayString = "${primarycare.events.resubmit-interval:PT1M}",
			initialDelayString = "${primarycare.events.resubmit-interval:PT1M}")
	@SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT10M")
	void resubmit() {
		log.debug("Resubmitting failed event publications");
		failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(100));
	}

}
