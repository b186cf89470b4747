package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The impact estimate as a scenario: heart attacks, strokes and TIAs avoided over 4 years if a chosen share of the
 * people on each worklist were treated. Every figure that is not read from the record is an {@link Assumption} with
 * its source, or labelled as the project's own; docs/cvd.md lists them. Pure arithmetic, so it is tested as such.
 */
final class ImpactScenario {

	/** The strategy's target, from the BOB primary care strategy draft (January 2024). */
	static final int TARGET_HEART_ATTACKS = 797;

	static final int TARGET_STROKES = 290;

	static final String TARGET_SOURCE = "BOB Primary Care Strategy (draft, January 2024): CVD prevention ambition";

	/** BOB ICB serves about 1.9 to 2.0 million people: the midpoint scales the evaluated population up. */
	static final double BOB_POPULATION = 1_950_000;

	/** QRISK3 gives a 10-year risk; 4 of those 10 years, evenly spread (project's own). */
	static final double FOUR_YEAR_SHARE = 0.4;

	/**
	 * The default uptake where no published figure for the treatment is used: about half, near the 52.6% who took up
	 * an NHS Health Check offer in 2012-17 (Patel et al., BMJ Open 2020), applied to treatment by the project.
	 */
	static final String UPTAKE_OWN = "Project's own assumption: about half, near the 52.6% who took up an NHS Health "
			+ "Check offer in 2012-17 (Patel et al., BMJ Open 2020); change it above";

	/** The interventions, each with its published relative risk reduction and a default uptake. */
	enum Intervention {

		STATIN_PRIMARY("Statin for QRISK3 10% or more (CVD-QRISK-STATIN)", 0.25, 20,
				"Cholesterol Treatment Trialists' Collaboration, Lancet 2010: about 22% fewer major vascular events per "
						+ "1 mmol/L lower LDL; atorvastatin 20 mg lowers LDL by more than 40% (NICE NG238)",
				"Patel et al., BMJ Open 2020 (NHS Health Check 2012-17, 9.7 million offered): of attendees with a "
						+ "10-year CVD risk of 10% or more, 20.3% were prescribed a statin",
				false),
		BLOOD_PRESSURE("Blood pressure treatment (CVD-HTN-UNDX and CVD-HTN-TARGET)", 0.20, 50,
				"Ettehad et al., Lancet 2016: about 20% fewer major cardiovascular events per 10 mmHg lower systolic",
				UPTAKE_OWN, true),
		STATIN_SECONDARY("Statin after CVD (CVD-LLT-CVD)", 0.25, 50,
				"Cholesterol Treatment Trialists' Collaboration, Lancet 2010 (secondary prevention trials)", UPTAKE_OWN,
				true),
		STATIN_CKD("Statin in CKD 3-5 (CVD-LLT-CKD)", 0.17, 50,
				"SHARP trial, Lancet 2011: 17% fewer major atherosclerotic events with simvastatin plus ezetimibe",
				UPTAKE_OWN, true);

		private final String label;

		private final double relativeReduction;

		private final int defaultUptake;

		private final String source;

		private final String uptakeSource;

		private final boolean uptakeOwn;

		Intervention(String label, double relativeReduction, int defaultUptake, String source, String uptakeSource,
				boolean uptakeOwn) {
			this.label = label;
			this.relativeReduction = relativeReduction;
			this.defaultUptake = defaultUptake;
			this.source = source;
			this.uptakeSource = uptakeSource;
			this.uptakeOwn = uptakeOwn;
		}

		/** Where the default uptake comes from. */
		public String uptakeSource() {
			return uptakeSource;
		}

		/** Whether the default uptake is the project's own figure rather than a published one. */
		public boolean uptakeOwn() {
			return uptakeOwn;
		}

		public String label() {
			return label;
		}

		public double relativeReduction() {
			return relativeReduction;
		}

		public int defaultUptake() {
			return defaultUptake;
		}

		public String source() {
			return source;
		}

	}

	/**
	 * 10-year risk assumed for a group whose members have no QRISK3 score (QRISK3 not appropriate or not
	 * assessable): project's own, to be verified, never a person's score.
	 */
	static final double SECONDARY_TEN_YEAR_RISK = 0.30;

	static final double CKD_TEN_YEAR_RISK = 0.15;

	static final double BP_WITHOUT_SCORE_TEN_YEAR_RISK = 0.10;

	/**
	 * How QRISK3's outcome (CHD, ischaemic stroke and TIA) splits: project's own, to be verified against the QRISK3
	 * derivation paper's table of incident events (Hippisley-Cox et al., BMJ 2017).
	 */
	static final double SHARE_HEART_ATTACK = 0.55;

	static final double SHARE_STROKE = 0.30;

	static final double SHARE_TIA = 0.15;

	/** The people each intervention could reach, from the latest evaluation of one area. */
	record Inputs(long people, double statinRiskSum, long statinPeople, double bpRiskSum, long bpPeople,
			long bpWithoutScore, long secondaryPeople, long ckdPeople) {
	}

	/**
	 * What one intervention avoids over 4 years, scaled to BOB: {@code scoredEvents} from people's QRISK3 scores
	 * (whose outcome includes TIA), the rest from the assumed risk of a group without a score (heart attack or
	 * stroke only).
	 */
	record Line(Intervention intervention, long people, int uptake, double events, double scoredEvents) {
	}

	/** The answer: per intervention, and in total split into heart attacks, strokes and TIAs. */
	record Result(List<Line> lines, double events, double heartAttacks, double strokes, double tias, double scale,
			double targetShare) {

		public long heartAttacksRounded() {
			return Math.round(heartAttacks);
		}

		public long strokesRounded() {
			return Math.round(strokes);
		}

		public long tiasRounded() {
			return Math.round(tias);
		}

		/** The area's share of the BOB target, by its share of the population. */
		public long targetHeartAttacks() {
			return Math.round(TARGET_HEART_ATTACKS * targetShare);
		}

		public long targetStrokes() {
			return Math.round(TARGET_STROKES * targetShare);
		}

	}

	private ImpactScenario() {
	}

	/**
	 * @param bobPeople everyone evaluated in BOB (alive): the scale to BOB's population, and the area's share of the
	 * target
	 * @param uptake the share (0-100) of each list treated
	 */
	static Result estimate(Inputs in, long bobPeople, Map<Intervention, Integer> uptake) {
		double scale = bobPeople == 0 ? 0 : BOB_POPULATION / bobPeople;
		// expected events in 10 years: from QRISK3 scores (CHD, ischaemic stroke and TIA), and from the assumed
		// risk of the groups without a score (heart attack or stroke)
		Map<Intervention, Double> scored = new EnumMap<>(Intervention.class);
		Map<Intervention, Double> assumed = new EnumMap<>(Intervention.class);
		Map<Intervention, Long> people = new EnumMap<>(Intervention.class);
		scored.put(Intervention.STATIN_PRIMARY, in.statinRiskSum() / 100);
		assumed.put(Intervention.STATIN_PRIMARY, 0.0);
		people.put(Intervention.STATIN_PRIMARY, in.statinPeople());
		scored.put(Intervention.BLOOD_PRESSURE, in.bpRiskSum() / 100);
		assumed.put(Intervention.BLOOD_PRESSURE, in.bpWithoutScore() * BP_WITHOUT_SCORE_TEN_YEAR_RISK);
		people.put(Intervention.BLOOD_PRESSURE, in.bpPeople() + in.bpWithoutScore());
		scored.put(Intervention.STATIN_SECONDARY, 0.0);
		assumed.put(Intervention.STATIN_SECONDARY, in.secondaryPeople() * SECONDARY_TEN_YEAR_RISK);
		people.put(Intervention.STATIN_SECONDARY, in.secondaryPeople());
		scored.put(Intervention.STATIN_CKD, 0.0);
		assumed.put(Intervention.STATIN_CKD, in.ckdPeople() * CKD_TEN_YEAR_RISK);
		people.put(Intervention.STATIN_CKD, in.ckdPeople());
		List<Line> lines = new ArrayList<>();
		double events = 0;
		double scoredEvents = 0;
		for (Intervention intervention : Intervention.values()) {
			int share = uptake.getOrDefault(intervention, intervention.defaultUptake());
			double factor = FOUR_YEAR_SHARE * intervention.relativeReduction() * share / 100.0 * scale;
			double fromScores = scored.get(intervention) * factor;
			double avoided = fromScores + assumed.get(intervention) * factor;
			lines.add(new Line(intervention, people.get(intervention), share, avoided, fromScores));
			events += avoided;
			scoredEvents += fromScores;
		}
		double unscored = events - scoredEvents;
		double heartAttackOfTwo = SHARE_HEART_ATTACK / (SHARE_HEART_ATTACK + SHARE_STROKE);
		double targetShare = bobPeople == 0 ? 0 : (double) in.people() / bobPeople;
		return new Result(lines, events, scoredEvents * SHARE_HEART_ATTACK + unscored * heartAttackOfTwo,
				scoredEvents * SHARE_STROKE + unscored * (1 - heartAttackOfTwo), scoredEvents * SHARE_TIA, scale,
				targetShare);
	}

}
