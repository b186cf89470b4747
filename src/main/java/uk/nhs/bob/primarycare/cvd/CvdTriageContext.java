package uk.nhs.bob.primarycare.cvd;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.PersonContextProvider;

/** The person's CVD flags for the same-day request page: the rules that currently find them and their QRISK3. */
@Component
class CvdTriageContext implements PersonContextProvider {

	private static final String SOURCE = "CVD prevention";

	private final JdbcClient jdbc;

	CvdTriageContext(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonContext> contextFor(NhsNumber nhsNumber) {
		String link = "/cvd/people/" + nhsNumber.value();
		// the flags and the score in one statement: the flags in their order, then the score when there is one
		return jdbc.sql("""
				SELECT rule_code, NULL::double precision AS score, priority FROM cvd.finding WHERE nhs_number = :n
				UNION ALL
				SELECT NULL, score, NULL FROM cvd.person_risk WHERE nhs_number = :n AND score IS NOT NULL
				ORDER BY 3 NULLS LAST, 1""")
			.param("n", nhsNumber.value())
			.query((rs, i) -> {
				String code = rs.getString(1);
				return code != null ? new PersonContext(SOURCE, "CVD flag",
						CaseFindingRule.ofCode(code).map(CaseFindingRule::title).orElse(code), link)
						: new PersonContext(SOURCE, "QRISK3 10-year risk",
								String.format(java.util.Locale.UK, "%.1f%%", rs.getDouble(2)), link);
			})
			.list();
	}

}
