package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

import static org.assertj.core.api.Assertions.assertThat;

/** The service directory's read API, as triage will use it, on the real database. */
@DirectoryModuleTest
class ServiceDirectoryTests {

	// Monday 2 March 2026; Sunday 8 March 2026
	private static final LocalDateTime MONDAY_LUNCHTIME = LocalDateTime.parse("2026-03-02T13:30");

	private static final LocalDateTime MONDAY_AFTERNOON = LocalDateTime.parse("2026-03-02T14:30");

	private static final LocalDateTime SUNDAY_NIGHT = LocalDateTime.parse("2026-03-08T03:00");

	@Autowired
	ServiceDirectory serviceDirectory;

	@Autowired
	DirectoryAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void findsServicesByTypeAndPlace() {
		List<ServiceSummary> found = serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "10Q");

		assertThat(found).isNotEmpty()
			.allMatch(s -> s.type() == ServiceType.COMMUNITY_PHARMACY && s.placeCode().equals("10Q"))
			.allMatch(s -> s.placeName().equals("Oxfordshire"));
		assertThat(found).extracting(ServiceSummary::name).contains("Cowley Road Pharmacy").isSorted();
	}

	@Test
	void findsServicesByOffer() {
		assertThat(serviceDirectory.offering(ServiceOffer.PHARMACY_FIRST)).isNotEmpty()
			.allMatch(s -> s.offers(ServiceOffer.PHARMACY_FIRST))
			.extracting(ServiceSummary::placeCode)
			.contains("14Y", "10Q", "15A");
		assertThat(serviceDirectory.offering(ServiceOffer.MINOR_EYE_CONDITIONS, "15A")).isNotEmpty()
			.allMatch(s -> s.type() == ServiceType.OPTOMETRIST && s.placeCode().equals("15A"));
	}

	@Test
	void openAtHonoursLunchClosuresAndClosedDays() {
		long id = administration.addService(new ServiceDetails("Open-at Test Pharmacy " + System.nanoTime(),
				ServiceType.COMMUNITY_PHARMACY, null, "15A", null, new Postcode("RG1 2BH"), null, null,
				Set.of(ServiceOffer.PHARMACY_FIRST), true, true,
				DirectoryDemoData.hours("MON-FRI 08:00-13:00 14:00-18:30", "SAT 09:00-12:00")));

		assertThat(serviceDirectory.openAt(MONDAY_LUNCHTIME)).extracting(ServiceSummary::id).doesNotContain(id);
		assertThat(serviceDirectory.openAt(MONDAY_AFTERNOON)).extracting(ServiceSummary::id).contains(id);
		assertThat(serviceDirectory.openAt(SUNDAY_NIGHT)).extracting(ServiceSummary::id).doesNotContain(id);
		// no street address recorded: the postcode alone says where it is, with no empty line
		ServiceSummary saved = serviceDirectory.service(id).orElseThrow();
		assertThat(saved.address()).isNull();
		assertThat(saved.addressLines()).containsExactly("RG1 2BH");
		assertThat(saved.addressText()).isEqualTo("RG1 2BH");
	}

	@Test
	void onlyRoundTheClockServicesAreOpenInTheNight() {
		List<ServiceSummary> open = serviceDirectory.openAt(SUNDAY_NIGHT);

		assertThat(open).extracting(ServiceSummary::name).contains("Reading Urgent Treatment Centre");
		assertThat(open).extracting(ServiceSummary::name)
			.doesNotContain("Walton Court Pharmacy", "Wycombe Urgent Treatment Centre", "Kingsbury Square Pharmacy");
	}

	@Test
	void readsBackEverythingThatWasSaved() {
		long id = administration.addService(new ServiceDetails("Round Trip Centre " + System.nanoTime(),
				ServiceType.AUDIOLOGY, new OdsCode("RT" + (System.nanoTime() % 100000)),
				"14Y", new StreetAddress("Oakfield House", "Oakfield Road", "Aylesbury"), new Postcode("HP20 1UN"),
				"01632 960555", "https://www.round-trip.example",
				Set.of(ServiceOffer.EAR_WAX_REMOVAL), false, true, DirectoryDemoData.hours("TUE 10:00-24:00")));

		ServiceSummary saved = serviceDirectory.service(id).orElseThrow();

		assertThat(saved.type()).isEqualTo(ServiceType.AUDIOLOGY);
		assertThat(saved.placeName()).isEqualTo("Buckinghamshire");
		assertThat(saved.phone()).isEqualTo("01632 960555");
		assertThat(saved.address()).isEqualTo(new StreetAddress("Oakfield House", "Oakfield Road", "Aylesbury"));
		assertThat(saved.addressText()).isEqualTo("Oakfield House, Oakfield Road, Aylesbury, HP20 1UN");
		assertThat(saved.offers()).containsExactly(ServiceOffer.EAR_WAX_REMOVAL);
		assertThat(saved.acceptsReferrals()).isFalse();
		assertThat(saved.selfReferral()).isTrue();
		assertThat(saved.openingHours().describe(DayOfWeek.TUESDAY)).isEqualTo("10:00 to 24:00");
		assertThat(saved.version()).isZero();
		assertThat(serviceDirectory.service(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aChangeMadeOutsideThisInstanceIsSeenAtOnce() {
		// read once, so the Place's services are held in memory
		assertThat(serviceDirectory.offering(ServiceOffer.PHARMACY_FIRST, "15A")).isNotEmpty();
		String name = "Other-instance Pharmacy " + System.nanoTime();

		// another instance adds a service and gives it an offer: straight to the database, not through this one
		long id = jdbc.sql("""
				INSERT INTO directory.service (name, service_type, place_code, postcode, accepts_referrals, self_referral)
				VALUES (?, 'COMMUNITY_PHARMACY', '15A', 'RG1 2BH', true, true) RETURNING id""")
			.param(name)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO directory.service_offer (service_id, offer) VALUES (?, 'PHARMACY_FIRST')").param(id).update();
		assertThat(serviceDirectory.offering(ServiceOffer.PHARMACY_FIRST, "15A")).extracting(ServiceSummary::name)
			.contains(name);
		assertThat(serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "15A")).extracting(ServiceSummary::name)
			.contains(name);

		// ... then takes the offer away again
		jdbc.sql("DELETE FROM directory.service_offer WHERE service_id = ?").param(id).update();
		assertThat(serviceDirectory.offering(ServiceOffer.PHARMACY_FIRST, "15A")).extracting(ServiceSummary::name)
			.doesNotContain(name);

		jdbc.sql("DELETE FROM directory.service WHERE id = ?").param(id).update();
		assertThat(serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "15A")).extracting(ServiceSummary::name)
			.doesNotContain(name);
	}

	@Test
	void servicesReadInsideAnEditThatRollsBackAreNotKept() {
		String name = "Rolled-back Pharmacy " + System.nanoTime();
		TransactionTemplate edit = new TransactionTemplate(transactions);
		edit.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO directory.service (name, service_type, place_code, postcode, accepts_referrals,
					    self_referral) VALUES (?, 'COMMUNITY_PHARMACY', '15A', 'RG1 2BH', true, true)""")
				.param(name)
				.update();
			// the edit's own transaction sees its new service...
			assertThat(serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "15A"))
				.extracting(ServiceSummary::name)
				.contains(name);
			status.setRollbackOnly();
		});

		// ... and once it rolls back, nobody does, though the copy read inside it was kept, even after the next change
		// that commits (its data version is never the one the rolled-back edit had)
		jdbc.sql("UPDATE directory.place SET name = name WHERE code = '15A'").update();
		assertThat(serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "15A")).extracting(ServiceSummary::name)
			.doesNotContain(name);
	}

}
