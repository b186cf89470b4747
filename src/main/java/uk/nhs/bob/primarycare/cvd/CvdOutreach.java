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

/**
 * Records outreach and publishes {@link CvdOutreachRecorded} in the same transaction. An offer declined for a rule
 * that a decline can except (QOF personalised care adjustment, "patient declined") records that adjustment too, for
 * 12 months, so the person leaves that rule's list (shown on their page, and withdrawable) instead of staying on it.
 */
@Component
class CvdOutreach {

	private final Outreaches outreaches;

	private final ApplicationEventPublisher events;

	private final CareAdjustments adjustments;

	CvdOutreach(Outreaches outreaches, ApplicationEventPublisher events, CareAdjustments adjustments) {
		this.outreaches = outreaches;
		this.events = events;
		this.adjustments = adjustments;
	}

	/** Whether recording this outcome for this rule also records a "declined" personalised care adjustment. */
	static boolean declineExcepts(@Nullable CaseFindingRule rule, OutreachOutcome outcome) {
		return outcome == OutreachOutcome.DECLINED && rule != null
				&& rule.adjustments().contains(AdjustmentReason.DECLINED);
	}

	@Transactional
	UUID record(NhsNumber nhsNumber, PracticeSummary practice, OutreachType type, @Nullable CaseFindingRule rule,
			OutreachOutcome outcome, LocalDate date, @Nullable String note, String username) {
		UUID id = UUID.randomUUID();
		outreaches.add(id, nhsNumber, practice.odsCode().value(), practice.siteCode(), type,
				rule == null ? null : rule.code(), outcome, date, note, username, Instant.now());
		if (declineExcepts(rule, outcome)) {
			LocalDate today = LocalDate.now(PersonEvaluation.UK);
			adjustments.add(UUID.randomUUID(), nhsNumber, rule, AdjustmentReason.DECLINED, today,
					today.plusMonths(CareAdjustments.DEFAULT_MONTHS), "Declined at outreach: " + type.label(), username,
					Instant.now());
		}
		events.publishEvent(new CvdOutreachRecorded(id, practice.odsCode().value(), practice.siteCode(), type.name(),
				date));
		return id;
	}

}
