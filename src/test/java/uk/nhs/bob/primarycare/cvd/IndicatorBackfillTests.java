package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicators counted as they stood on past quarter ends, from the dated record, and the gaps the record leaves. */
class IndicatorBackfillTests {

	static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

	static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 30);

	@Test
	void theLastEightQuarterEndsBeforeToday() {
		assertThat(IndicatorBackfill.quarters(LocalDate.of(2026, 12, 6))).containsExactly(LocalDate.of(2024, 12, 31),
				LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30),
				LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31), JUNE, SEPTEMBER);
	}

	@Test
	void aPersonCountsOnlyWhileRegisteredAliveAndBornAtTheirAgeThen() {
		PersonSummary person = People.aged(60).person();
		assertThat(IndicatorBackfill.asAt(person, JUNE).age()).isEqualTo(PersonSummary.ageOn(person.dateOfBirth(), JUNE));
		assertThat(IndicatorBackfill.asAt(registered(person, LocalDate.of(2026, 7, 1), null), JUNE)).isNull();
		assertThat(IndicatorBackfill.asAt(registered(person, LocalDate.of(2026, 6, 30), null), JUNE)).isNotNull();
		assertThat(IndicatorBackfill.asAt(registered(person, null, LocalDate.of(2026, 6, 29)), JUNE)).isNull();
		assertThat(IndicatorBackfill.asAt(registered(person, null, JUNE), JUNE)).isNotNull();
		// someone who died later was alive then, and is counted as alive
		PersonSummary diedLater = People.aged(60).died(LocalDate.of(2026, 8, 1)).person();
		assertThat(IndicatorBackfill.asAt(diedLater, JUNE).deceased()).isFalse();
		assertThat(IndicatorBackfill.asAt(People.aged(60).died(JUNE).person(), JUNE)).isNull();
	}

	@Test
	void eachQuarterCountsTheRecordAsItStoodAndOnlyThePeopleRegisteredThen() {
		PracticeSummary practice = new PracticeSummary(new OdsCode("K84001"), "Test practice", new Postcode("OX3 9DU"),
				"U1", "PCN", "S1", "Site", "P1", "Place");
		Organisations organisations = new Organisations(Map.of(practice.odsCode(), practice));
		List<LocalDate> quarters = List.of(JUNE, SEPTEMBER);
		@SuppressWarnings("unchecked")
		IndicatorBackfill.Tally tally = new IndicatorBackfill.Tally(quarters, organisations,
				new Map[] { Map.of(), Map.of() }, new Map[] { Map.of(), Map.of() });

		// a normal reading in March, a raised one in August: possible undiagnosed hypertension from August only
		People raised = People.aged(55).bp(128, 78, LocalDate.of(2026, 3, 10)).bp(152, 96, LocalDate.of(2026, 8, 20));
		tally.accept(new PersonRecord(raised.person(), raised.record()));
		// left the practice in July: counted in June, not in September
		People left = People.aged(50).bp(150, 95, LocalDate.of(2026, 5, 1));
		tally.accept(new PersonRecord(registered(left.person(), LocalDate.of(2010, 1, 1), LocalDate.of(2026, 7, 15)),
				left.record()));
		// joined in August: counted in September only
		People joined = People.aged(45);
		tally.accept(new PersonRecord(registered(joined.person(), LocalDate.of(2026, 8, 1), null), joined.record()));

		long[] june = tally.counts.get(0).get("K84001");
		long[] september = tally.counts.get(1).get("K84001");
		assertThat(june[0]).as("people in June").isEqualTo(2);
		assertThat(june[2]).as("possible undiagnosed in June").isEqualTo(1);
		assertThat(september[0]).as("people in September").isEqualTo(2);
		assertThat(september[2]).as("possible undiagnosed in September").isEqualTo(1);
		assertThat(tally.registrationStartUnknown).containsExactly(1, 1);
		assertThat(tally.earliestReading).isEqualTo(LocalDate.of(2026, 3, 10));

		// the raised reading of August is not yet in June's record
		People alone = People.aged(55).bp(128, 78, LocalDate.of(2026, 3, 10)).bp(152, 96, LocalDate.of(2026, 8, 20));
		@SuppressWarnings("unchecked")
		IndicatorBackfill.Tally one = new IndicatorBackfill.Tally(quarters, organisations,
				new Map[] { Map.of(), Map.of() }, new Map[] { Map.of(), Map.of() });
		one.accept(new PersonRecord(alone.person(), alone.record()));
		assertThat(one.counts.get(0).get("K84001")[2]).isZero();
		assertThat(one.counts.get(1).get("K84001")[2]).isOne();
	}

	@Test
	void aQuarterTheRecordDoesNotReachIsAGapWithItsReason() {
		List<IndicatorBackfill.Gap> gaps = IndicatorBackfill.gaps(SEPTEMBER, 100, LocalDate.of(2026, 1, 15),
				LocalDate.of(2023, 5, 1));
		assertThat(gaps).extracting(IndicatorBackfill.Gap::indicator)
			.containsExactly(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED, Dashboard.Indicator.TREATED_TO_TARGET,
					Dashboard.Indicator.RISK_ASSESSED);
		assertThat(gaps.get(0).reason()).isEqualTo("blood pressure readings in the record start on 15 Jan 2026, so the "
				+ "12 months before this quarter end are not covered");
		assertThat(gaps.get(2).reason()).isEqualTo(
				"cholesterol tests in the record start on 1 May 2023, so the 5 years before this quarter end are not covered");
		assertThat(IndicatorBackfill.gaps(SEPTEMBER, 100, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1))).isEmpty();
		assertThat(IndicatorBackfill.gaps(SEPTEMBER, 100, null, null)).extracting(IndicatorBackfill.Gap::indicator)
			.containsExactly(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED, Dashboard.Indicator.TREATED_TO_TARGET,
					Dashboard.Indicator.HIGH_RISK_ON_STATIN, Dashboard.Indicator.RISK_ASSESSED);
		assertThat(IndicatorBackfill.gaps(SEPTEMBER, 0, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1)))
			.hasSize(Dashboard.Indicator.values().length);
	}

	static PersonSummary registered(PersonSummary p, LocalDate from, LocalDate until) {
		return new PersonSummary(p.nhsNumber(), p.givenName(), p.familyName(), p.dateOfBirth(), p.age(), p.sex(),
				p.ethnicity(), p.postcode(), p.lsoaCode(), p.lsoaName(), p.imdDecile(), p.imdVersion(),
				p.townsendScore(), p.registeredPractice(), p.dateOfDeath(), from, until);
	}

}
