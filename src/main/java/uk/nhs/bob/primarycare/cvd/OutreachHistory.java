package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What outreach recorded in this module the rules need to know: the latest tobacco dependency referral, the latest
 * weight management referral and the latest attended CVD risk review (GP review), each by its outcome date.
 */
record OutreachHistory(@Nullable LocalDate tobaccoReferral, @Nullable LocalDate weightReferral,
		@Nullable LocalDate riskReview) {

	static final OutreachHistory NONE = new OutreachHistory(null, null, null);

	/** This history with one more outreach taken into account. */
	OutreachHistory with(OutreachType type, OutreachOutcome outcome, LocalDate date) {
		if (!outcome.counts()) {
			return this;
		}
		return switch (type) {
			case TOBACCO_REFERRAL -> new OutreachHistory(later(tobaccoReferral, date), weightReferral, riskReview);
			case WEIGHT_MANAGEMENT_REFERRAL -> new OutreachHistory(tobaccoReferral, later(weightReferral, date),
					riskReview);
			case GP_REVIEW -> outcome == OutreachOutcome.ATTENDED
					? new OutreachHistory(tobaccoReferral, weightReferral, later(riskReview, date)) : this;
			case PHARMACY_BP_CHECK -> this;
		};
	}

	private static LocalDate later(@Nullable LocalDate current, LocalDate date) {
		return current == null || date.isAfter(current) ? date : current;
	}

}
