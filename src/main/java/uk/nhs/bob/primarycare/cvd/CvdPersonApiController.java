package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * {@code GET /api/v1/cvd/people/{nhsNumber}} (scope {@code cvd.read}): a person's CVD risk and case-finding results,
 * worked out from their record now, as on the person's CVD page: the QRISK3 status with its reasons and the record
 * entries it used, and each rule that finds the person with its version and explanation. No name or address: the
 * caller names the person. Every read is audited; a person outside the caller's scope is refused (403) and audited.
 */
@RestController
class CvdPersonApiController {

	static final String PURPOSE = "Direct care: CVD prevention (API)";

	record Practice(String odsCode, String name) {
	}

	record Input(String input, String value, String source) {
	}

	record Risk(String status, String statusLabel, List<String> reasons, @Nullable Double qrisk3,
			String algorithm, List<Input> inputsUsed) {
	}

	record Found(String rule, int version, String title, String indicator, String explanation,
			@Nullable LocalDate evidenceDate, @Nullable Integer systolic, @Nullable Integer diastolic,
			@Nullable Double score) {
	}

	record CvdPerson(String nhsNumber, Practice registeredPractice, LocalDate evaluatedOn, Risk risk,
			List<Found> findings, boolean hypertension, @Nullable Boolean bpToTarget, boolean onStatin,
			String disclaimer) {
	}

	private final Population population;

	private final Directory directory;

	private final StaffUsers staffUsers;

	private final Outreaches outreaches;

	CvdPersonApiController(Population population, Directory directory, StaffUsers staffUsers, Outreaches outreaches) {
		this.population = population;
		this.directory = directory;
		this.staffUsers = staffUsers;
		this.outreaches = outreaches;
	}

	@GetMapping(path = "/api/v1/cvd/people/{nhsNumber}",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> person(@PathVariable String nhsNumber) {
		Optional<NhsNumber> number = NhsNumber.parse(nhsNumber.replaceAll("[\\s-]", ""));
		if (number.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request has 1 invalid field(s).");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", List.of(Map.of("field", "nhsNumber", "message",
					"must be a valid 10-digit NHS number, like 9434765919")));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Optional<PracticeSummary> practice = population.registeredPractice(number.get()).flatMap(directory::practice);
		if (practice.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "No person with this NHS number is registered at a BOB practice.");
		}
		StaffUser user = staffUsers.currentUser();
		if (!user.canSee(practice.get())) {
			throw new org.springframework.security.access.AccessDeniedException(
					"This person is registered outside your scope");
		}
		PersonRecord view = population.viewRecord(number.get(), user.username(),
				"GET /api/v1/cvd/people/" + number.get().value(), PURPOSE)
			.orElse(null);
		if (view == null) {
			return problem(HttpStatus.NOT_FOUND, "No person with this NHS number is registered at a BOB practice.");
		}
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		CaseFinding.Evaluation evaluation = CaseFinding.evaluate(view.person(), view.record(),
				outreaches.history(number.get()), today);
		RiskAssessment assessment = evaluation.assessment();
		OdsCode code = practice.get().odsCode();
		return ResponseEntity.ok(new CvdPerson(number.get().value(), new Practice(code.value(), practice.get().name()),
				today,
				new Risk(assessment.status().name(), assessment.status().label(), assessment.reasons(),
						assessment.score(), Qrisk3.ALGORITHM,
						assessment.used().stream().map(u -> new Input(u.input(), u.value(), u.source())).toList()),
				evaluation.findings()
					.stream()
					.map(f -> new Found(f.rule().code(), f.rule().version(), f.rule().title(), f.rule().indicator(),
							f.explanation(), f.evidenceDate(), f.systolic(), f.diastolic(), f.score()))
					.toList(),
				evaluation.hypertension(), evaluation.bpToTarget(), evaluation.onStatin(), Qrisk3.DISCLAIMER));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
