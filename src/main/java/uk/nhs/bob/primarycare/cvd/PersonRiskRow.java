package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonSummary;

/**
 * Writes one person's evaluation as rows of cvd.person_risk and cvd.finding in PostgreSQL COPY text format (tab
 * separated, \N for null), the format both the bulk refresh and its tests read back.
 */
final class PersonRiskRow {

	static final String PERSON_COLUMNS = "nhs_number, practice_code, pcn_code, site_code, place_code, age, sex, "
			+ "qrisk_ethnicity, imd_decile, townsend, status, score, reason, hypertension, bp_to_target, on_statin, "
			+ "assessed_5y, evaluated_at, deceased";

	static final String FINDING_COLUMNS = "nhs_number, rule_code, rule_version, priority, practice_code, pcn_code, "
			+ "site_code, place_code, imd_decile, townsend, explanation, systolic, diastolic, score, evidence_date, "
			+ "found_on";

	private PersonRiskRow() {
	}

	static void person(StringBuilder out, PersonSummary person, PracticeSummary practice,
			CaseFinding.Evaluation evaluation, Instant at) {
		RiskAssessment assessment = evaluation.assessment();
		out.append(person.nhsNumber().value()).append('\t');
		organisation(out, practice);
		out.append(person.age()).append('\t').append(person.sex().code()).append('\t')
			.append(person.qriskEthnicity().number()).append('\t').append(person.imdDecile()).append('\t')
			.append(person.townsendScore().toPlainString()).append('\t').append(assessment.status().name()).append('\t');
		nullable(out, assessment.score());
		text(out, assessment.reasons().isEmpty() ? null : assessment.reasonText());
		out.append(bool(evaluation.hypertension())).append('\t');
		out.append(evaluation.bpToTarget() == null ? "\\N" : bool(evaluation.bpToTarget())).append('\t');
		out.append(bool(evaluation.onStatin())).append('\t').append(bool(evaluation.assessedIn5Years())).append('\t');
		out.append(at.toString()).append('\t').append(bool(person.deceased())).append('\n');
	}

	/**
	 * @param foundOn when each finding was first made: the earlier date for a finding that stands, else today
	 */
	static void findings(StringBuilder out, PersonSummary person, PracticeSummary practice,
			List<CaseFinding.Finding> findings, List<LocalDate> foundOn) {
		for (int i = 0; i < findings.size(); i++) {
			CaseFinding.Finding finding = findings.get(i);
			out.append(person.nhsNumber().value()).append('\t').append(finding.rule().code()).append('\t')
				.append(finding.rule().version()).append('\t').append(finding.rule().priority()).append('\t');
			organisation(out, practice);
			out.append(person.imdDecile()).append('\t').append(person.townsendScore().toPlainString()).append('\t');
			text(out, finding.explanation());
			nullable(out, finding.systolic());
			nullable(out, finding.diastolic());
			nullable(out, finding.score());
			out.append(finding.evidenceDate() == null ? "\\N" : finding.evidenceDate().toString()).append('\t');
			out.append(foundOn.get(i)).append('\n');
		}
	}

	private static void organisation(StringBuilder out, PracticeSummary practice) {
		out.append(practice.odsCode().value()).append('\t').append(practice.pcnCode()).append('\t')
			.append(practice.siteCode()).append('\t').append(practice.placeCode()).append('\t');
	}

	private static void nullable(StringBuilder out, Object value) {
		out.append(value == null ? "\\N" : value.toString()).append('\t');
	}

	private static void text(StringBuilder out, String value) {
		if (value == null) {
			out.append("\\N\t");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		out.append('\t');
	}

	private static String bool(boolean value) {
		return value ? "t" : "f";
	}

}
