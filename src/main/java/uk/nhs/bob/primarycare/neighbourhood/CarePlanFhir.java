package uk.nhs.bob.primarycare.neighbourhood;

import java.time.ZoneId;
import java.util.Date;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import uk.nhs.bob.primarycare.population.PersonSummary;

/**
 * A care plan as FHIR R4 (DOMAIN.md B10): a UK Core CarePlan with its Goals (base R4: there is no UKCore-Goal) and
 * its UK Core CareTeam contained, the person identified by NHS number. Built with the HAPI FHIR model classes.
 */
final class CarePlanFhir {

	static final String UK_CORE_CARE_PLAN = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CarePlan";

	static final String UK_CORE_CARE_TEAM = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CareTeam";

	static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

	static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

	static final String CARE_PLAN_ID_SYSTEM = "https://bob.nhs.uk/Id/care-plan";

	private CarePlanFhir() {
	}

	static CarePlan build(CarePlans.PlanView view) {
		CaseloadEntry entry = view.entry();
		PersonSummary person = view.person();
		PlanContent plan = view.plan();
		CarePlan carePlan = new CarePlan();
		carePlan.setId(entry.getCarePlanId().toString());
		carePlan.getMeta().addProfile(UK_CORE_CARE_PLAN).setVersionId(Long.toString(entry.getVersion() + 1))
			.setLastUpdated(Date.from(entry.getUpdatedAt()));
		carePlan.addIdentifier(new Identifier().setSystem(CARE_PLAN_ID_SYSTEM).setValue(entry.getCarePlanId().toString()));
		carePlan.setStatus(status(entry.getStatus()));
		carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
		carePlan.setTitle("Personalised care and support plan");
		carePlan.addCategory(new CodeableConcept().setText("Integrated Neighbourhood Team proactive care"));
		carePlan.setDescription(plan.whatMatters());
		carePlan.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM)
			.setValue(person.nhsNumber().value())).setDisplay(person.givenName() + " " + person.familyName()));
		Period period = new Period().setStart(date(entry.getAgreedOn() != null ? entry.getAgreedOn() : entry.getAddedOn()));
		if (entry.getDischargedOn() != null) {
			period.setEnd(date(entry.getDischargedOn()));
		}
		carePlan.setPeriod(period);
		carePlan.setCreated(date(entry.getAddedOn()));

		CareTeam team = new CareTeam();
		team.setId("care-team");
		team.getMeta().addProfile(UK_CORE_CARE_TEAM);
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setName(view.team().getName());
		team.addIdentifier(new Identifier().setSystem("https://bob.nhs.uk/Id/neighbourhood-site")
			.setValue(view.team().getSiteCode()));
		team.setSubject(carePlan.getSubject().copy());
		for (TeamMember member : view.members().values()) {
			if (!member.isActive()) {
				continue;
			}
			CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
			participant.addRole(new CodeableConcept().setText(member.getDiscipline().label()));
			if (member.getId().equals(entry.getKeyworkerId())) {
				participant.addRole(new CodeableConcept().setText("Keyworker"));
			}
			participant.setMember(new Reference().setDisplay(member.getName()));
			participant.setOnBehalfOf(new Reference().setDisplay(member.getOrganisation()));
		}
		carePlan.addContained(team);
		carePlan.addCareTeam(new Reference("#care-team"));

		int n = 0;
		for (PlanContent.Goal goal : plan.goals()) {
			Goal fhirGoal = new Goal();
			fhirGoal.setId("goal-" + (++n));
			fhirGoal.addIdentifier(new Identifier().setSystem("https://bob.nhs.uk/Id/care-plan-goal").setValue(goal.id()));
			fhirGoal.setLifecycleStatus(Goal.GoalLifecycleStatus.fromCode(goal.status().fhirLifecycle()));
			if (goal.status().fhirAchievement() != null) {
				fhirGoal.setAchievementStatus(new CodeableConcept().addCoding(new Coding(
						"http://terminology.hl7.org/CodeSystem/goal-achievement", goal.status().fhirAchievement(),
						goal.status().label())));
			}
			fhirGoal.setDescription(new CodeableConcept().setText(goal.description()));
			fhirGoal.setSubject(carePlan.getSubject().copy());
			fhirGoal.addTarget().setDue(new DateType(date(goal.targetDate())));
			carePlan.addContained(fhirGoal);
			carePlan.addGoal(new Reference("#" + fhirGoal.getId()));
		}
		for (PlanContent.PlanAction action : plan.actions()) {
			CarePlan.CarePlanActivityDetailComponent detail = carePlan.addActivity().getDetail();
			detail.setStatus(CarePlan.CarePlanActivityStatus.fromCode(action.status().fhirCode()));
			detail.setDescription(action.description());
			detail.setScheduled(new StringType("Due " + action.dueDate()));
			detail.addPerformer(new Reference().setDisplay(view.owner(action)));
		}
		if (!plan.contingencyPlan().isBlank()) {
			carePlan.addNote().setText("Contingency and crisis plan: " + plan.contingencyPlan());
		}
		if (entry.getNextReviewDate() != null) {
			carePlan.addNote().setText("Next review: " + entry.getNextReviewDate());
		}
		return carePlan;
	}

	private static CarePlan.CarePlanStatus status(CaseloadStatus status) {
		return switch (status) {
			case IDENTIFIED, ASSESSED -> CarePlan.CarePlanStatus.DRAFT;
			case PLAN_AGREED, UNDER_REVIEW -> CarePlan.CarePlanStatus.ACTIVE;
			case DISCHARGED -> CarePlan.CarePlanStatus.COMPLETED;
		};
	}

	private static Date date(java.time.LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant());
	}

}
