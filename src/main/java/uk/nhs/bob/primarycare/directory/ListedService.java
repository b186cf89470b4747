package uk.nhs.bob.primarycare.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeConverter;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeConverter;

/** A service in the service directory as stored. Changes go through {@link #apply(ServiceDetails)}. */
@Entity
@Table(schema = "directory", name = "service")
class ListedService {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "service_type")
	private ServiceType type;

	@Convert(converter = OdsCodeConverter.class)
	private @Nullable OdsCode odsCode;

	private String placeCode;

	private @Nullable String addressLine1;

	private @Nullable String addressLine2;

	private @Nullable String town;

	@Convert(converter = PostcodeConverter.class)
	private @Nullable Postcode postcode;

	private @Nullable String phone;

	private @Nullable String website;

	private boolean acceptsReferrals;

	private boolean selfReferral;

	@Version
	private @Nullable Long version;

	// lists are read for many services at once: batch loading keeps that to a few queries
	@ElementCollection
	@BatchSize(size = 200)
	@CollectionTable(schema = "directory", name = "service_offer", joinColumns = @JoinColumn(name = "service_id"))
	@Column(name = "offer")
	@Enumerated(EnumType.STRING)
	private Set<ServiceOffer> offers = EnumSet.noneOf(ServiceOffer.class);

	@ElementCollection
	@BatchSize(size = 200)
	@CollectionTable(schema = "directory", name = "service_opening_period",
			joinColumns = @JoinColumn(name = "service_id"))
	private List<StoredOpeningPeriod> openingPeriods = new ArrayList<>();

	protected ListedService() {
		this.name = "";
		this.type = ServiceType.VCSE;
		this.placeCode = "";
	}

	ListedService(ServiceDetails details) {
		this();
		apply(details);
	}

	void apply(ServiceDetails details) {
		this.name = details.name();
		this.type = details.type();
		this.odsCode = details.odsCode();
		this.placeCode = details.placeCode();
		StreetAddress address = details.address();
		this.addressLine1 = address == null ? null : address.line1();
		this.addressLine2 = address == null ? null : address.line2();
		this.town = address == null ? null : address.town();
		this.postcode = details.postcode();
		this.phone = details.phone();
		this.website = details.website();
		this.acceptsReferrals = details.acceptsReferrals();
		this.selfReferral = details.selfReferral();
		this.offers.clear();
		this.offers.addAll(details.offers());
		this.openingPeriods.clear();
		details.openingHours().periods().forEach(p -> this.openingPeriods.add(new StoredOpeningPeriod(p)));
	}

	ServiceSummary toSummary(String placeName) {
		return new ServiceSummary(id(), name, type, odsCode, placeCode, placeName, address(),
				Objects.requireNonNull(postcode, "a stored service has a postcode"), phone, website, offers, acceptsReferrals, selfReferral,
				new OpeningHours(openingPeriods.stream().map(StoredOpeningPeriod::toPeriod).toList()), version());
	}

	@Nullable
	private StreetAddress address() {
		// the table's check keeps a first line and a town together
		return addressLine1 == null || town == null ? null : new StreetAddress(addressLine1, addressLine2, town);
	}

	long id() {
		if (id == null) {
			throw new IllegalStateException("Service not saved yet");
		}
		return id;
	}

	long version() {
		return version == null ? 0 : version;
	}

	String placeCode() {
		return placeCode;
	}

}
