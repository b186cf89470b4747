package uk.nhs.bob.primarycare.triage;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.DirectoryData;
import uk.nhs.bob.primarycare.directory.PlaceServices;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.ServiceOffer;
import uk.nhs.bob.primarycare.directory.ServiceSummary;
import uk.nhs.bob.primarycare.directory.ServiceType;

/**
 * The directory services that match a disposition in the person's Place, open ones first, each with whether it is
 * open now or when it next opens.
 */
@Component
class TriageServices {

	public record ServiceChoice(long id, String name, String type, String address, boolean openNow, String availability,
			@Nullable String phone) {
	}

	private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEEE HH:mm");

	private final ServiceDirectory directory;

	TriageServices(ServiceDirectory directory) {
		this.directory = directory;
	}

	LocalDateTime nowInUk() {
		return ServiceDirectory.nowInUk();
	}

	/** The directory as of one look at its data version: the services, practices and sites a page shows. */
	DirectoryData current() {
		return directory.current();
	}

	List<ServiceChoice> matching(Disposition disposition, PresentingProblem problem, PlaceServices place,
			LocalDateTime now) {
		List<ServiceSummary> found = switch (disposition) {
			case PHARMACY_FIRST -> place.offering(ServiceOffer.PHARMACY_FIRST);
			case PHARMACY_ADVICE -> place.ofType(ServiceType.COMMUNITY_PHARMACY);
			case OPTOMETRY_MECS -> place.offering(ServiceOffer.MINOR_EYE_CONDITIONS);
			case DENTAL_URGENT -> place.offering(ServiceOffer.URGENT_DENTAL_CARE);
			case DENTAL_ROUTINE -> place.ofType(ServiceType.DENTAL_PRACTICE);
			case FIRST_CONTACT_PHYSIO -> place.ofType(ServiceType.FIRST_CONTACT_PHYSIOTHERAPY);
			case URGENT_TREATMENT_CENTRE -> place.ofType(ServiceType.URGENT_TREATMENT_CENTRE);
			case TALKING_THERAPIES -> place.ofType(ServiceType.TALKING_THERAPIES);
			case SOCIAL_PRESCRIBING -> place.offering(ServiceOffer.SOCIAL_PRESCRIBING);
			case COMMUNITY_SELF_REFERRAL -> switch (problem) {
				case HEARING_PROBLEM -> place.ofType(ServiceType.AUDIOLOGY);
				case FOOT_PROBLEM -> place.ofType(ServiceType.PODIATRY);
				case WEIGHT_CONCERN -> place.ofType(ServiceType.WEIGHT_MANAGEMENT);
				default -> List.of();
			};
			default -> List.of();
		};
		return found.stream()
			.map(s -> choice(s, now))
			.sorted(Comparator.comparing((ServiceChoice c) -> !c.openNow()).thenComparing(ServiceChoice::name))
			.toList();
	}

	private static ServiceChoice choice(ServiceSummary service, LocalDateTime now) {
		boolean open = service.isOpenAt(now);
		String availability;
		if (open) {
			availability = "Open now, " + service.openingHours().describe(now.getDayOfWeek());
		}
		else {
			availability = service.openingHours().nextOpening(now).map(t -> "Closed now, opens " + NEXT.format(t))
				.orElse(service.selfReferral() ? "No regular hours: self-referral online or by phone"
						: "No regular opening hours listed");
		}
		return new ServiceChoice(service.id(), service.name(), service.type().label(), service.addressText(), open,
				availability, service.phone());
	}

}
