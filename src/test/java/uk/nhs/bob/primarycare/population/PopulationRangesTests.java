package uk.nhs.bob.primarycare.population;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the population in ranges (as the CVD refresh does on several connections) reads everyone exactly once. */
@PopulationModuleTest
class PopulationRangesTests {

	@Autowired
	Population population;

	@Test
	@Transactional(readOnly = true)
	void theRangesOfTheSplitPointsTogetherReadEveryoneOnceWithTheirRecords() {
		List<PersonRecord> whole = new ArrayList<>();
		population.forEachPerson(whole::add);

		List<NhsNumber> points = population.splitPoints(3);
		assertThat(points).hasSize(2);
		assertThat(points.get(0).value()).isLessThan(points.get(1).value());

		List<PersonRecord> ranges = new ArrayList<>();
		long first = population.forEachPerson(null, points.get(0), ranges::add);
		long second = population.forEachPerson(points.get(0), points.get(1), ranges::add);
		long third = population.forEachPerson(points.get(1), null, ranges::add);

		assertThat(first + second + third).isEqualTo(whole.size());
		assertThat(first).isPositive();
		assertThat(second).isPositive();
		assertThat(third).isPositive();
		// every range starts at its split point and stops before the next
		assertThat(ranges.get((int) first).person().nhsNumber()).isEqualTo(points.get(0));
		assertThat(ranges).isEqualTo(whole);
	}

	@Test
	@Transactional(readOnly = true)
	void readingWithoutObservationsGivesTheSameRecordsWithNoObservations() {
		List<PersonRecord> whole = new ArrayList<>();
		population.forEachPerson(whole::add);
		List<PersonRecord> without = new ArrayList<>();
		population.forEachPersonWithoutObservations(without::add);

		assertThat(whole.stream().anyMatch(person -> !person.record().observations().isEmpty())).isTrue();
		assertThat(without).hasSameSizeAs(whole).allSatisfy(person -> assertThat(person.record().observations()).isEmpty());
		for (int i = 0; i < whole.size(); i++) {
			CodedRecord full = whole.get(i).record();
			CodedRecord record = without.get(i).record();
			assertThat(without.get(i).person()).isEqualTo(whole.get(i).person());
			assertThat(record.problems()).isEqualTo(full.problems());
			assertThat(record.medications()).isEqualTo(full.medications());
			assertThat(record.admissions()).isEqualTo(full.admissions());
		}
	}

}
