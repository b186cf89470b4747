package uk.nhs.bob.primarycare.triage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.DemoDataPart;

/**
 * Triage demo data: for the demo hubs (Aylesbury, where the demo coordinator works, Oxford City and Reading) a live
 * queue of open requests, one with a red flag at the top, and six weeks of completed requests (some overridden,
 * some repeated within 7 days) so the measures page shows trends. Uses only the population and directory facades.
 */
@Component
@Order(50)
class TriageDemoData implements DemoDataPart {

	private static final Logger log = LoggerFactory.getLogger(TriageDemoData.class);

	static final String DEMO = "demo-data";

	static final List<String> HUBS = List.of("BK-AYL", "OX-CTY", "BW-RDG");

	private static final String[] SUPERVISORS = { "supervisor", "supervisor-oxon", "supervisor-berks" };

	private static final String[] COORDINATORS = { "coordinator", "coordinator-oxon", "coordinator-berks" };

	private static final PresentingProblem[] COMMON = { PresentingProblem.URINARY_SYMPTOMS,
			PresentingProblem.SORE_THROAT, PresentingProblem.SINUSITIS, PresentingProblem.EARACHE,
			PresentingProblem.BACK_OR_JOINT_PAIN, PresentingProblem.RED_OR_SORE_EYE, PresentingProblem.TOOTH_PAIN,
			PresentingProblem.LOW_MOOD_OR_ANXIETY, PresentingProblem.MINOR_INJURY, PresentingProblem.OTHER,
			PresentingProblem.LONG_TERM_CONDITION, PresentingProblem.REPEAT_MEDICATION, PresentingProblem.SHINGLES,
			PresentingProblem.IMPETIGO, PresentingProblem.LONELINESS_OR_SOCIAL, PresentingProblem.HEARING_PROBLEM };

	private final TriageRequests requests;

	private final Population population;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final HubSettings hubSettings;

	TriageDemoData(TriageRequests requests, Population population, Directory directory, JdbcClient jdbc,
			HubSettings hubSettings) {
		this.hubSettings = hubSettings;
		this.requests = requests;
		this.population = population;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public boolean present() {
		return jdbc.sql("SELECT count(*) FROM triage.request WHERE submitted_by = ?")
			.param(DEMO)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public void create() {
		Random random = new Random(50);
		Map<String, PracticeSummary> practices = directory.practices()
			.stream()
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
		Instant now = Instant.now();
		int created = 0;
		openHubsOnWeekdays();
		for (int h = 0; h < HUBS.size(); h++) {
			String hub = HUBS.get(h);
			List<PersonSummary> people = peopleOf(hub, practices);
			if (people.size() < 60) {
				log.warn("Triage demo data: only {} people in hub {}", people.size(), hub);
				if (people.isEmpty()) {
					continue;
				}
			}
			People cursor = new People(people);
			created += history(h, cursor, random);
			created += todaysQueue(hub, cursor, now, random);
		}
		// follow-ups of all but the last few days were done; the rest are on the follow-up worklist (a change to a
		// request's row goes through its version, which the request page keeps its markup by)
		jdbc.sql("""
				UPDATE triage.request SET followed_up_at = completed_at + interval '3 days', followed_up_by = 'coordinator',
				  follow_up_note = 'Called: the person was seen and is better', version = version + 1
				WHERE submitted_by = ? AND follow_up_date < current_date - 2""")
			.param(DEMO)
			.update();
		identityNotVerified(now, peopleOf("BK-AYL", practices));
		log.info("Triage demo data: {} requests for hubs {}", created, HUBS);
	}

	/** The people of a hub, taken in turn (round again when there are fewer than the requests). */
	private static final class People {

		private final List<PersonSummary> people;

		private int next;

		People(List<PersonSummary> people) {
			this.people = people;
		}

		PersonSummary next() {
			return people.get(next++ % people.size());
		}

	}

	/** Every hub works the core hours of general practice's online consultation, 08:00 to 18:30 on weekdays. */
	private void openHubsOnWeekdays() {
		List<uk.nhs.bob.primarycare.directory.OpeningPeriod> weekdays = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekdays.add(uk.nhs.bob.primarycare.directory.OpeningPeriod.of(day, "08:00", "18:30"));
		}
		directory.sites()
			.forEach(site -> hubSettings.initialHours(site.code(),
					new uk.nhs.bob.primarycare.directory.OpeningHours(weekdays)));
	}

	/** Six weeks of history: 12 to 20 requests a week, decided 5 to 90 minutes after arrival. */
	private int history(int h, People people, Random random) {
		int created = 0;
		LocalDate thisMonday = LocalDate.now(ServiceDirectory.UK_TIME).with(DayOfWeek.MONDAY);
		for (int week = 6; week >= 1; week--) {
			int count = 12 + random.nextInt(9);
			for (int i = 0; i < count; i++) {
				PersonSummary person = people.next();
				LocalDateTime at = thisMonday.minusWeeks(week)
					.plusDays(random.nextInt(5))
					.atTime(8 + random.nextInt(9), random.nextInt(60));
				Instant received = at.atZone(ServiceDirectory.UK_TIME).toInstant();
				PresentingProblem problem = COMMON[random.nextInt(COMMON.length)];
				TriageRequests.Recorded recorded = record(person, problem, Set.of(), received, random);
				Disposition suggested = recorded.navigation().recommended().code();
				boolean override = random.nextInt(10) == 0;
				Disposition decided = override
						? (suggested == Disposition.GP_ROUTINE ? Disposition.PRACTICE_NURSE : Disposition.GP_ROUTINE)
						: suggested;
				requests.completeAt(recorded.id(), decided, COORDINATORS[h],
						received.plus(5 + random.nextInt(85), ChronoUnit.MINUTES),
						override ? "Caller preferred to see the practice" : null, SUPERVISORS[h]);
				created++;
				// about one in twelve people ask again within the week: the earlier request was not right first time
				if (random.nextInt(12) == 0 && week > 1) {
					TriageRequests.Recorded again = record(person, problem, Set.of(),
							received.plus(2 + random.nextInt(4), ChronoUnit.DAYS), random);
					requests.completeAt(again.id(), Disposition.GP_ROUTINE, COORDINATORS[h],
							received.plus(2, ChronoUnit.DAYS).plus(30, ChronoUnit.MINUTES), "Came back: needs the GP",
							SUPERVISORS[h]);
					created++;
				}
			}
		}
		return created;
	}

	/** Today's queue: waiting from a few minutes to several hours, one red flag. */
	private int todaysQueue(String hub, People people, Instant now, Random random) {
		int open = hub.equals("BK-AYL") ? 14 : 8;
		for (int i = 0; i < open; i++) {
			PersonSummary person = people.next();
			Instant received = now.minus(3 + random.nextInt(300), ChronoUnit.MINUTES);
			Set<RedFlag> flags = i == 0 ? EnumSet.of(RedFlag.CHEST_PAIN) : Set.of();
			PresentingProblem problem = i == 0 ? PresentingProblem.OTHER : COMMON[random.nextInt(COMMON.length)];
			record(person, problem, flags, received, random);
		}
		return open;
	}

	/**
	 * An online request to the Aylesbury hub with the NHS number of someone registered there but another date of birth
	 * and name: recorded as identity not verified, for the hub's coordinator to settle.
	 */
	private void identityNotVerified(Instant now, List<PersonSummary> hubPeople) {
		hubPeople.stream().reduce((first, last) -> last).ifPresent(someone -> {
			RequestedPerson sent = new RequestedPerson(someone.nhsNumber(), "Tem", "Visitor",
					LocalDate.of(1980, 5, 5), NavigationInput.Sex.FEMALE, null);
			RequestDetails details = new RequestDetails(PresentingProblem.SORE_THROAT, "Started yesterday", null,
					Set.of(), Boolean.FALSE, null, null, 2, null, null, null, null, "0118 496 0123", false);
			requests.record(new NewRequest(TriageRequest.Channel.ONLINE_FORM, null, DEMO, sent, null, "BK-AYL", details),
					now.minus(25, ChronoUnit.MINUTES));
		});
	}

	private List<PersonSummary> peopleOf(String hub, Map<String, PracticeSummary> practices) {
		List<PersonSummary> people = new ArrayList<>();
		PersonSummary after = null;
		// walk the population a page at a time until there are enough people registered in the hub
		while (people.size() < 150) {
			List<PersonSummary> page = population.page(after == null ? null : after.nhsNumber(), 2_000);
			if (page.isEmpty()) {
				break;
			}
			for (PersonSummary person : page) {
				PracticeSummary practice = practices.get(person.registeredPractice().value());
				if (practice != null && practice.siteCode().equals(hub) && !person.deceased()) {
					people.add(person);
				}
			}
			after = page.get(page.size() - 1);
		}
		return people;
	}

	private TriageRequests.Recorded record(PersonSummary person, PresentingProblem problem, Set<RedFlag> flags,
			Instant received, Random random) {
		RequestedPerson requested = new RequestedPerson(person.nhsNumber(), person.givenName(),
				person.familyName(), person.dateOfBirth(),
				person.sex() == Sex.FEMALE ? NavigationInput.Sex.FEMALE : NavigationInput.Sex.MALE,
				person.postcode().value());
		TriageRequest.Channel channel = TriageRequest.Channel.values()[random.nextInt(3)];
		RequestDetails details = new RequestDetails(problem, ONSETS[random.nextInt(ONSETS.length)], null, flags,
				person.sex() == Sex.FEMALE ? Boolean.FALSE : null, null, null, 1 + random.nextInt(5), null, null, null,
				problem == PresentingProblem.SHINGLES ? 1 + random.nextInt(4) : null, null, false);
		return requests.record(new NewRequest(channel, null, DEMO, requested, null, null, details), received);
	}

	private static final String[] ONSETS = { "Started yesterday", "Came on suddenly this morning",
			"Getting worse over 3 days", "Started after a cold", "On and off for a week" };

}
