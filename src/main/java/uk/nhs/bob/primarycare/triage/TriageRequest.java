package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberConverter;
import uk.nhs.bob.primarycare.triage.view.RequestView;

/**
 * One same-day request from intake to completion. The engine's suggestion is stored with the rule-pack version it
 * came from, so a later rule pack never rewrites history. Optimistic locking ({@link Version}) detects two people
 * acting on the same request at once.
 */
@Entity
@Table(schema = "triage", name = "request")
class TriageRequest implements RequestView {

	enum Channel {

		COORDINATOR("Care coordinator"), ONLINE_FORM("Online form"), API("111 or online consultation (API)");

		private final String label;

		Channel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	enum Status {

		OPEN("Waiting for triage"), AWAITING_SUPERVISION("Waiting for a clinical supervisor"), COMPLETED("Completed");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** How the person on the request was identified (the platform's identity rule, {@code IdentityMatch}). */
	enum Identity {

		MATCHED("Matched to the record"), NOT_REGISTERED("Not registered in BOB"),
		NOT_VERIFIED("Identity not verified");

		private final String label;

		Identity(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	@Id
	private UUID id;

	private String reference;

	@Version
	private @Nullable Long version;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private @Nullable String submissionKey;

	private @Nullable String submittedBy;

	@Convert(converter = NhsNumberConverter.class)
	private @Nullable NhsNumber nhsNumber;

	private String givenName;

	private String familyName;

	private LocalDate dateOfBirth;

	private String sex;

	private @Nullable String postcode;

	private @Nullable String contactPhone;

	private boolean forSomeoneElse;

	private @Nullable String practiceCode;

	private String siteCode;

	private String placeCode;

	@Enumerated(EnumType.STRING)
	private PresentingProblem problem;

	private @Nullable String onset;

	private @Nullable String description;

	private String redFlags;

	private @Nullable Boolean pregnant;

	private @Nullable Boolean immunosuppressed;

	private @Nullable Boolean urinaryCatheter;

	private @Nullable Integer symptomDays;

	private @Nullable Integer episodesLast6Months;

	private @Nullable Integer episodesLast12Months;

	private @Nullable Integer feverPainScore;

	private @Nullable Integer rashOnsetDays;

	private int ageYears;

	private Instant receivedAt;

	private LocalDate weekStarting;

	private int urgency;

	private boolean redFlag;

	private String rulePackVersion;

	@Enumerated(EnumType.STRING)
	private Disposition suggestedDisposition;

	private String suggestedRuleId;

	private String navigationJson;

	@Enumerated(EnumType.STRING)
	private Status status;

	private @Nullable String claimedBy;

	private @Nullable Instant claimedAt;

	@Enumerated(EnumType.STRING)
	private @Nullable Disposition decidedDisposition;

	private @Nullable String decidedBy;

	private @Nullable Instant decidedAt;

	private @Nullable String overrideReason;

	private @Nullable String supervisionReason;

	private @Nullable String supervisedBy;

	private @Nullable Instant supervisedAt;

	private @Nullable String supervisionNote;

	private @Nullable Long serviceId;

	private @Nullable String serviceName;

	private @Nullable String safetyNet;

	private @Nullable LocalDate followUpDate;

	private @Nullable Instant completedAt;

	private @Nullable UUID earlierRequestId;

	private boolean notRightFirstTime;

	@Enumerated(EnumType.STRING)
	private Identity identity;

	@Convert(converter = NhsNumberConverter.class)
	private @Nullable NhsNumber sentNhsNumber;

	private @Nullable String heldGivenName;

	private @Nullable String heldFamilyName;

	private @Nullable LocalDate heldDateOfBirth;

	private @Nullable String identityResolvedBy;

	private @Nullable Instant identityResolvedAt;

	private @Nullable String identityNote;

	private @Nullable String submissionHash;

	private @Nullable UUID chasedByRequestId;

	private @Nullable Instant followedUpAt;

	private @Nullable String followedUpBy;

	private @Nullable String followUpNote;

	protected TriageRequest() {
		this.id = UUID.randomUUID();
		this.reference = "";
		this.channel = Channel.COORDINATOR;
		this.givenName = "";
		this.familyName = "";
		this.dateOfBirth = LocalDate.EPOCH;
		this.sex = "";
		this.siteCode = "";
		this.placeCode = "";
		this.problem = PresentingProblem.OTHER;
		this.redFlags = "";
		this.receivedAt = Instant.EPOCH;
		this.weekStarting = LocalDate.EPOCH;
		this.rulePackVersion = "";
		this.suggestedDisposition = Disposition.GP_ROUTINE;
		this.suggestedRuleId = "";
		this.navigationJson = "";
		this.status = Status.OPEN;
		this.identity = Identity.NOT_REGISTERED;
	}

	TriageRequest(UUID id, String reference, Channel channel, @Nullable String submissionKey,
			@Nullable String submittedBy, RequestedPerson person, Hub hub, RequestDetails details, int ageYears,
			Instant receivedAt, LocalDate weekStarting, Navigation navigation, String navigationJson,
			@Nullable String supervisionReason, RequestIdentity identity, @Nullable String submissionHash) {
		this.id = id;
		this.identity = identity.identity();
		this.sentNhsNumber = identity.sentNhsNumber();
		this.heldGivenName = identity.heldGivenName();
		this.heldFamilyName = identity.heldFamilyName();
		this.heldDateOfBirth = identity.heldDateOfBirth();
		this.identityNote = identity.note();
		this.submissionHash = submissionHash;
		this.reference = reference;
		this.channel = channel;
		this.submissionKey = submissionKey;
		this.submittedBy = submittedBy;
		this.nhsNumber = person.nhsNumber();
		this.givenName = person.givenName();
		this.familyName = person.familyName();
		this.dateOfBirth = person.dateOfBirth();
		this.sex = person.sex().code();
		this.postcode = person.postcode();
		this.contactPhone = details.contactPhone();
		this.forSomeoneElse = details.forSomeoneElse();
		this.practiceCode = hub.practiceCode();
		this.siteCode = hub.siteCode();
		this.placeCode = hub.placeCode();
		this.problem = details.problem();
		this.onset = details.onset();
		this.description = details.description();
		this.redFlags = details.redFlags().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.pregnant = details.pregnant();
		this.immunosuppressed = details.immunosuppressed();
		this.urinaryCatheter = details.urinaryCatheter();
		this.symptomDays = details.symptomDays();
		this.episodesLast6Months = details.episodesLast6Months();
		this.episodesLast12Months = details.episodesLast12Months();
		this.feverPainScore = details.feverPainScore();
		this.rashOnsetDays = details.rashOnsetDays();
		this.ageYears = ageYears;
		this.receivedAt = receivedAt;
		this.weekStarting = weekStarting;
		this.redFlag = navigation.redFlag();
		this.rulePackVersion = navigation.rulePackVersion();
		this.suggestedDisposition = navigation.recommended().code();
		this.suggestedRuleId = navigation.recommended().ruleId();
		this.urgency = suggestedDisposition.urgency();
		this.navigationJson = navigationJson;
		this.supervisionReason = supervisionReason;
		this.status = Status.OPEN;
	}

	/** A coordinator's decision: waits for a supervisor when the request needs one, otherwise completes it. */
	void decide(Disposition disposition, String username, Instant at, @Nullable String overrideReason,
			@Nullable String addedSupervisionReason, Referral referral) {
		this.decidedDisposition = disposition;
		this.decidedBy = username;
		this.decidedAt = at;
		this.overrideReason = overrideReason;
		if (addedSupervisionReason != null) {
			this.supervisionReason = supervisionReason == null ? addedSupervisionReason
					: supervisionReason + "; " + addedSupervisionReason;
		}
		applyReferral(referral);
		if (supervisionReason != null) {
			this.status = Status.AWAITING_SUPERVISION;
		}
		else {
			complete(at);
		}
	}

	/** A supervisor approves the decision (or the suggestion) or changes it, with a note; the request completes. */
	void supervise(Disposition disposition, String username, Instant at, String note, Referral referral) {
		if (decidedAt == null) {
			// a supervisor acting straight from the queue (a red flag) makes the triage decision too
			this.decidedBy = username;
			this.decidedAt = at;
		}
		this.decidedDisposition = disposition;
		this.supervisedBy = username;
		this.supervisedAt = at;
		this.supervisionNote = note;
		applyReferral(referral);
		complete(at);
	}

	private void applyReferral(Referral referral) {
		this.serviceId = referral.serviceId();
		this.serviceName = referral.serviceName();
		this.safetyNet = referral.safetyNet();
		this.followUpDate = referral.followUpDate();
	}

	private void complete(Instant at) {
		this.status = Status.COMPLETED;
		this.completedAt = at;
		this.claimedBy = null;
		this.claimedAt = null;
	}

	void linkToEarlier(UUID earlier) {
		this.earlierRequestId = earlier;
	}

	void markNotRightFirstTime() {
		this.notRightFirstTime = true;
	}

	void markChasedBy(UUID later) {
		this.chasedByRequestId = later;
	}

	/**
	 * A coordinator settled who the person is: the person on the record (details from the record, navigation again
	 * for their age and sex while the request is open), or the details as given, with or without an NHS number.
	 */
	void resolveIdentity(RequestedPerson person, Identity resolved, int ageYears, @Nullable Navigation renavigated,
			@Nullable String renavigatedJson, String username, Instant at, String note) {
		this.nhsNumber = person.nhsNumber();
		this.givenName = person.givenName();
		this.familyName = person.familyName();
		this.dateOfBirth = person.dateOfBirth();
		this.sex = person.sex().code();
		this.postcode = person.postcode();
		this.ageYears = ageYears;
		this.identity = resolved;
		this.identityResolvedBy = username;
		this.identityResolvedAt = at;
		this.identityNote = note;
		if (renavigated != null && renavigatedJson != null) {
			this.rulePackVersion = renavigated.rulePackVersion();
			this.suggestedDisposition = renavigated.recommended().code();
			this.suggestedRuleId = renavigated.recommended().ruleId();
			this.urgency = Math.min(urgency, suggestedDisposition.urgency());
			this.redFlag = redFlag || renavigated.redFlag();
			this.navigationJson = renavigatedJson;
		}
	}

	void followedUp(String username, Instant at, String note) {
		this.followedUpBy = username;
		this.followedUpAt = at;
		this.followUpNote = note;
	}

	public boolean overridden() {
		return decidedDisposition != null && decidedDisposition != suggestedDisposition;
	}

	public Set<RedFlag> redFlagSet() {
		if (redFlags.isBlank()) {
			return EnumSet.noneOf(RedFlag.class);
		}
		return Arrays.stream(redFlags.split(",")).map(RedFlag::valueOf).collect(Collectors.toCollection(
				() -> EnumSet.noneOf(RedFlag.class)));
	}

	public UUID id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public Channel channel() {
		return channel;
	}

	public @Nullable String submittedBy() {
		return submittedBy;
	}

	public @Nullable NhsNumber nhsNumber() {
		return nhsNumber;
	}

	public String givenName() {
		return givenName;
	}

	public String familyName() {
		return familyName;
	}

	public LocalDate dateOfBirth() {
		return dateOfBirth;
	}

	public String sex() {
		return sex;
	}

	public @Nullable String postcode() {
		return postcode;
	}

	public @Nullable String contactPhone() {
		return contactPhone;
	}

	public boolean forSomeoneElse() {
		return forSomeoneElse;
	}

	public @Nullable String practiceCode() {
		return practiceCode;
	}

	public String siteCode() {
		return siteCode;
	}

	public String placeCode() {
		return placeCode;
	}

	public PresentingProblem problem() {
		return problem;
	}

	public @Nullable String onset() {
		return onset;
	}

	public @Nullable String description() {
		return description;
	}

	public @Nullable Boolean pregnant() {
		return pregnant;
	}

	public @Nullable Boolean immunosuppressed() {
		return immunosuppressed;
	}

	public @Nullable Boolean urinaryCatheter() {
		return urinaryCatheter;
	}

	public @Nullable Integer symptomDays() {
		return symptomDays;
	}

	public @Nullable Integer episodesLast6Months() {
		return episodesLast6Months;
	}

	public @Nullable Integer episodesLast12Months() {
		return episodesLast12Months;
	}

	public @Nullable Integer feverPainScore() {
		return feverPainScore;
	}

	public @Nullable Integer rashOnsetDays() {
		return rashOnsetDays;
	}

	public int ageYears() {
		return ageYears;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	public LocalDate weekStarting() {
		return weekStarting;
	}

	public int urgency() {
		return urgency;
	}

	public boolean redFlag() {
		return redFlag;
	}

	public String rulePackVersion() {
		return rulePackVersion;
	}

	public Disposition suggestedDisposition() {
		return suggestedDisposition;
	}

	public String suggestedRuleId() {
		return suggestedRuleId;
	}

	public String navigationJson() {
		return navigationJson;
	}

	public Status status() {
		return status;
	}

	public @Nullable String claimedBy() {
		return claimedBy;
	}

	public @Nullable Instant claimedAt() {
		return claimedAt;
	}

	public @Nullable Disposition decidedDisposition() {
		return decidedDisposition;
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable Instant decidedAt() {
		return decidedAt;
	}

	public @Nullable String overrideReason() {
		return overrideReason;
	}

	public @Nullable String supervisionReason() {
		return supervisionReason;
	}

	public @Nullable String supervisedBy() {
		return supervisedBy;
	}

	public @Nullable Instant supervisedAt() {
		return supervisedAt;
	}

	public @Nullable String supervisionNote() {
		return supervisionNote;
	}

	public @Nullable String serviceName() {
		return serviceName;
	}

	public @Nullable String safetyNet() {
		return safetyNet;
	}

	public @Nullable LocalDate followUpDate() {
		return followUpDate;
	}

	public @Nullable Instant completedAt() {
		return completedAt;
	}

	public @Nullable UUID earlierRequestId() {
		return earlierRequestId;
	}

	public boolean notRightFirstTime() {
		return notRightFirstTime;
	}

	public Identity identity() {
		return identity;
	}

	public boolean identityNotVerified() {
		return identity == Identity.NOT_VERIFIED;
	}

	public @Nullable NhsNumber sentNhsNumber() {
		return sentNhsNumber;
	}

	public @Nullable String heldGivenName() {
		return heldGivenName;
	}

	public @Nullable String heldFamilyName() {
		return heldFamilyName;
	}

	public @Nullable LocalDate heldDateOfBirth() {
		return heldDateOfBirth;
	}

	public @Nullable String identityResolvedBy() {
		return identityResolvedBy;
	}

	public @Nullable Instant identityResolvedAt() {
		return identityResolvedAt;
	}

	public java.time.@Nullable LocalDateTime identityResolvedAtUk() {
		return identityResolvedAt == null ? null
				: java.time.LocalDateTime.ofInstant(identityResolvedAt, uk.nhs.bob.primarycare.directory.ServiceDirectory.UK_TIME);
	}

	public @Nullable String identityNote() {
		return identityNote;
	}

	public @Nullable String submissionHash() {
		return submissionHash;
	}

	public @Nullable UUID chasedByRequestId() {
		return chasedByRequestId;
	}

	public @Nullable Instant followedUpAt() {
		return followedUpAt;
	}

	public @Nullable String followedUpBy() {
		return followedUpBy;
	}

	public @Nullable String followUpNote() {
		return followUpNote;
	}

	public @Nullable Long serviceId() {
		return serviceId;
	}

	/** 'Female' or 'Male'. */
	public String sexLabel() {
		return sex.isEmpty() ? sex : Character.toUpperCase(sex.charAt(0)) + sex.substring(1);
	}

	/** The status people see: 'Claimed' while someone works on an open request. */
	public boolean completed() {
		return status == Status.COMPLETED;
	}

	public String channelLabel() {
		return channel.label();
	}

	public String identityLabel() {
		return identity.label();
	}

	/** Recorded as someone not registered in BOB: an NHS number, when given, kept as given. */
	public boolean notRegistered() {
		return identity == Identity.NOT_REGISTERED;
	}

	public String statusLabel() {
		return status == Status.OPEN && claimedBy != null ? "Claimed" : status.label();
	}

	/** When it was received, in UK local time, for pages. */
	public java.time.LocalDateTime receivedAtUk() {
		return java.time.LocalDateTime.ofInstant(receivedAt, uk.nhs.bob.primarycare.directory.ServiceDirectory.UK_TIME);
	}

	public java.time.@Nullable LocalDateTime completedAtUk() {
		return completedAt == null ? null
				: java.time.LocalDateTime.ofInstant(completedAt, uk.nhs.bob.primarycare.directory.ServiceDirectory.UK_TIME);
	}

	public String displayName() {
		return familyName.toUpperCase(java.util.Locale.UK) + ", " + givenName;
	}

	public java.util.List<String> redFlagQuestions() {
		return redFlagSet().stream().map(RedFlag::question).toList();
	}

}
