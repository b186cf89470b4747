package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A person's CVD care for the signed-in user, each call checking first that the person is registered in the user's
 * scope (refused and audited otherwise): the person page (the record view audited by the population module), and
 * recording outreach, a personalised care adjustment or a reading from outside the practice, each in one transaction
 * with the person re-evaluated at once so the page shows the result. Each recording returns what was done, to show.
 */
@Service
class CvdPersonCare {

	static final String PURPOSE_PERSON = "Direct care: CVD prevention";

	private final Worklists worklists;

	private final Directory directory;

	private final StaffUsers staffUsers;

	private final Population population;

	private final PersonEvaluation personEvaluation;

	private final Outreaches outreaches;

	private final CvdOutreach cvdOutreach;

	private final CareAdjustments adjustments;

	CvdPersonCare(Worklists worklists, Directory directory, StaffUsers staffUsers, Population population,
			PersonEvaluation personEvaluation, Outreaches outreaches, CvdOutreach cvdOutreach,
			CareAdjustments adjustments) {
		this.worklists = worklists;
		this.directory = directory;
		this.staffUsers = staffUsers;
		this.population = population;
		this.personEvaluation = personEvaluation;
		this.outreaches = outreaches;
		this.cvdOutreach = cvdOutreach;
		this.adjustments = adjustments;
	}

	/** The person's CVD page: QRISK3 with the record entries used, the findings, outreach and adjustments. */
	@Transactional
	PersonPage page(NhsNumber number) {
		PracticeSummary practice = practiceInScope(number);
		StaffUser user = staffUsers.currentUser();
		PersonRecord view = population.viewRecord(number, user.username(), "/cvd/people/" + number.value(),
				PURPOSE_PERSON)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFinding.Evaluation evaluation = CaseFinding.evaluate(view.person(), view.record(),
				outreaches.history(number), adjustments.inForce(number, today), today);
		return new PersonPage(view.person(), practice, evaluation, worklists.findingsOf(number),
				CaseFinding.readings(view.record()).stream().limit(8).toList(), adjustments.of(number),
				outreaches.of(number), today);
	}

	@Transactional
	String recordOutreach(NhsNumber number, OutreachForm form) {
		PracticeSummary practice = practiceInScope(number);
		OutreachType type = OutreachType.valueOf(form.type());
		OutreachOutcome outcome = OutreachOutcome.valueOf(form.outcome());
		CaseFindingRule rule = blank(form.ruleCode()) ? null : CaseFindingRule.ofCode(form.ruleCode()).orElseThrow();
		cvdOutreach.record(number, practice, type, rule, outcome, form.date().orElseThrow(),
				blank(form.note()) ? null : form.note().trim(), staffUsers.currentUser().username());
		personEvaluation.reevaluate(number);
		return "Outreach recorded: " + type.label() + ", " + outcome.label() + "."
				+ (CvdOutreach.declineExcepts(rule, outcome) ? " A personalised care adjustment (declined) takes the "
						+ "person off " + rule.title() + " for 12 months: see below to withdraw it." : "");
	}

	/**
	 * Records a personalised care adjustment against one rule: the person leaves that rule's list until the review
	 * date (12 months when none is given), and is re-evaluated at once.
	 */
	@Transactional
	String recordAdjustment(NhsNumber number, AdjustmentForm form) {
		practiceInScope(number);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFindingRule rule = form.rule();
		AdjustmentReason reason = form.reason();
		LocalDate review = form.review(today);
		adjustments.add(UUID.randomUUID(), number, rule, reason, today, review,
				blank(form.adjustmentNote()) ? null : form.adjustmentNote().trim(), staffUsers.currentUser().username(),
				Instant.now());
		personEvaluation.reevaluate(number);
		return "Personalised care adjustment recorded: " + rule.title() + ", " + reason.label() + ", until "
				+ RiskAssessment.date(review) + ".";
	}

	/** Withdraws an adjustment (the rule lists the person again at once if it finds them); false if it already was. */
	@Transactional
	boolean withdrawAdjustment(NhsNumber number, String id) {
		practiceInScope(number);
		UUID adjustment;
		try {
			adjustment = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such adjustment");
		}
		boolean withdrawn = adjustments.withdraw(adjustment, number, staffUsers.currentUser().username(),
				Instant.now());
		if (withdrawn) {
			personEvaluation.reevaluate(number);
		}
		return withdrawn;
	}

	@Transactional
	String recordReading(NhsNumber number, ReadingForm form) {
		practiceInScope(number);
		population.recordBloodPressure(number, form.systolicValue(), form.diastolicValue(), form.date().orElseThrow(),
				form.settingValue());
		// The listener re-evaluates too (for readings from anywhere); doing it here as well shows the result at once
		personEvaluation.reevaluate(number);
		return "Reading " + form.systolicValue() + "/" + form.diastolicValue() + " mmHg recorded ("
				+ form.settingValue().label() + "). The findings below are re-evaluated.";
	}

	/** The person's practice, when it is in the user's scope; 404 for no such person. */
	PracticeSummary practiceInScope(NhsNumber number) {
		OdsCode practiceCode = population.registeredPractice(number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		StaffUser user = staffUsers.currentUser();
		return directory.practice(practiceCode)
			.filter(user::canSee)
			.orElseThrow(() -> new RefusedAccess("This person is registered outside your scope", number));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
