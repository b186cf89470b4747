package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * CVD records made for one test of another module (which cannot reach CVD's package-private types): outreach stored
 * as CVD stores it, without its event, so the test publishes {@link CvdOutreachRecorded} itself.
 */
public final class CvdFixtures {

	private CvdFixtures() {
	}

	/** Stores outreach to the person at their practice; its id, for the event. */
	public static UUID outreach(ApplicationContext context, NhsNumber person, PracticeSummary practice,
			OutreachType type, OutreachOutcome outcome, LocalDate date) {
		UUID id = UUID.randomUUID();
		context.getBean(Outreaches.class)
			.add(id, person, practice.odsCode().value(), practice.siteCode(), type, null, outcome, date, null, "test",
					Instant.now());
		return id;
	}

}
