package uk.nhs.bob.primarycare.audit;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the audit log page, as typed. Everything is text so that nothing a user types can fail binding; the
 * controller checks it and explains what is wrong.
 */
record AuditFilterForm(@Nullable String username, @Nullable String nhsNumber, @Nullable String fromDay,
		@Nullable String fromMonth, @Nullable String fromYear, @Nullable String toDay, @Nullable String toMonth,
		@Nullable String toYear, @Nullable String page) {

}
