package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Every assumption of the CVD impact estimate ({@link ImpactScenario}) with its value and where it comes from, the
 * project's own ones marked, so that the dashboard shows how each number was reached.
 */
final class ImpactAssumptions {

	private ImpactAssumptions() {
	}

	static List<DashboardPages.Assumption> of(ImpactScenario.Inputs in, ImpactScenario.Result result, long bobPeople,
			@Nullable String chosenPlace) {
		List<DashboardPages.Assumption> assumptions = new ArrayList<>();
		assumptions.add(new DashboardPages.Assumption("Expected events without treatment (people with a QRISK3 score)",
				"Each listed person's QRISK3 10-year risk (CHD, ischaemic stroke and TIA)",
				"QRISK3-2017 (Hippisley-Cox et al., BMJ 2017;357:j2099)", false));
		assumptions.add(new DashboardPages.Assumption("Share of the 10-year risk falling in 4 years", "40% (4 of 10 years, evenly spread)",
				"Project's own assumption: QRISK3 gives a 10-year risk only", true));
		for (ImpactScenario.Intervention intervention : ImpactScenario.Intervention.values()) {
			assumptions.add(new DashboardPages.Assumption("Relative reduction: " + intervention.label(),
					Math.round(intervention.relativeReduction() * 100) + "%", intervention.source(), false));
			assumptions.add(new DashboardPages.Assumption("Default uptake: " + intervention.label(), intervention.defaultUptake() + "%",
					intervention.uptakeSource(), intervention.uptakeOwn()));
		}
		assumptions.add(new DashboardPages.Assumption("10-year risk after CVD, no QRISK3 (CVD-LLT-CVD)",
				Math.round(ImpactScenario.SECONDARY_TEN_YEAR_RISK * 100) + "% for everyone on the list",
				"Project's own assumption, to be verified: QRISK3 is not used after CVD (NICE NG238)", true));
		assumptions.add(new DashboardPages.Assumption("10-year risk in CKD 3-5, no QRISK3 (CVD-LLT-CKD)",
				Math.round(ImpactScenario.CKD_TEN_YEAR_RISK * 100) + "% for everyone on the list",
				"Project's own assumption, to be verified: QRISK3 is not used in CKD 3-5 (NICE NG238)", true));
		assumptions.add(new DashboardPages.Assumption("Blood pressure lists without a QRISK3 score (aged 85 or over, not assessable, ...)",
				Math.round(ImpactScenario.BP_WITHOUT_SCORE_TEN_YEAR_RISK * 100) + "% each (" + in.bpWithoutScore()
						+ " people)",
				"Project's own assumption, to be verified: the treatment threshold of NICE NG238, never a person's score",
				true));
		assumptions.add(new DashboardPages.Assumption("People on more than one list",
				"Counted once for each treatment (overstates a little)", "Project's own simplification", true));
		assumptions.add(new DashboardPages.Assumption("Scaling to BOB",
				String.format(Locale.UK, "x %.1f (%,d people evaluated and alive, BOB about 1,950,000)",
						result.scale(), bobPeople),
				"BOB ICB serves about 1.9 to 2.0 million people (NHS England ICB population)", false));
		assumptions.add(new DashboardPages.Assumption("Split of QRISK3's outcome",
				String.format(Locale.UK, "%.0f%% heart attacks, %.0f%% strokes, %.0f%% TIAs",
						ImpactScenario.SHARE_HEART_ATTACK * 100, ImpactScenario.SHARE_STROKE * 100,
						ImpactScenario.SHARE_TIA * 100),
				"Project's own assumption, to be verified against the QRISK3 derivation paper's incident events: "
						+ "QRISK3's outcome includes TIA, which the target does not count, so TIAs are shown apart",
				true));
		assumptions.add(new DashboardPages.Assumption("Events of the groups without a QRISK3 score (after CVD, CKD 3-5, blood "
				+ "pressure lists without a score)",
				String.format(Locale.UK, "Heart attacks or strokes only (no TIA), %.0f%% heart attacks",
						100 * ImpactScenario.SHARE_HEART_ATTACK
								/ (ImpactScenario.SHARE_HEART_ATTACK + ImpactScenario.SHARE_STROKE)),
				"Project's own assumption: the trials behind their relative reductions (CTT 2010, SHARP 2011, "
						+ "Ettehad 2016) count major vascular events, not TIAs; split as QRISK3's outcome without TIA",
				true));
		assumptions.add(new DashboardPages.Assumption("Target", ImpactScenario.TARGET_HEART_ATTACKS + " heart attacks and "
				+ ImpactScenario.TARGET_STROKES + " strokes avoided across BOB"
				+ (chosenPlace == null ? "" : "; a Place's share by its share of the population (project's own)"),
				ImpactScenario.TARGET_SOURCE, false));
		return assumptions;
	}

}
