package uk.nhs.bob.primarycare.cvd;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The impact scenario's arithmetic, worked by hand. */
class ImpactScenarioTests {

	// 100 people on the statin list with QRISK3 scores summing to 1,500 (15% each); 50 on a BP list with scores
	// summing to 600, 10 without a score; 20 after CVD, 30 with CKD; 19,500 evaluated in BOB (scale x 100)
	static final ImpactScenario.Inputs INPUTS = new ImpactScenario.Inputs(9_750, 1_500, 100, 600, 50, 10, 20, 30);

	@Test
	void aNonDefaultUptakeScalesOnlyItsIntervention() {
		ImpactScenario.Result result = ImpactScenario.estimate(INPUTS, 19_500,
				Map.of(ImpactScenario.Intervention.STATIN_PRIMARY, 80));
		assertThat(result.scale()).isEqualTo(100);
		// statin: 15 expected events x 0.4 (4 years) x 0.25 x 0.80 x 100 = 120
		assertThat(result.lines().get(0).events()).isCloseTo(120, within(1e-9));
		assertThat(result.lines().get(0).uptake()).isEqualTo(80);
		// blood pressure: (6 + 10 x 0.10) x 0.4 x 0.20 x 0.50 x 100 = 28
		assertThat(result.lines().get(1).events()).isCloseTo(28, within(1e-9));
		assertThat(result.lines().get(1).people()).isEqualTo(60);
		// after CVD: 20 x 0.30 x 0.4 x 0.25 x 0.50 x 100 = 30
		assertThat(result.lines().get(2).events()).isCloseTo(30, within(1e-9));
		// CKD: 30 x 0.15 x 0.4 x 0.17 x 0.50 x 100 = 15.3
		assertThat(result.lines().get(3).events()).isCloseTo(15.3, within(1e-9));
		double total = 120 + 28 + 30 + 15.3;
		assertThat(result.events()).isCloseTo(total, within(1e-9));
		assertThat(result.heartAttacks() + result.strokes() + result.tias()).isCloseTo(total, within(1e-9));
		// TIAs only where QRISK3's outcome includes them: the 120 + 24 avoided from scores, not the groups' 49.3
		assertThat(result.lines().get(1).scoredEvents()).isCloseTo(24, within(1e-9));
		assertThat(result.tias()).isCloseTo(144 * 0.15, within(1e-9));
		assertThat(result.heartAttacks()).isCloseTo(144 * 0.55 + 49.3 * 0.55 / 0.85, within(1e-9));
		assertThat(result.strokes()).isCloseTo(144 * 0.30 + 49.3 * 0.30 / 0.85, within(1e-9));
		// the area is half of BOB: half the target
		assertThat(result.targetHeartAttacks()).isEqualTo(399);
		assertThat(result.targetStrokes()).isEqualTo(145);
	}

	@Test
	void noUptakeAvoidsNothing() {
		Map<ImpactScenario.Intervention, Integer> none = Map.of(ImpactScenario.Intervention.STATIN_PRIMARY, 0,
				ImpactScenario.Intervention.BLOOD_PRESSURE, 0, ImpactScenario.Intervention.STATIN_SECONDARY, 0,
				ImpactScenario.Intervention.STATIN_CKD, 0);
		assertThat(ImpactScenario.estimate(INPUTS, 19_500, none).events()).isZero();
	}

}
