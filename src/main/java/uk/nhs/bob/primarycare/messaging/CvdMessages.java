package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.cvd.CvdOutreachRecorded;
import uk.nhs.bob.primarycare.cvd.OutreachOutcome;
import uk.nhs.bob.primarycare.cvd.OutreachRecord;
import uk.nhs.bob.primarycare.cvd.OutreachRecords;
import uk.nhs.bob.primarycare.cvd.OutreachType;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.ServiceOffer;
import uk.nhs.bob.primarycare.directory.ServiceSummary;
import uk.nhs.bob.primarycare.directory.ServiceType;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * CVD prevention invitations. Recording outreach "invited or referred" with today's date sends the invitation: a
 * community pharmacy blood pressure check (listing the nearest pharmacies that offer it), the stop smoking service or
 * weight management. After {@code primarycare.messaging.cvd-reminder-after-days} with no reading and no outcome
 * recorded, one reminder goes; a reading or an outcome by then cancels it, and the reason is kept.
 */
@Component
class CvdMessages {

	/** What each kind of outreach invites the person to. */
	enum Offer {

		BP_CHECK(OutreachType.PHARMACY_BP_CHECK, "a free blood pressure check at a community pharmacy",
				"High blood pressure rarely causes symptoms, so a check is the only way to know. It takes a few "
						+ "minutes and you do not need an appointment.",
				ServiceOffer.BLOOD_PRESSURE_CHECK, List.of()),
		STOP_SMOKING(OutreachType.TOBACCO_REFERRAL, "free NHS support to stop smoking",
				"Stopping smoking is the best thing you can do for your heart. You are more likely to stop for good "
						+ "with support than on your own.",
				ServiceOffer.STOP_SMOKING, List.of(ServiceType.TOBACCO_DEPENDENCY)),
		WEIGHT(OutreachType.WEIGHT_MANAGEMENT_REFERRAL, "a free NHS weight management programme",
				"It helps you eat more healthily and be more active, at your own pace, online or in a group.", null,
				List.of(ServiceType.WEIGHT_MANAGEMENT));

		final OutreachType type;

		final String offer;

		final String why;

		final @Nullable ServiceOffer serviceOffer;

		final List<ServiceType> serviceTypes;

		Offer(OutreachType type, String offer, String why, @Nullable ServiceOffer serviceOffer,
				List<ServiceType> serviceTypes) {
			this.type = type;
			this.offer = offer;
			this.why = why;
			this.serviceOffer = serviceOffer;
			this.serviceTypes = serviceTypes;
		}

		static Optional<Offer> of(OutreachType type) {
			return java.util.Arrays.stream(values()).filter(o -> o.type == type).findFirst();
		}

	}

	private final OutreachRecords outreach;

	private final Population population;

	private final Directory directory;

	private final NearbyServices nearby;

	private final Routing routing;

	private final MessageRecorder recorder;

	private final MessagingProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	CvdMessages(OutreachRecords outreach, Population population, Directory directory, NearbyServices nearby,
			Routing routing, MessageRecorder recorder, MessagingProperties properties, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.outreach = outreach;
		this.population = population;
		this.directory = directory;
		this.nearby = nearby;
		this.routing = routing;
		this.recorder = recorder;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@ApplicationModuleListener
	void on(CvdOutreachRecorded event) {
		Optional<OutreachRecord> found = outreach.find(event.outreachId());
		if (found.isEmpty() || found.get().outcome() != OutreachOutcome.SENT) {
			return;
		}
		OutreachRecord record = found.get();
		Optional<Offer> offer = Offer.of(record.type());
		if (offer.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		Route route = record.outcomeDate().isBefore(today.minusDays(1))
				? Route.outOfDate("Recorded for " + Routing.DAY.format(record.outcomeDate())
						+ ": taken as an invitation made then, so no message is sent now")
				: routing.forPerson(record.nhsNumber(), List.of(Channel.SMS, Channel.EMAIL));
		Optional<UUID> message = recorder.record(draft(MessageKind.CVD_INVITATION, record, offer.get(), route,
				fields(record, offer.get(), null)));
		if (message.isPresent() && !route.isBlocked()) {
			jdbc.sql("""
					INSERT INTO messaging.cvd_invitation (outreach_id, nhs_number, outreach_type, invited_on,
					    reminder_due_on, reminder_state)
					VALUES (?, ?, ?, ?, ?, 'DUE') ON CONFLICT (outreach_id) DO NOTHING""")
				.params(record.id(), record.nhsNumber().value(), record.type().name(), record.outcomeDate(),
						record.outcomeDate().plusDays(properties.cvdReminderAfterDays()))
				.update();
		}
	}

	@Scheduled(cron = "${primarycare.messaging.cvd-reminder-cron:0 5 * * * *}", zone = "Europe/London")
	@SchedulerLock(name = "messaging-cvd-reminders", lockAtMostFor = "PT30M")
	void sendDueReminders() {
		sendDueReminders(LocalDate.now(ServiceDirectory.UK_TIME));
	}

	/** Reminds or closes every invitation whose reminder is due on {@code today}; returns how many were looked at. */
	int sendDueReminders(LocalDate today) {
		List<UUID> due = jdbc.sql("""
				SELECT outreach_id FROM messaging.cvd_invitation WHERE reminder_state = 'DUE' AND reminder_due_on <= ?
				ORDER BY reminder_due_on""")
			.param(today)
			.query(UUID.class)
			.list();
		for (UUID outreachId : due) {
			transaction.executeWithoutResult(status -> remind(outreachId, today));
		}
		return due.size();
	}

	private void remind(UUID outreachId, LocalDate today) {
		Optional<OutreachRecord> found = outreach.find(outreachId);
		if (found.isEmpty()) {
			close(outreachId, "NOT_NEEDED", "The outreach record no longer exists");
			return;
		}
		OutreachRecord invitation = found.get();
		LocalDate since = invitation.outcomeDate();
		if (invitation.type() == OutreachType.PHARMACY_BP_CHECK) {
			Optional<LocalDate> reading = population.record(invitation.nhsNumber())
				.map(r -> r.observations(ObservationType.SYSTOLIC_BP))
				.orElse(List.of())
				.stream()
				.map(CodedRecord.Observation::date)
				.filter(d -> !d.isBefore(since))
				.max(LocalDate::compareTo);
			if (reading.isPresent()) {
				close(outreachId, "NOT_NEEDED",
						"A blood pressure reading of " + Routing.DAY.format(reading.get()) + " arrived: no reminder");
				return;
			}
		}
		Optional<OutreachRecord> outcome = outreach.since(invitation.nhsNumber(), since)
			.stream()
			.filter(o -> o.type() == invitation.type() && !o.id().equals(invitation.id()))
			.reduce((a, b) -> b);
		if (outcome.isPresent()) {
			close(outreachId, "NOT_NEEDED", "Outcome recorded on " + Routing.DAY.format(outcome.get().outcomeDate())
					+ " (" + outcome.get().outcome().label() + "): no reminder");
			return;
		}
		Offer offer = Offer.of(invitation.type()).orElseThrow();
		Route route = routing.forPerson(invitation.nhsNumber(), List.of(Channel.SMS, Channel.EMAIL));
		recorder.record(draft(MessageKind.CVD_REMINDER, invitation, offer, route, fields(invitation, offer, since)));
		close(outreachId, "REMINDED", route.isBlocked() ? "Reminder due on " + Routing.DAY.format(today)
				+ " not sent: " + route.blockedReason() : "Reminder sent on " + Routing.DAY.format(today));
	}

	private void close(UUID outreachId, String state, String note) {
		jdbc.sql("UPDATE messaging.cvd_invitation SET reminder_state = ?, reminder_note = ? WHERE outreach_id = ?")
			.params(state, note, outreachId)
			.update();
	}

	/** The invitation's (and reminder's) fields: the practice, the offer, why, and the services near the person. */
	Map<String, String> fields(OutreachRecord record, Offer offer, @Nullable LocalDate invitedOn) {
		Optional<PersonSummary> person = population.find(record.nhsNumber());
		Optional<PracticeSummary> practice = OdsCode.parse(record.practiceCode()).flatMap(directory::practice);
		String placeCode = practice.map(PracticeSummary::placeCode).orElse("");
		List<ServiceSummary> services = nearby.near(person.map(PersonSummary::postcode).orElse(null), placeCode,
				offer.serviceOffer, offer.serviceTypes, properties.servicesListed());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("practice_name", practice.map(PracticeSummary::name).orElse("Your GP practice"));
		fields.put("offer", offer.offer);
		fields.put("why", offer.why);
		fields.put("services", NearbyServices.describe(services));
		if (invitedOn != null) {
			fields.put("invited_on", Wording.day(invitedOn));
		}
		return fields;
	}

	private Draft draft(MessageKind kind, OutreachRecord record, Offer offer, Route route,
			Map<String, String> personalisation) {
		Optional<PracticeSummary> practice = OdsCode.parse(record.practiceCode()).flatMap(directory::practice);
		return new Draft(kind, kind.reference(record.id()), record.nhsNumber(), null, null, record.siteCode(),
				practice.map(PracticeSummary::placeCode).orElse(""), record.practiceCode(), route, personalisation,
				null, null, null);
	}

}
