package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.MemberSummary;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A care plan as FHIR R4 (see docs/neighbourhood.md): a base R4 CarePlan with its Goals and its CareTeam contained,
 * claiming no profile (UK Core's cannot be checked here; docs/neighbourhood.md says why), the person identified by
 * NHS number and referenced as the endpoint's Patient. The category and the team members' roles are SNOMED CT coded from published FHIR value sets
 * ({@code neighbourhood/care-plan-fhir-codes.csv}); goal targets and action due dates are FHIR dates, the next
 * review date a FHIR date in the platform's published extension {@value #NEXT_REVIEW_EXTENSION}; the team's
 * status follows the plan's (a discharged person's team is inactive). Built with the HAPI FHIR model classes.
 */
public final class CarePlanFhir {

	public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

	static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

	static final String CARE_PLAN_ID_SYSTEM = "https://bob.nhs.uk/Id/care-plan";

	static final String SNOMED = "http://snomed.info/sct";

	/** Published by the endpoint: {@code GET /fhir/StructureDefinition/care-plan-next-review}. */
	static final String NEXT_REVIEW_EXTENSION = "https://bob-primarycare.nhs.uk/fhir/StructureDefinition/care-plan-next-review";

	private static final String CODES = "neighbourhood/care-plan-fhir-codes.csv";

	/** kind:key to code and display, from {@value #CODES}. */
	private static final Map<String, Coding> CODINGS = load();

	private CarePlanFhir() {
	}

	private static Map<String, Coding> load() {
		Map<String, Coding> codings = new HashMap<>();
		try (InputStream in = CarePlanFhir.class.getClassLoader().getResourceAsStream(CODES)) {
			if (in == null) {
				throw new IllegalStateException(CODES + " is missing");
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cols = line.split(",", 4);
				codings.put(cols[0] + ":" + cols[1], new Coding(SNOMED, cols[2], cols[3]));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + CODES, ex);
		}
		if (!codings.containsKey("category:PERSONALISED_CARE_AND_SUPPORT")) {
			throw new IllegalStateException(CODES + " has no care plan category");
		}
		return Map.copyOf(codings);
	}

	/**
	 * The plan as FHIR; organisations come from the directory ({@code directory}): the team's PCNs as its managing
	 * organisations, and each member's organisation by the ODS code chosen for it.
	 */
	static CarePlan build(CarePlans.PlanView view, Directory directory) {
		PlanEntry entry = view.entry();
		PersonSummary person = view.person();
		PlanContent plan = view.plan();
		CarePlan carePlan = new CarePlan();
		carePlan.setId(entry.carePlanId().toString());
		carePlan.getMeta().setVersionId(Long.toString(entry.version() + 1))
			.setLastUpdated(Date.from(entry.updatedAt()));
		carePlan.addIdentifier(new Identifier().setSystem(CARE_PLAN_ID_SYSTEM).setValue(entry.carePlanId().toString()));
		carePlan.setStatus(status(entry.status()));
		carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
		carePlan.setTitle("Personalised care and support plan");
		carePlan.addCategory(new CodeableConcept().addCoding(CODINGS.get("category:PERSONALISED_CARE_AND_SUPPORT").copy())
			.setText("Personalised care and support plan (Integrated Neighbourhood Team proactive care)"));
		carePlan.setDescription(plan.whatMatters());
		carePlan.setSubject(new Reference("Patient/" + person.nhsNumber().value())
			.setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(person.nhsNumber().value()))
			.setDisplay(person.givenName() + " " + person.familyName()));
		Period period = new Period().setStart(date(entry.agreedOn() != null ? entry.agreedOn() : entry.addedOn()));
		if (entry.dischargedOn() != null) {
			period.setEnd(date(entry.dischargedOn()));
		}
		carePlan.setPeriod(period);
		carePlan.setCreated(date(entry.addedOn()));

		CareTeam team = new CareTeam();
		team.setId("care-team");
		team.setStatus(teamStatus(entry.status()));
		team.setPeriod(period.copy());
		team.setName(view.team().name());
		team.addIdentifier(new Identifier().setSystem("https://bob.nhs.uk/Id/neighbourhood-site")
			.setValue(view.team().siteCode()));
		team.setSubject(carePlan.getSubject().copy());
		// the PCNs whose practices make up the team's neighbourhood site
		directory.pcns()
			.stream()
			.filter(pcn -> pcn.siteCode().equals(view.team().siteCode()))
			.forEach(pcn -> team.addManagingOrganization(organisation(pcn.odsCode(), pcn.name())));
		for (MemberSummary member : view.members().values()) {
			if (!member.active()) {
				continue;
			}
			CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
			CodeableConcept role = new CodeableConcept().setText(member.discipline().label());
			Coding coded = CODINGS.get("role:" + member.discipline().name());
			if (coded != null) {
				role.addCoding(coded.copy());
			}
			participant.addRole(role);
			if (member.id().equals(entry.keyworkerId())) {
				participant.addRole(new CodeableConcept().setText("Keyworker"));
			}
			participant.setMember(new Reference().setDisplay(member.name()));
			participant.setOnBehalfOf(memberOrganisation(member, directory));
		}
		carePlan.addContained(team);
		carePlan.addCareTeam(new Reference("#care-team"));
		// the plan is the team's, agreed with the person
		carePlan.setAuthor(new Reference("#care-team").setDisplay(view.team().name()));

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
			fhirGoal.addTarget().setDue(new DateType(goal.targetDate().toString()));
			carePlan.addContained(fhirGoal);
			carePlan.addGoal(new Reference("#" + fhirGoal.getId()));
		}
		for (PlanContent.PlanAction action : plan.actions()) {
			CarePlan.CarePlanActivityDetailComponent detail = carePlan.addActivity().getDetail();
			detail.setStatus(CarePlan.CarePlanActivityStatus.fromCode(action.status().fhirCode()));
			detail.setDescription(action.description());
			// due by: the end of the period in which the action is to be done
			detail.setScheduled(new Period().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(
					action.dueDate().toString())));
			detail.addPerformer(new Reference().setDisplay(view.owner(action)));
		}
		if (!plan.contingencyPlan().isBlank()) {
			carePlan.addNote().setText("Contingency and crisis plan: " + plan.contingencyPlan());
		}
		// neither R4 nor UK Core has a next review date for a CarePlan: the platform's own extension carries it;
		// a completed plan has no review to come
		if (entry.nextReviewDate() != null && entry.status() != CaseloadStatus.DISCHARGED) {
			carePlan.addExtension(NEXT_REVIEW_EXTENSION, new DateType(entry.nextReviewDate().toString()));
		}
		return carePlan;
	}

	/**
	 * A member's organisation: with its ODS code when one was chosen from the directory (named as the directory names
	 * it now, where it still holds it); otherwise the name typed, with no identifier, because none is known.
	 */
	private static Reference memberOrganisation(MemberSummary member, Directory directory) {
		OdsCode ods = member.organisationOds();
		if (ods == null) {
			return new Reference().setType("Organization").setDisplay(member.organisation());
		}
		String name = directory.practice(ods)
			.map(PracticeSummary::name)
			.or(() -> directory.pcn(ods.value()).map(PcnSummary::name))
			.orElse(member.organisation());
		return organisation(ods.value(), name);
	}

	private static Reference organisation(String odsCode, String name) {
		return new Reference().setType("Organization")
			.setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(odsCode))
			.setDisplay(name);
	}

	static CarePlan.CarePlanStatus status(CaseloadStatus status) {
		return switch (status) {
			case IDENTIFIED, ASSESSED -> CarePlan.CarePlanStatus.DRAFT;
			case PLAN_AGREED, UNDER_REVIEW -> CarePlan.CarePlanStatus.ACTIVE;
			case DISCHARGED -> CarePlan.CarePlanStatus.COMPLETED;
		};
	}

	/** A plan being drawn up has a proposed team; a discharged person's team has stopped working with them. */
	private static CareTeam.CareTeamStatus teamStatus(CaseloadStatus status) {
		return switch (status) {
			case IDENTIFIED, ASSESSED -> CareTeam.CareTeamStatus.PROPOSED;
			case PLAN_AGREED, UNDER_REVIEW -> CareTeam.CareTeamStatus.ACTIVE;
			case DISCHARGED -> CareTeam.CareTeamStatus.INACTIVE;
		};
	}

	private static Date date(java.time.LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant());
	}

}
