package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.FhirTesting;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Discipline;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CarePlan on the FHIR endpoint through HAPI's generic client: read, search, coded and dated, valid R4, audited. A
 * whole-application test because the endpoint is HAPI's own servlet, which only a real HTTP client on the served port
 * reaches (MockMvc drives Spring MVC's dispatcher alone); each test makes its own team, care team, person and plan.
 */
@IntegrationTest
class CarePlanFhirEndpointTests {

	static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

	static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

	@Autowired
	Directory directory;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	Caseload caseload;

	IGenericClient client(String... scopes) {
		return FhirTesting.client(port, tokens.token(scopes));
	}

	@Autowired
	ApplicationContext context;

	/** A plan agreed for a person of a team, care team and practice the test makes (not the demo data's). */
	CaseloadEntry agreedPlan() {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		UUID keyworker = NeighbourhoodTestData.careTeam(jdbc, members, team).getId();
		LocalDate target = LocalDate.now().plusMonths(3);
		PlanContent plan = new PlanContent("To keep gardening",
				List.of(new PlanContent.Goal("g1", "Walk to the allotment", target, GoalStatus.IMPROVING)),
				List.of(new PlanAction("a1", "Falls assessment", keyworker, null, target.minusMonths(1),
						ActionStatus.NOT_STARTED, null)),
				"Call my son", target);
		return NeighbourhoodTestData.agreedPlan(caseload, team, NeighbourhoodTestData.person(context, team), keyworker,
				plan);
	}

	long audits(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND page = ? AND outcome = 'VIEWED' "
				+ "AND username = 'api-client'")
			.params(nhsNumber, CarePlanResourceProvider.PAGE)
			.query(Long.class)
			.single();
	}

	@Test
	void aSharedCareRecordReadsAPlanCodedAndDatedAsValidR4AndEveryReadIsAuditedAsTheSystem() {
		CaseloadEntry entry = agreedPlan();
		long before = audits(entry.getNhsNumber().value());
		CarePlan plan = client("careplan.read").read().resource(CarePlan.class)
			.withId(entry.getCarePlanId().toString()).execute();
		FhirTesting.assertValid(plan);
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + entry.getNhsNumber().value());
		assertThat(plan.getSubject().getIdentifier().getValue()).isEqualTo(entry.getNhsNumber().value());
		assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
		assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isNotBlank();
		Goal goal = plan.getContained().stream().filter(Goal.class::isInstance).map(Goal.class::cast).findFirst()
			.orElseThrow();
		assertThat(goal.getTargetFirstRep().getDueDateType().getValueAsString())
			.isEqualTo(LocalDate.now().plusMonths(3).toString());
		// the next review date is a FHIR date in the published extension, not a note
		org.hl7.fhir.r4.model.Extension review = plan.getExtensionByUrl(
				"https://bob-primarycare.nhs.uk/fhir/StructureDefinition/care-plan-next-review");
		assertThat(review).as("next review extension").isNotNull();
		assertThat(((org.hl7.fhir.r4.model.DateType) review.getValue()).getValueAsString())
			.isEqualTo(LocalDate.now().plusMonths(3).toString());
		assertThat(plan.getNote()).noneMatch(n -> n.getText().contains("review"));
		Period due = plan.getActivityFirstRep().getDetail().getScheduledPeriod();
		assertThat(due.getEndElement().getValueAsString()).isEqualTo(LocalDate.now().plusMonths(2).toString());
		CareTeam team = plan.getContained().stream().filter(CareTeam.class::isInstance).map(CareTeam.class::cast)
			.findFirst().orElseThrow();
		assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.ACTIVE);
		// each member's role is SNOMED CT coded where the discipline has a code, with the discipline as text
		assertThat(team.getParticipant()).anySatisfy(p -> {
			assertThat(p.getRoleFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
			assertThat(p.getRoleFirstRep().getText()).isEqualTo("GP");
		});
		// organisations: the team's PCNs and the members' organisations chosen from the directory carry their ODS
		// codes as the directory holds them; an organisation the directory does not hold is a name, with no code
		String site = teams.findAll().stream().filter(t -> t.getId().equals(entry.getTeamId())).findFirst()
			.orElseThrow().getSiteCode();
		assertThat(team.getManagingOrganization()).hasSize(1).allSatisfy(org -> {
			assertThat(org.getIdentifier().getSystem()).isEqualTo(ODS);
			assertThat(directory.pcn(org.getIdentifier().getValue())).get()
				.satisfies(pcn -> {
					assertThat(pcn.siteCode()).isEqualTo(site);
					assertThat(org.getDisplay()).isEqualTo(pcn.name());
				});
		});
		List<TeamMember> listed = members.findByTeamIdAndActiveTrueOrderByName(entry.getTeamId());
		for (TeamMember member : listed) {
			Reference onBehalfOf = team.getParticipant().stream()
				.filter(p -> p.getMember().getDisplay().equals(member.getName())).findFirst().orElseThrow()
				.getOnBehalfOf();
			if (member.getOrganisationOds() == null) {
				assertThat(onBehalfOf.hasIdentifier()).as(member.getOrganisation()).isFalse();
				assertThat(onBehalfOf.getDisplay()).isEqualTo(member.getOrganisation());
			}
			else {
				assertThat(onBehalfOf.getIdentifier().getSystem()).isEqualTo(ODS);
				assertThat(onBehalfOf.getIdentifier().getValue()).isEqualTo(member.getOrganisationOds().value());
			}
		}
		TeamMember gp = listed.stream().filter(m -> m.getDiscipline() == Discipline.GP).findFirst().orElseThrow();
		assertThat(gp.getOrganisationOds()).as("the test's GP works at a directory practice").isNotNull();
		assertThat(directory.practice(gp.getOrganisationOds())).get().satisfies(practice -> assertThat(
				team.getParticipant().stream().map(p -> p.getOnBehalfOf().getDisplay())).contains(practice.name()));
		assertThat(listed).hasSize(3).anyMatch(m -> m.getOrganisationOds() == null);
		assertThat(plan.getAuthor().getReference()).isEqualTo("#care-team");
		assertThat(audits(entry.getNhsNumber().value())).isEqualTo(before + 1);

		// in XML too
		IGenericClient xml = client("careplan.read");
		xml.setEncoding(EncodingEnum.XML);
		assertThat(xml.read().resource(CarePlan.class).withId(entry.getCarePlanId().toString()).execute()
			.getDescription()).isEqualTo("To keep gardening");
		assertThat(audits(entry.getNhsNumber().value())).isEqualTo(before + 2);
	}

	@Test
	void plansAreFoundByNhsNumberStatusAndLastUpdatedAndADischargedPlansTeamIsInactive() {
		CaseloadEntry entry = agreedPlan();
		IGenericClient client = client("careplan.read");
		Bundle byPatient = client.search().forResource(CarePlan.class)
			.where(CarePlan.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly().systemAndCode(NHS,
					entry.getNhsNumber().value())))
			.returnBundle(Bundle.class)
			.execute();
		FhirTesting.assertValid(byPatient);
		assertThat(byPatient.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(entry.getCarePlanId().toString());

		Bundle active = client.search().forResource(CarePlan.class)
			.where(CarePlan.STATUS.exactly().code("active"))
			.lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(Date.from(Instant.now().minus(10, ChronoUnit.MINUTES)),
					null))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(active.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.contains(entry.getCarePlanId().toString());
		active.getEntry().forEach(e -> assertThat(((CarePlan) e.getResource()).getStatus())
			.isEqualTo(CarePlan.CarePlanStatus.ACTIVE));

		entry = caseload.discharge(entry.getId(), entry.getVersion(), "Goals met", "neighbourhood");
		CarePlan discharged = client.read().resource(CarePlan.class).withId(entry.getCarePlanId().toString()).execute();
		FhirTesting.assertValid(discharged);
		assertThat(discharged.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
		assertThat(discharged.getPeriod().hasEnd()).isTrue();
		CareTeam team = discharged.getContained().stream().filter(CareTeam.class::isInstance).map(CareTeam.class::cast)
			.findFirst().orElseThrow();
		assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.INACTIVE);
		assertThat(discharged.getExtensionByUrl(CarePlanFhir.NEXT_REVIEW_EXTENSION)).as("no review after discharge")
			.isNull();
		Bundle completed = client.search().forResource(CarePlan.class)
			.where(CarePlan.PATIENT.hasId(entry.getNhsNumber().value()))
			.and(CarePlan.STATUS.exactly().code("completed"))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(completed.getEntry()).hasSize(1);
	}

	@Test
	void badSearchesUnknownPlansAndMissingScopesAreOperationOutcomes() {
		CaseloadEntry entry = agreedPlan();
		assertThatThrownBy(() -> client("careplan.read").read().resource(CarePlan.class)
			.withId(UUID.randomUUID().toString()).execute()).isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client("careplan.read").read().resource(CarePlan.class).withId("not-a-plan")
			.execute()).isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client("careplan.read").search().forResource(CarePlan.class)
			.where(CarePlan.STATUS.exactly().code("sleeping")).returnBundle(Bundle.class).execute())
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("sleeping");
		assertThatThrownBy(() -> client("careplan.read").search().forResource(CarePlan.class)
			.returnBundle(Bundle.class).execute()).isInstanceOf(InvalidRequestException.class);
		long before = audits(entry.getNhsNumber().value());
		assertThatThrownBy(() -> client("patient.read").read().resource(CarePlan.class)
			.withId(entry.getCarePlanId().toString()).execute())
			.isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("careplan.read");
		assertThat(audits(entry.getNhsNumber().value())).isEqualTo(before);
	}

}
