package uk.nhs.bob.primarycare.neighbourhood;

import java.util.List;


import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

/**
 * Candidates for tests: the 2,000-person test population gives each demo team only a handful of frail people, so
 * tests add a broad cohort definition (any long-term condition) to the Oxford City team, once, and take their own
 * candidates from it.
 */
public final class NeighbourhoodTestData {

	public static final String SITE = "OX-CTY";

	static final String BROAD_COHORT = "Test: one or more long-term conditions";

	private NeighbourhoodTestData() {
	}

	public static Team oxfordTeam(TeamRepository teams, CohortDefinitionRepository definitions) {
		Team team = teams.findBySiteCode(SITE).orElseThrow();
		boolean present = definitions.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.anyMatch(d -> d.criteria().name().equals(BROAD_COHORT));
		if (!present) {
			definitions.save(new CohortDefinition(team.getId(), new CohortCriteria(BROAD_COHORT, null, 1, false, null)));
		}
		return team;
	}

	/** A candidate of the team nobody else has taken (the list shrinks as tests add and dismiss people). */
	public static Candidates.Candidate candidate(Candidates candidates, Team team, int skip) {
		List<Candidates.Candidate> all = candidates.candidates(team);
		if (all.size() <= skip) {
			throw new IllegalStateException("Not enough test candidates: " + all.size());
		}
		return all.get(all.size() - 1 - skip);
	}


}
