package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.FhirTesting;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A referral to the INT sent as a FHIR ServiceRequest through HAPI's generic client: made through the same referral
 * rules and queue as the page, its status read back as the team answers it (valid R4 each time), errors as
 * OperationOutcomes, audited, and only with the scope. A whole-application test because the endpoint is HAPI's own
 * servlet, which only a real HTTP client on the served port reaches (MockMvc drives Spring MVC's dispatcher alone);
 * each test refers people of a team, practice and keyworker it makes, not the demo data's.
 */
@IntegrationTest
class ServiceRequestFhirEndpointTests {

	static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	ApplicationContext context;

	@Autowired
	uk.nhs.bob.primarycare.population.Population population;

	IGenericClient client(String... scopes) {
		return FhirTesting.client(port, tokens.token(scopes));
	}

	/** A new person registered at the practice of the team (and so referred to it). */
	String person(Team team) {
		return NeighbourhoodTestData.person(context, team).value();
	}

	static ServiceRequest referral(String nhsNumber, ServiceRequest.ServiceRequestPriority priority) {
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NHS).setValue(nhsNumber)));
		request.setPriority(priority);
		request.addReasonCode(new CodeableConcept().setText("Two falls since discharge, lives alone"));
		request.addNote(new Annotation().setText("Daughter visits weekly"));
		request.setRequester(new Reference().setDisplay("Dr Rhiannon Example, Jericho Health Centre"));
		return request;
	}

	@Test
	void aServiceRequestIsAReferralInTheTeamsQueueAndItsStatusFollowsTheTeamsAnswer() throws Exception {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		TeamMember keyworker = NeighbourhoodTestData.careTeam(jdbc, members, team);
		RequestPostProcessor member = user(keyworker.getUsername()).roles("INT_MEMBER");
		String accepted = person(team);
		String declined = person(team);
		IGenericClient client = client("referral.write");
		MethodOutcome created = client.create().resource(referral(accepted, ServiceRequest.ServiceRequestPriority.URGENT))
			.execute();
		assertThat(created.getCreated()).isTrue();
		ServiceRequest returned = (ServiceRequest) created.getResource();
		FhirTesting.assertValid(returned);
		assertThat(returned.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
		assertThat(returned.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
		assertThat(returned.getReasonCodeFirstRep().getText())
			.isEqualTo("Two falls since discharge, lives alone\nDaughter visits weekly");
		assertThat(returned.getRequester().getDisplay()).startsWith("Dr Rhiannon Example, Jericho Health Centre (via ");
		String id = created.getId().getIdPart();
		assertThat(jdbc.sql("SELECT urgency FROM neighbourhood.referral WHERE id = ?").param(UUID.fromString(id))
			.query(String.class).single()).isEqualTo("URGENT");
		// the team sees it in its queue and accepts it
		assertThat(mvc.get().uri("/neighbourhood/teams/" + team.getSiteCode() + "/referrals").with(member))
			.hasStatusOk().bodyText().contains("Two falls since discharge, lives alone");
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + id + "/accept")
			.param("keyworkerId", keyworker.getId().toString()).with(member).with(csrf())).hasStatus(HttpStatus.FOUND);
		ServiceRequest read = client.read().resource(ServiceRequest.class).withId(id).execute();
		FhirTesting.assertValid(read);
		assertThat(read.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
		assertThat(read.getNoteFirstRep().getText()).startsWith("Accepted onto the caseload of");

		String second = client.create().resource(referral(declined, ServiceRequest.ServiceRequestPriority.ROUTINE))
			.execute().getId().getIdPart();
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + second + "/decline")
			.param("declineReason", "Already under the community matron")
			.with(member).with(csrf())).hasStatus(HttpStatus.FOUND);
		Bundle found = client.search().forResource(ServiceRequest.class)
			.where(ServiceRequest.PATIENT.hasChainedProperty(org.hl7.fhir.r4.model.Patient.IDENTIFIER.exactly()
				.systemAndIdentifier(NHS, declined)))
			.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		ServiceRequest revoked = (ServiceRequest) found.getEntryFirstRep().getResource();
		FhirTesting.assertValid(revoked);
		assertThat(revoked.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
		assertThat(revoked.getNoteFirstRep().getText()).isEqualTo("Declined by " + team.getName()
				+ ": Already under the community matron");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND page = ?")
			.params(declined, ReferralResourceProvider.PAGE).query(Long.class).single()).isPositive();

		// another system does not read this system's referrals
		IGenericClient other = FhirTesting.client(port, tokens.otherClientToken("referral.write"));
		assertThatThrownBy(() -> other.read().resource(ServiceRequest.class).withId(id).execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void badReferralsAreOperationOutcomesAndNothingIsQueued() throws Exception {
		IGenericClient client = client("referral.write");
		long before = jdbc.sql("SELECT count(*) FROM neighbourhood.referral").query(Long.class).single();
		// an NHS number with a valid check digit that nobody in the ICB has
		String nobody = java.util.stream.IntStream.range(100, 999)
			.mapToObj(i -> "999999" + i)
			.filter(nine -> uk.nhs.bob.primarycare.shared.NhsNumber.checkDigit(nine) != null)
			.map(nine -> nine + uk.nhs.bob.primarycare.shared.NhsNumber.checkDigit(nine))
			.filter(n -> population.find(new uk.nhs.bob.primarycare.shared.NhsNumber(n)).isEmpty())
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> client.create().resource(referral(nobody, ServiceRequest.ServiceRequestPriority.ROUTINE))
			.execute()).isInstanceOfSatisfying(UnprocessableEntityException.class,
					ex -> assertThat(outcome(ex).getIssueFirstRep().getDiagnostics())
						.contains("No one with this NHS number is registered in the ICB"));
		String someone = person(NeighbourhoodTestData.newTeam(context, jdbc, teams));
		assertThatThrownBy(() -> client.create().resource(referral(someone, ServiceRequest.ServiceRequestPriority.STAT))
			.execute()).isInstanceOfSatisfying(UnprocessableEntityException.class,
					ex -> assertThat(outcome(ex).getIssueFirstRep().getDiagnostics()).contains("not stat"));
		ServiceRequest nothing = new ServiceRequest();
		nothing.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		nothing.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		nothing.setSubject(new Reference("Patient/123"));
		assertThatThrownBy(() -> client.create().resource(nothing).execute())
			.isInstanceOfSatisfying(UnprocessableEntityException.class, ex -> assertThat(outcome(ex).getIssue())
				.extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
				.contains("'123' is not a valid NHS number")
				.anyMatch(d -> d.contains("reason for the referral"))
				.anyMatch(d -> d.contains("requester.display")));
		// a priority FHIR does not have is a bad request
		String json = FhirTesting.FHIR.newJsonParser()
			.encodeResourceToString(referral(someone, ServiceRequest.ServiceRequestPriority.ROUTINE))
			.replace("\"routine\"", "\"soon\"");
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
			.uri(URI.create("http://localhost:" + port + "/fhir/ServiceRequest"))
			.header("Authorization", "Bearer " + tokens.token("referral.write"))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("OperationOutcome", "soon");
		assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.referral").query(Long.class).single()).isEqualTo(before);
		// without the scope
		assertThatThrownBy(() -> client("careplan.read").create()
			.resource(referral(someone, ServiceRequest.ServiceRequestPriority.ROUTINE)).execute())
			.isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("referral.write");
		assertThat(List.of(jdbc.sql("SELECT count(*) FROM neighbourhood.referral").query(Long.class).single()))
			.containsExactly(before);
	}

	private static OperationOutcome outcome(UnprocessableEntityException ex) {
		return (OperationOutcome) ex.getOperationOutcome();
	}

}
