package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo installation has a service directory worth navigating in every Place. */
@DirectoryModuleTest
class DirectoryDemoDataTests {

	private static final Map<String, Set<String>> POSTCODE_AREAS = Map.of("14Y", Set.of("HP", "SL", "MK"), "10Q",
			Set.of("OX"), "15A", Set.of("RG"));

	@Autowired
	ServiceDirectory serviceDirectory;

	@Autowired
	DirectoryDemoData demoData;

	@Test
	void everyPlaceHasServicesOfEveryType() {
		for (String place : POSTCODE_AREAS.keySet()) {
			for (ServiceType type : ServiceType.values()) {
				assertThat(serviceDirectory.services(type, place)).as("%s in %s", type, place).isNotEmpty();
			}
			assertThat(serviceDirectory.services(ServiceType.VCSE, place)).as("VCSE in %s", place).hasSizeGreaterThan(2);
		}
		assertThat(demoData.present()).isTrue();
	}

	@Test
	void demoServicesSitInTheirPlacesPostcodeAreas() {
		List<ServiceSummary> demo = serviceDirectory.services()
			.stream()
			.filter(s -> DirectoryDemoData.SERVICES.stream().anyMatch(d -> d.name().equals(s.name())))
			.toList();
		assertThat(demo).hasSize(DirectoryDemoData.SERVICES.size());
		assertThat(demo).allSatisfy(s -> assertThat(POSTCODE_AREAS.get(s.placeCode())).as(s.name())
			.contains(s.postcode().area()));
	}

	@Test
	void demoServicesHaveStreetAddressesSaveOneKnownOnlyByItsPostcode() {
		assertThat(DirectoryDemoData.ADDRESSES.keySet())
			.allMatch(name -> DirectoryDemoData.SERVICES.stream().anyMatch(d -> d.name().equals(name)));
		List<ServiceSummary> demo = serviceDirectory.services()
			.stream()
			.filter(s -> DirectoryDemoData.SERVICES.stream().anyMatch(d -> d.name().equals(s.name())))
			.toList();
		assertThat(demo).filteredOn(s -> s.address() == null)
			.extracting(ServiceSummary::name)
			.containsExactly("Marlow Walking for Health");
		assertThat(serviceDirectory.services()).filteredOn(s -> s.name().equals("Cowley Road Pharmacy"))
			.singleElement()
			.satisfies(s -> assertThat(s.addressText()).isEqualTo("112 Cowley Road, Oxford, OX4 1HU"));
	}

	@Test
	void mostPharmaciesRunPharmacyFirstAndOptometristsRunMecs() {
		for (String place : POSTCODE_AREAS.keySet()) {
			List<ServiceSummary> pharmacies = serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, place);
			long pharmacyFirst = pharmacies.stream().filter(p -> p.offers(ServiceOffer.PHARMACY_FIRST)).count();
			assertThat(pharmacyFirst).as(place).isGreaterThan(pharmacies.size() / 2);
			assertThat(pharmacies).as(place).anyMatch(p -> p.offers(ServiceOffer.BLOOD_PRESSURE_CHECK));
			// some open on Sundays (100-hour and supermarket pharmacies)
			assertThat(pharmacies).as(place)
				.anyMatch(p -> !p.openingHours().isClosedOn(DayOfWeek.SUNDAY));
			assertThat(serviceDirectory.offering(ServiceOffer.MINOR_EYE_CONDITIONS, place)).as(place).isNotEmpty();
		}
	}

}
