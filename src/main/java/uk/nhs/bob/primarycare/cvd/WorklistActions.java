package uk.nhs.bob.primarycare.cvd;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Bulk actions on a worklist selection, each in one transaction after checking that every person selected is
 * registered in the user's scope (one outside it refuses the whole action, audited): take ownership, give it up,
 * and record an invitation sent. An owner set by someone else is never overwritten: the result says who has them.
 */
@Component
class WorklistActions {

	/** What an assignment did: how many are now the user's, and who already has the others. */
	record Assigned(int assigned, int alreadyYours, Map<String, Integer> ownedByOthers) {
	}

	private final JdbcClient jdbc;

	private final Population population;

	private final Directory directory;

	private final CvdOutreach outreach;

	WorklistActions(JdbcClient jdbc, Population population, Directory directory, CvdOutreach outreach) {
		this.jdbc = jdbc;
		this.population = population;
		this.directory = directory;
		this.outreach = outreach;
	}

	@Transactional
	Assigned assignToMe(StaffUser user, List<NhsNumber> people) {
		inScope(user, people);
		int assigned = 0;
		int alreadyYours = 0;
		Map<String, Integer> others = new TreeMap<>();
		Instant now = Instant.now();
		for (NhsNumber person : people) {
			int inserted = jdbc.sql("""
					INSERT INTO cvd.worklist_owner (nhs_number, owner, assigned_at, assigned_by) VALUES (?, ?, ?, ?)
					ON CONFLICT (nhs_number) DO NOTHING""")
				.params(person.value(), user.username(), Timestamp.from(now), user.username())
				.update();
			if (inserted == 1) {
				assigned++;
				continue;
			}
			String owner = jdbc.sql("SELECT owner FROM cvd.worklist_owner WHERE nhs_number = ?")
				.param(person.value())
				.query(String.class)
				.single();
			if (owner.equals(user.username())) {
				alreadyYours++;
			}
			else {
				others.merge(owner, 1, Integer::sum);
			}
		}
		return new Assigned(assigned, alreadyYours, others);
	}

	/** Gives up the user's own ownership of the people selected; returns how many were theirs. */
	@Transactional
	int release(StaffUser user, List<NhsNumber> people) {
		inScope(user, people);
		int released = 0;
		for (NhsNumber person : people) {
			released += jdbc.sql("DELETE FROM cvd.worklist_owner WHERE nhs_number = ? AND owner = ?")
				.params(person.value(), user.username())
				.update();
		}
		return released;
	}

	/**
	 * Records an invitation sent today for each person (outcome "invited or referred"). An invitation changes no
	 * rule, so no one is re-evaluated.
	 */
	@Transactional
	int recordInvitations(StaffUser user, List<NhsNumber> people, OutreachType type, LocalDate date) {
		List<PracticeSummary> practices = inScope(user, people);
		for (int i = 0; i < people.size(); i++) {
			outreach.record(people.get(i), practices.get(i), type, null, OutreachOutcome.SENT, date, null,
					user.username());
		}
		return people.size();
	}

	/** Each person's practice, refusing the whole action if any is registered outside the user's scope. */
	private List<PracticeSummary> inScope(StaffUser user, List<NhsNumber> people) {
		List<PracticeSummary> practices = new ArrayList<>();
		for (NhsNumber person : people) {
			PracticeSummary practice = population.registeredPractice(person)
				.flatMap(directory::practice)
				.filter(user::canSee)
				.orElseThrow(() -> new RefusedAccess("This person is registered outside your scope", person));
			practices.add(practice);
		}
		return practices;
	}

}
