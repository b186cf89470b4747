package uk.nhs.bob.primarycare.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.DemoDataPart;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Contact details for the demo population, before the feature modules' parts run (so their events find them): most
 * people agreed to messages with a mobile and an email, some have only an email or only a postal address (care plans
 * go by letter), some refused, a few opted out, and some were never asked. Mobiles are in Ofcom's drama range
 * (07700 900000 to 900999) and emails at example.com, so nothing could reach a real person even with Notify set up.
 */
@Component
@Order(35)
class MessagingDemoData implements DemoDataPart {

	private static final Logger log = LoggerFactory.getLogger(MessagingDemoData.class);

	private static final int BATCH = 1000;

	private final Population population;

	private final Directory directory;

	private final JdbcTemplate jdbc;

	MessagingDemoData(Population population, Directory directory, JdbcTemplate jdbc) {
		this.population = population;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public boolean present() {
		Long count = jdbc.queryForObject("SELECT count(*) FROM messaging.contact", Long.class);
		return count != null && count > 0;
	}

	@Transactional
	@Override
	public void create() {
		Map<String, PracticeSummary> practices = directory.practices()
			.stream()
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
		Timestamp now = Timestamp.from(Instant.now());
		LocalDate recorded = LocalDate.now().minusMonths(3);
		@Nullable NhsNumber after = null;
		int count = 0;
		List<PersonSummary> page;
		while (!(page = population.page(after, BATCH)).isEmpty()) {
			List<Object[]> rows = new ArrayList<>();
			for (PersonSummary person : page) {
				Object[] row = row(person, practices.get(person.registeredPractice().value()), now, recorded);
				if (row != null) {
					rows.add(row);
				}
			}
			jdbc.batchUpdate("""
					INSERT INTO messaging.contact (nhs_number, mobile, email, address_line_1, address_town, postcode,
					    preferred_channel, consent, consent_recorded_on, opted_out, opted_out_on, updated_by, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo-data', ?)""", rows);
			count += rows.size();
			after = page.get(page.size() - 1).nhsNumber();
		}
		log.info("Messaging demo data: contact details for {} people", count);
	}

	/** One person's demo details, chosen by a digit of the NHS number; null for someone never asked. */
	private static Object @Nullable [] row(PersonSummary person, @Nullable PracticeSummary practice, Timestamp now,
			LocalDate recorded) {
		String nhs = person.nhsNumber().value();
		int kind = nhs.charAt(8) - '0';
		int n = Integer.parseInt(nhs.substring(5, 8));
		String mobile = "07700900" + String.format("%03d", n);
		String email = (person.givenName() + "." + person.familyName()).toLowerCase(Locale.UK).replaceAll("[^a-z.]", "")
				+ "@example.com";
		String line1 = (n % 120 + 1) + " " + (n % 2 == 0 ? "High Street" : "Church Lane");
		String town = practice == null ? "Oxford" : practice.siteName().replace(" neighbourhood", "");
		String postcode = person.postcode().value();
		boolean optedOut = kind == 5 && n % 4 == 0;
		return switch (kind) {
			case 0, 1, 2, 3 -> new Object[] { nhs, mobile, email, line1, town, postcode, "SMS", "GIVEN", recorded,
					false, null, now };
			case 4, 5 -> new Object[] { nhs, mobile, email, line1, town, postcode, "EMAIL", "GIVEN", recorded,
					optedOut, optedOut ? recorded.plusMonths(1) : null, now };
			case 6 -> new Object[] { nhs, null, email, null, null, null, "EMAIL", "GIVEN", recorded, false, null, now };
			case 7 -> new Object[] { nhs, null, null, line1, town, postcode, "LETTER", "GIVEN", recorded, false, null,
					now };
			case 8 -> new Object[] { nhs, null, null, null, null, null, null, "REFUSED", recorded, false, null, now };
			default -> null;
		};
	}

}
