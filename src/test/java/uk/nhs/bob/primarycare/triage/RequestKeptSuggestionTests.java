package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The request page keeps the markup of its suggestion (dispositions with the matching services) by the value of what
 * it shows: a service renamed straight in the database (as another instance would) shows on the next view. The test
 * records its own request (a urinary symptom, suggested Pharmacy First) for a person it registers in the Aylesbury
 * hub, and views it as a coordinator of that hub it makes.
 */
@TriageModuleTest
class RequestKeptSuggestionTests {

	static final String HUB = "BK-AYL";

	static final Pattern FIRST_SERVICE = Pattern
		.compile("<tr class=\"nhsuk-table__row\">\\s*<td class=\"nhsuk-table__cell\">([^<&]+)</td>");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriageRequests requests;

	@Autowired
	ApplicationContext context;

	@Test
	void aServiceChangedElsewhereShowsOnTheNextView() throws Exception {
		PopulationFixtures.referenceData(context);
		String coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site(HUB),
				Role.CARE_COORDINATOR);
		Map<String, Object> person = TriageTestData.registered(context, HUB, Sex.FEMALE, 35);
		UUID id = requests.record(new NewRequest(TriageRequest.Channel.API, null, "api-client",
				new RequestedPerson(new NhsNumber(person.get("nhs_number").toString()),
						person.get("given_name").toString(), person.get("family_name").toString(),
						LocalDate.parse(person.get("date_of_birth").toString()), Sex.FEMALE, null),
				null, null, new RequestDetails(PresentingProblem.URINARY_SYMPTOMS, "Since yesterday", null, Set.of(), false, null,
						null, 2, null, null, null, null, null, false)))
			.id();
		String page = "/triage/requests/" + id;

		String html = view(page, coordinator);
		Matcher shown = FIRST_SERVICE.matcher(html.substring(html.indexOf("id=\"suggestions\"")));
		assertThat(shown.find()).as("the suggestion lists a service").isTrue();
		String service = shown.group(1);
		String renamed = service + " (renamed elsewhere)";
		assertThat(jdbc.sql("UPDATE directory.service SET name = ? WHERE name = ?").params(renamed, service).update())
			.isPositive();
		try {
			assertThat(view(page, coordinator)).contains(renamed);
		}
		finally {
			jdbc.sql("UPDATE directory.service SET name = ? WHERE name = ?").params(service, renamed).update();
		}
		assertThat(view(page, coordinator)).contains(service).doesNotContain(renamed);
	}

	private String view(String page, String coordinator) throws Exception {
		var result = mvc.get().uri(page).with(user(coordinator).roles(Role.CARE_COORDINATOR.name())).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
