package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/** Records outreach and publishes {@link CvdOutreachRecorded} in the same transaction. */
@Component
class CvdOutreach {

	private final Outreaches outreaches;

	private final ApplicationEventPublisher events;

	CvdOutreach(Outreaches outreaches, ApplicationEventPublisher events) {
		this.outreaches = outreaches;
		this.events = events;
	}

	@Transactional
	UUID record(NhsNumber nhsNumber, PracticeSummary practice, OutreachType type, @Nullable CaseFindingRule rule,
			OutreachOutcome outcome, LocalDate date, @Nullable String note, String username) {
		UUID id = UUID.randomUUID();
		outreaches.add(id, nhsNumber, practice.odsCode().value(), practice.siteCode(), type,
				rule == null ? null : rule.code(), outcome, date, note, username, Instant.now());
		events.publishEvent(new CvdOutreachRecorded(id, practice.odsCode().value(), practice.siteCode(), type.name(),
				date));
		return id;
	}

}
