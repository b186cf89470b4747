package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.neighbourhood.teams.Discipline;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.PersonContextProvider;

/**
 * For the same-day request page: whether the person is on an INT caseload, who their keyworker is and the first
 * line of their contingency and crisis plan, so the coordinator can involve the team.
 */
@Component
class CaseloadTriageContext implements PersonContextProvider {

	private static final String SOURCE = "Integrated Neighbourhood Team";

	private final JdbcClient jdbc;

	CaseloadTriageContext(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonContext> contextFor(NhsNumber nhsNumber) {
		List<PersonContext> context = new ArrayList<>();
		jdbc.sql("""
				SELECT e.id, t.name AS team, m.name AS keyworker, m.discipline, e.contingency_plan
				FROM neighbourhood.caseload_entry e JOIN neighbourhood.team t ON t.id = e.team_id
				LEFT JOIN neighbourhood.team_member m ON m.id = e.keyworker_id
				WHERE e.nhs_number = ? AND e.status <> 'DISCHARGED' ORDER BY e.added_on""")
			.param(nhsNumber.value())
			.query()
			.listOfRows()
			.forEach(row -> {
				String link = "/neighbourhood/care-plans/" + row.get("id");
				context.add(new PersonContext(SOURCE, "On the caseload of", row.get("team").toString(), link));
				Object keyworker = row.get("keyworker");
				context.add(new PersonContext(SOURCE, "Keyworker", keyworker == null ? "None assigned"
						: keyworker + " (" + Discipline.valueOf(row.get("discipline").toString()).label() + ")", link));
				String plan = row.get("contingency_plan").toString().strip();
				context.add(new PersonContext(SOURCE, "Contingency plan", plan.isEmpty() ? "None recorded"
						: headline(plan), link));
			});
		return context;
	}

	/** The plan's first line, cut at 200 characters. */
	static String headline(String plan) {
		String first = plan.lines().findFirst().orElse("").strip();
		return first.length() <= 200 ? first : first.substring(0, 199) + "…";
	}

}
