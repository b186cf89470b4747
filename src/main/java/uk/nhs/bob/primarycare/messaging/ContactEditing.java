package uk.nhs.bob.primarycare.messaging;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Changes a person's contact details for a member of staff whose scope covers them: the change (before and after)
 * goes in the person's contact history and the access in the audit log, in the transaction that saves it.
 */
@Component
class ContactEditing {

	private final Contacts contacts;

	private final Population population;

	private final MessageViews views;

	private final AuditLog auditLog;

	ContactEditing(Contacts contacts, Population population, MessageViews views, AuditLog auditLog) {
		this.contacts = contacts;
		this.population = population;
		this.views = views;
		this.auditLog = auditLog;
	}

	/** The changes saved (none when nothing changed); {@link Contacts.StaleContactException} if someone saved first. */
	@Transactional
	List<String> save(ContactDetails details, long expectedVersion, StaffUser user, String page) {
		NhsNumber nhsNumber = details.nhsNumber();
		PersonSummary person = population.find(nhsNumber).orElseThrow();
		views.checkPerson(person, user);
		List<String> changes = contacts.save(details, expectedVersion, user.username());
		auditLog.recordView(user.username(), nhsNumber, page,
				changes.isEmpty() ? MessageViews.PURPOSE : "Contact details changed: " + String.join("; ", changes));
		return changes;
	}

}
