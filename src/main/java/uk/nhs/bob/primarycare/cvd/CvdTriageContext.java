package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
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
		List<PersonContext> context = new ArrayList<>();
		String link = "/cvd/people/" + nhsNumber.value();
		jdbc.sql("SELECT rule_code FROM cvd.finding WHERE nhs_number = ? ORDER BY priority, rule_code")
			.param(nhsNumber.value())
			.query(String.class)
			.list()
			.forEach(code -> context.add(new PersonContext(SOURCE, "CVD flag",
					CaseFindingRule.ofCode(code).map(CaseFindingRule::title).orElse(code), link)));
		jdbc.sql("SELECT score FROM cvd.person_risk WHERE nhs_number = ? AND score IS NOT NULL")
			.param(nhsNumber.value())
			.query(Double.class)
			.optional()
			.ifPresent(score -> context.add(new PersonContext(SOURCE, "QRISK3 10-year risk",
					String.format(java.util.Locale.UK, "%.1f%%", score), link)));
		return context;
	}

}
