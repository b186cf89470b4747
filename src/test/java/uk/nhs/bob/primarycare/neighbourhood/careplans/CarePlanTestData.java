package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.List;

import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;

/** Care plans for tests of other packages and modules, made through the caseload's own service. */
public final class CarePlanTestData {

	/** The carer on every plan {@link #agreeWithACarer} agrees, as the person's copy names them. */
	public static final String CARER_AS_SHOWN = "Ann Example (Carer, Daughter, 07700 900123)";

	private CarePlanTestData() {
	}

	/**
	 * Saves a plan with what matters, one goal, a review date and a carer (Ann Example, the person's daughter) on a
	 * new entry, and agrees it.
	 */
	public static CaseloadEntry agreeWithACarer(Caseload caseload, CaseloadEntry entry, String actor) {
		PersonalisedCare care = new PersonalisedCare(PersonalisedCare.Consent.NOT_RECORDED, null,
				List.of(new PersonalisedCare.Carer("c1", "Ann Example", CarerRole.CARER, "Daughter", "07700 900123")),
				PersonalisedCare.AdvanceCarePlan.NOT_RECORDED, null);
		return agree(caseload, entry, actor, LocalDate.now().plusMonths(3), care);
	}

	/** Saves a plan with what matters, one goal and this review date (past ones too) on a new entry, and agrees it. */
	public static CaseloadEntry agreeWithReviewOn(Caseload caseload, CaseloadEntry entry, String actor,
			LocalDate nextReview) {
		return agree(caseload, entry, actor, nextReview, PersonalisedCare.NONE);
	}

	private static CaseloadEntry agree(Caseload caseload, CaseloadEntry entry, String actor, LocalDate nextReview,
			PersonalisedCare care) {
		CaseloadEntry saved = caseload.savePlan(entry.getId(), entry.getVersion(), new PlanContent("Home", List.of(
				new PlanContent.Goal("g1", "Walk", LocalDate.now().plusMonths(2), GoalStatus.PROPOSED)), List.of(), "",
				nextReview).withCare(care), actor);
		return caseload.changeStatus(entry.getId(), saved.getVersion(), CaseloadStatus.PLAN_AGREED, actor);
	}

}
