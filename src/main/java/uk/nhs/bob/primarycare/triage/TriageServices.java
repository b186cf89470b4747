package uk.nhs.bob.primarycare.triage;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

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
		return directory.nowInUk();
	}

	List<ServiceChoice> matching(Disposition disposition, PresentingProblem problem, String placeCode,
			LocalDateTime now) {
		List<ServiceSummary> found = switch (disposition) {
			case PHARMACY_FIRST -> directory.offering(ServiceOffer.PHARMACY_FIRST, placeCode);
			case PHARMACY_ADVICE -> directory.services(ServiceType.COMMUNITY_PHARMACY, placeCode);
			case OPTOMETRY_MECS -> directory.offering(ServiceOffer.MINOR_EYE_CONDITIONS, placeCode);
			case DENTAL_URGENT -> directory.offering(ServiceOffer.URGENT_DENTAL_CARE, placeCode);
			case DENTAL_ROUTINE -> directory.services(ServiceType.DENTAL_PRACTICE, placeCode);
			case FIRST_CONTACT_PHYSIO -> directory.services(ServiceType.FIRST_CONTACT_PHYSIOTHERAPY, placeCode);
			case URGENT_TREATMENT_CENTRE -> directory.services(ServiceType.URGENT_TREATMENT_CENTRE, placeCode);
			case TALKING_THERAPIES -> directory.services(ServiceType.TALKING_THERAPIES, placeCode);
			case SOCIAL_PRESCRIBING -> directory.offering(ServiceOffer.SOCIAL_PRESCRIBING, placeCode);
			case COMMUNITY_SELF_REFERRAL -> switch (problem) {
				case HEARING_PROBLEM -> directory.services(ServiceType.AUDIOLOGY, placeCode);
				case FOOT_PROBLEM -> directory.services(ServiceType.PODIATRY, placeCode);
				case WEIGHT_CONCERN -> directory.services(ServiceType.WEIGHT_MANAGEMENT, placeCode);
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
