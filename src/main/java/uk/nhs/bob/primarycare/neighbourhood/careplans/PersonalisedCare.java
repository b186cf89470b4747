package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * The parts of a personalised care and support plan that NHS England's Universal Personalised Care model asks for
 * beyond goals and actions: consent to share the plan and with whom, who the plan was agreed with and when, the
 * person's carers and next of kin, whether an advance care plan or a ReSPECT form exists and where it is held, and a
 * clinician's Clinical Frailty Scale judgement (read beside the eFI, which is computed from the record). See
 * docs/neighbourhood.md for the sources.
 */
public record PersonalisedCare(Consent consent, @Nullable Agreement agreement, List<Carer> carers,
		AdvanceCarePlan advanceCarePlan, @Nullable FrailtyScale frailtyScale) {

	public PersonalisedCare {
		consent = consent == null ? Consent.NOT_RECORDED : consent;
		carers = carers == null ? List.of() : List.copyOf(carers);
		advanceCarePlan = advanceCarePlan == null ? AdvanceCarePlan.NOT_RECORDED : advanceCarePlan;
	}

	static final PersonalisedCare NONE = new PersonalisedCare(Consent.NOT_RECORDED, null, List.of(),
			AdvanceCarePlan.NOT_RECORDED, null);

	/** Whether the person agreed that the plan is shared, and with whom (needed when they agreed). */
	public record Consent(ConsentToShare answer, String sharedWith) {

		static final Consent NOT_RECORDED = new Consent(ConsentToShare.NOT_RECORDED, "");

		public Consent {
			answer = answer == null ? ConsentToShare.NOT_RECORDED : answer;
			sharedWith = sharedWith == null ? "" : sharedWith;
		}

		public String describe() {
			return answer == ConsentToShare.YES ? answer.label() + ": " + sharedWith : answer.label();
		}

	}

	/** Who the plan was agreed with, and on what date. */
	public record Agreement(AgreedWith with, LocalDate on) {

		public String describe() {
			return with.label() + " on " + PlanText.date(on);
		}

	}

	/** A carer or next of kin: name, relationship to the person and how to contact them. */
	public record Carer(String id, String name, CarerRole role, String relationship, String contact) {

		public String describe() {
			return name + " (" + role.label() + ", " + relationship + ", " + contact + ")";
		}

	}

	/** Whether an advance care plan and a ReSPECT form exist, and where they are held (needed when either does). */
	public record AdvanceCarePlan(YesNo advanceCarePlan, YesNo respect, String heldWhere) {

		static final AdvanceCarePlan NOT_RECORDED = new AdvanceCarePlan(YesNo.NOT_RECORDED, YesNo.NOT_RECORDED, "");

		public AdvanceCarePlan {
			advanceCarePlan = advanceCarePlan == null ? YesNo.NOT_RECORDED : advanceCarePlan;
			respect = respect == null ? YesNo.NOT_RECORDED : respect;
			heldWhere = heldWhere == null ? "" : heldWhere;
		}

		public boolean any() {
			return advanceCarePlan == YesNo.YES || respect == YesNo.YES;
		}

		public String describe() {
			return "Advance care plan: " + advanceCarePlan.label() + "; ReSPECT form: " + respect.label()
					+ (heldWhere.isBlank() ? "" : "; held: " + heldWhere);
		}

	}

	/** A Clinical Frailty Scale score confirmed by a clinician: who recorded it and the date they judged it. */
	public record FrailtyScale(ClinicalFrailtyScale score, String confirmedBy, LocalDate confirmedOn) {

		public String describe() {
			return score.describe() + ", confirmed by " + confirmedBy + " on " + PlanText.date(confirmedOn);
		}

	}

}
