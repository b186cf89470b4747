package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * {@code GET /api/v1/cvd/people/{nhsNumber}} (scope {@code cvd.read}): a person's registers, QRISK3 status and the
 * rules that find them, evaluated from the record as it is now (a reading imported a moment ago counts), as on the
 * person's CVD page: the QRISK3 reasons and the record entries it used, and each rule with its version, reason and
 * values. No name or address: the caller names the person. Every read is audited; a person outside the caller's scope
 * is refused (403) and the refusal audited naming the person.
 */
@RestController
class CvdPersonApiController {

	static final String PURPOSE = "Direct care: CVD prevention (API)";

	private final Population population;

	private final Directory directory;

	private final StaffUsers staffUsers;

	private final Outreaches outreaches;

	private final CareAdjustments adjustments;

	CvdPersonApiController(Population population, Directory directory, StaffUsers staffUsers, Outreaches outreaches,
			CareAdjustments adjustments) {
		this.population = population;
		this.directory = directory;
		this.staffUsers = staffUsers;
		this.outreaches = outreaches;
		this.adjustments = adjustments;
	}

	@GetMapping(path = "/api/v1/cvd/people/{nhsNumber}",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> person(@PathVariable String nhsNumber) {
		Optional<NhsNumber> number = NhsNumber.parse(nhsNumber);
		if (number.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, switch (NhsNumber.fault(nhsNumber).orElseThrow()) {
				case NOT_TEN_DIGITS -> "nhsNumber must be 10 digits";
				case CHECK_DIGIT -> "nhsNumber is not a valid NHS number (the check digit does not match)";
			});
		}
		Optional<PracticeSummary> practice = population.registeredPractice(number.get()).flatMap(directory::practice);
		if (practice.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "No person with this NHS number is registered at a BOB practice");
		}
		StaffUser user = staffUsers.currentUser();
		if (!user.canSee(practice.get())) {
			// answered 403 by the API's refusal handler, which writes the refusal, naming the person, to the audit log
			throw new RefusedAccess("This person is registered outside your scope", number.get());
		}
		Optional<PersonRecord> view = population.viewRecord(number.get(), user.username(),
				"GET /api/v1/cvd/people/" + number.get().value(), PURPOSE);
		if (view.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "No person with this NHS number is registered at a BOB practice");
		}
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFinding.Evaluation evaluation = CaseFinding.evaluate(view.get().person(), view.get().record(),
				outreaches.history(number.get()), adjustments.inForce(number.get(), today), today);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(number.get(), practice.get(), view.get().person(), today, evaluation));
	}

	/** The answer: the fields the CVD rules are checked by first, then what the person page shows beside them. */
	static Map<String, Object> body(NhsNumber nhsNumber, PracticeSummary practice, PersonSummary person,
			LocalDate today, CaseFinding.Evaluation evaluation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("nhsNumber", nhsNumber.value());
		body.put("registers", evaluation.registers().ids());
		RiskAssessment assessment = evaluation.assessment();
		Map<String, Object> qrisk3 = new LinkedHashMap<>();
		qrisk3.put("status", assessment.status().apiName());
		qrisk3.put("score", assessment.score());
		qrisk3.put("reasons", assessment.reasons());
		qrisk3.put("algorithm", Qrisk3.ALGORITHM);
		qrisk3.put("inputsUsed", assessment.used()
			.stream()
			.map(u -> Map.of("input", u.input(), "value", u.value(), "source", u.source()))
			.toList());
		body.put("qrisk3", qrisk3);
		List<Map<String, Object>> findings = new ArrayList<>();
		for (CaseFinding.Finding finding : evaluation.findings()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("ruleId", finding.rule().code());
			item.put("version", finding.rule().version());
			item.put("reason", finding.explanation());
			item.put("values", finding.values());
			item.put("title", finding.rule().title());
			item.put("indicator", finding.rule().indicator());
			findings.add(item);
		}
		body.put("findings", findings);
		body.put("registeredPractice", Map.of("odsCode", practice.odsCode().value(), "name", practice.name()));
		body.put("registration", registration(person, today));
		body.put("evaluatedOn", today);
		body.put("hypertension", evaluation.hypertension());
		body.put("bpToTarget", evaluation.bpToTarget());
		body.put("onStatin", evaluation.onStatin());
		body.put("disclaimer", Qrisk3.DISCLAIMER);
		return body;
	}

	/**
	 * The registration's dates, and whether it holds today. Someone whose registration has ended (or not yet begun) is
	 * on no worklist and in no count; the answer still gives their record's evaluation, as the person page does, and
	 * says so rather than leave a caller to act on findings for someone the practice no longer holds.
	 */
	private static Map<String, Object> registration(PersonSummary person, LocalDate today) {
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("from", person.registeredFrom());
		registration.put("until", person.registeredUntil());
		boolean current = person.registeredOn(today);
		registration.put("current", current);
		if (!current) {
			registration.put("notice", person.deregistered(today)
					? "Registration at this practice ended on " + person.registeredUntil()
							+ ": the person is on no worklist and in no count. The findings are from the record as the practice holds it."
					: "Registration at this practice begins on " + person.registeredFrom()
							+ ": the person is on no worklist and in no count until then.");
		}
		return registration;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		if (status == HttpStatus.BAD_REQUEST) {
			problem.setProperty("errors", List.of(Map.of("field", "nhsNumber", "message", detail)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
