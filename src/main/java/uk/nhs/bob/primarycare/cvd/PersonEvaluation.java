package uk.nhs.bob.primarycare.cvd;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Re-evaluates one person at once (a new reading, new outreach): reads their record, applies QRISK3 and the rules,
 * rewrites their rows and publishes {@link CvdHighRiskFound} / {@link PossibleHypertensionFound} when the person is
 * newly found, in the same transaction. A per-person advisory lock keeps two re-evaluations of the same person
 * (a listener and a page, say) from both deciding the finding is new.
 */
@Component
class PersonEvaluation {

	static final ZoneId UK = ZoneId.of("Europe/London");

	private final JdbcClient jdbc;

	private final Population population;

	private final Directory directory;

	private final Outreaches outreaches;

	private final CareAdjustments adjustments;

	private final ApplicationEventPublisher events;

	PersonEvaluation(JdbcClient jdbc, Population population, Directory directory, Outreaches outreaches,
			CareAdjustments adjustments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.population = population;
		this.directory = directory;
		this.outreaches = outreaches;
		this.adjustments = adjustments;
		this.events = events;
	}

	@Transactional
	public Optional<CaseFinding.Evaluation> reevaluate(NhsNumber nhsNumber) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))::text").param("cvd:" + nhsNumber.value()).query().listOfRows();
		Optional<PersonSummary> found = population.find(nhsNumber);
		Optional<CodedRecord> record = population.record(nhsNumber);
		Optional<PracticeSummary> practice = found.flatMap(p -> directory.practice(p.registeredPractice()));
		// someone whose registration has ended (or not yet begun) is in no worklist and no count
		if (found.isEmpty() || record.isEmpty() || practice.isEmpty()
				|| !found.get().registeredOn(LocalDate.now(UK))) {
			jdbc.sql("DELETE FROM cvd.finding WHERE nhs_number = ?").param(nhsNumber.value()).update();
			jdbc.sql("DELETE FROM cvd.person_risk WHERE nhs_number = ?").param(nhsNumber.value()).update();
			return Optional.empty();
		}
		PersonSummary person = found.get();
		LocalDate today = LocalDate.now(UK);
		CaseFinding.Evaluation evaluation = CaseFinding.evaluateQuickly(person, record.get(), outreaches.history(nhsNumber),
				adjustments.inForce(nhsNumber, today), today);

		Map<String, LocalDate> before = new HashMap<>();
		jdbc.sql("SELECT rule_code, found_on FROM cvd.finding WHERE nhs_number = ?")
			.param(nhsNumber.value())
			.query(rs -> {
				before.put(rs.getString(1), rs.getObject(2, LocalDate.class));
			});
		Double scoreBefore = jdbc.sql("SELECT score FROM cvd.person_risk WHERE nhs_number = ?")
			.param(nhsNumber.value())
			.query((rs, i) -> (Double) rs.getObject(1, Double.class))
			.optional()
			.orElse(null);

		PracticeSummary at = practice.get();
		Instant now = Instant.now();
		RiskAssessment assessment = evaluation.assessment();
		jdbc.sql("""
				INSERT INTO cvd.person_risk (nhs_number, practice_code, pcn_code, site_code, place_code, age, sex,
				    qrisk_ethnicity, imd_decile, townsend, status, score, reason, hypertension, bp_to_target, on_statin,
				    assessed_5y, evaluated_at, deceased)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (nhs_number) DO UPDATE SET practice_code = excluded.practice_code,
				    pcn_code = excluded.pcn_code, site_code = excluded.site_code, place_code = excluded.place_code,
				    age = excluded.age, sex = excluded.sex, qrisk_ethnicity = excluded.qrisk_ethnicity,
				    imd_decile = excluded.imd_decile, townsend = excluded.townsend, status = excluded.status,
				    score = excluded.score, reason = excluded.reason, hypertension = excluded.hypertension,
				    bp_to_target = excluded.bp_to_target, on_statin = excluded.on_statin,
				    assessed_5y = excluded.assessed_5y, evaluated_at = excluded.evaluated_at,
				    deceased = excluded.deceased""")
			.params(nhsNumber.value(), at.odsCode().value(), at.pcnCode(), at.siteCode(), at.placeCode(),
					person.age(), person.sex().code(), person.qriskEthnicity().number(), person.imdDecile(),
					person.townsendScore().doubleValue(), assessment.status().name(), assessment.score(),
					assessment.reasons().isEmpty() ? null : assessment.reasonText(), evaluation.hypertension(),
					evaluation.bpToTarget(), evaluation.onStatin(), evaluation.assessedIn5Years(), Timestamp.from(now),
					person.deceased())
			.update();
		jdbc.sql("DELETE FROM cvd.finding WHERE nhs_number = ?").param(nhsNumber.value()).update();
		for (CaseFinding.Finding finding : evaluation.findings()) {
			jdbc.sql("""
					INSERT INTO cvd.finding (nhs_number, rule_code, rule_version, priority, practice_code, pcn_code,
					    site_code, place_code, imd_decile, townsend, explanation, systolic, diastolic, score,
					    evidence_date, found_on)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(nhsNumber.value(), finding.rule().code(), finding.rule().version(), finding.rule().priority(),
						at.odsCode().value(), at.pcnCode(), at.siteCode(), at.placeCode(), person.imdDecile(),
						person.townsendScore().doubleValue(), finding.explanation(), finding.systolic(),
						finding.diastolic(), finding.score(), finding.evidenceDate(),
						before.getOrDefault(finding.rule().code(), today))
				.update();
		}

		Double score = assessment.score();
		if (score != null && score >= CaseFinding.QRISK_THRESHOLD
				&& (scoreBefore == null || scoreBefore < CaseFinding.QRISK_THRESHOLD)) {
			events.publishEvent(new CvdHighRiskFound(nhsNumber, at.odsCode().value(), at.siteCode(), score,
					evaluation.onStatin(), today));
		}
		evaluation.findings()
			.stream()
			.filter(f -> f.rule() == CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)
			.filter(f -> !before.containsKey(f.rule().code()))
			.findFirst()
			.ifPresent(f -> events.publishEvent(new PossibleHypertensionFound(nhsNumber, at.odsCode().value(),
					at.siteCode(), f.systolic(), f.diastolic(), f.evidenceDate(), today)));
		return Optional.of(evaluation);
	}

}
