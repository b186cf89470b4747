/**
 * Messages to patients through GOV.UK Notify: the online request confirmation, the triage outcome, CVD outreach
 * invitations and reminders, a copy of the agreed care plan, and coordinators' free-text texts. It hears the other
 * modules' events, reads what a message needs through their public read APIs, and sends each message once (the Notify
 * reference is the event's id under a unique constraint), retrying network errors and 5xx with backoff. Contact
 * details and consent are kept per person. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messages to patients",
		allowedDependencies = { "shared", "directory", "identity", "audit", "population", "triage :: events",
				"triage :: requests", "cvd :: events", "cvd :: outreach", "neighbourhood :: events",
				"neighbourhood :: care-plans" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.messaging;
