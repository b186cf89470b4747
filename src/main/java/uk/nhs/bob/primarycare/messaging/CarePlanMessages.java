package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.neighbourhood.AgreedCarePlan;
import uk.nhs.bob.primarycare.neighbourhood.AgreedCarePlans;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanCopyRequested;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A copy of the personalised care and support plan for the person when it is first agreed, and again whenever a team
 * member asks for one to be sent, if they consented: by
 * email, or, with no email and no mobile, as a letter through Notify's precompiled letter route (their preferred
 * channel first when they have one). A text message only says the plan was agreed, when it is reviewed and who their
 * keyworker is: a plan is too long and too personal for a text.
 */
@Component
class CarePlanMessages {

	private final AgreedCarePlans plans;

	private final Population population;

	private final Contacts contacts;

	private final Routing routing;

	private final MessageRecorder recorder;

	private final CarePlanLetter letters;

	private final Directory directory;

	CarePlanMessages(AgreedCarePlans plans, Population population, Contacts contacts, Routing routing,
			MessageRecorder recorder, CarePlanLetter letters, Directory directory) {
		this.plans = plans;
		this.population = population;
		this.contacts = contacts;
		this.routing = routing;
		this.recorder = recorder;
		this.letters = letters;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(CarePlanAgreed event) {
		send(event.carePlanId(), MessageKind.CARE_PLAN, MessageKind.CARE_PLAN.reference(event.carePlanId()));
	}

	/** A team member asked for a copy to be sent again (a changed plan, say): one message per request. */
	@ApplicationModuleListener
	void on(CarePlanCopyRequested event) {
		send(event.carePlanId(), MessageKind.CARE_PLAN_COPY, MessageKind.CARE_PLAN_COPY.reference(event.requestId()));
	}

	private void send(java.util.UUID carePlanId, MessageKind kind, String reference) {
		Optional<AgreedCarePlan> found = plans.find(carePlanId);
		if (found.isEmpty()) {
			return;
		}
		AgreedCarePlan plan = found.get();
		NhsNumber nhsNumber = plan.nhsNumber();
		Optional<PersonSummary> person = population.find(nhsNumber);
		Route route = routing.forPerson(nhsNumber, List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER));
		String name = person.map(p -> p.givenName() + " " + p.familyName()).orElse("");
		Map<String, String> fields = fields(plan, name);
		byte[] pdf = null;
		String letterText = null;
		if (route.channel() == Channel.LETTER) {
			CarePlanLetter.Letter letter = letters.render(name, contacts.find(nhsNumber).addressLines(), nhsNumber,
					plan, LocalDate.now(ServiceDirectory.UK_TIME));
			pdf = letter.pdf();
			letterText = letter.text();
		}
		String placeCode = directory.site(plan.siteCode()).map(SiteSummary::placeCode).orElse("");
		recorder.record(new Draft(kind, reference,
				nhsNumber, null, null, plan.siteCode(), placeCode,
				person.map(p -> p.registeredPractice().value()).orElse(null), route, fields, pdf, letterText, null));
	}

	static Map<String, String> fields(AgreedCarePlan plan, String name) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("team_name", plan.teamName());
		fields.put("agreed_on", plan.agreedOn() == null ? "" : Routing.DAY.format(plan.agreedOn()));
		fields.put("what_matters", plan.whatMatters());
		fields.put("goals", CarePlanLetter.goals(plan));
		fields.put("actions", CarePlanLetter.actions(plan));
		fields.put("contingency_plan",
				plan.contingencyPlan().isBlank() ? "Call 111, or 999 in an emergency." : plan.contingencyPlan());
		fields.put("next_review", plan.nextReviewDate() == null ? "a date your team will agree with you"
				: Routing.DAY.format(plan.nextReviewDate()));
		fields.put("keyworker", plan.keyworker() == null ? "not yet named" : plan.keyworker());
		fields.put("about_the_plan", CarePlanLetter.about(plan));
		return fields;
	}

}
