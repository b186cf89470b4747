package uk.nhs.bob.primarycare.triage.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.Disposition;
import uk.nhs.bob.primarycare.triage.PresentingProblem;

/**
 * What the request page reads of a request. Public (in a package internal to the module) so that the page's
 * expressions are compiled rather than interpreted over the module's own request type, which stays package-private.
 */
public interface RequestView {

	int ageYears();

	boolean completed();

	String channelLabel();

	String identityLabel();

	boolean notRegistered();

	@Nullable String claimedBy();

	@Nullable LocalDateTime completedAtUk();

	@Nullable String contactPhone();

	LocalDate dateOfBirth();

	@Nullable String decidedBy();

	@Nullable Disposition decidedDisposition();

	@Nullable String description();

	String displayName();

	String familyName();

	@Nullable LocalDate followUpDate();

	@Nullable String followUpNote();

	@Nullable Instant followedUpAt();

	@Nullable String followedUpBy();

	boolean forSomeoneElse();

	String givenName();

	@Nullable LocalDate heldDateOfBirth();

	@Nullable String heldFamilyName();

	@Nullable String heldGivenName();

	UUID id();

	boolean identityNotVerified();

	@Nullable String identityNote();

	@Nullable LocalDateTime identityResolvedAtUk();

	@Nullable String identityResolvedBy();

	@Nullable NhsNumber nhsNumber();

	boolean notRightFirstTime();

	@Nullable String onset();

	boolean overridden();

	@Nullable String overrideReason();

	PresentingProblem problem();

	LocalDateTime receivedAtUk();

	boolean redFlag();

	List<String> redFlagQuestions();

	String reference();

	@Nullable String safetyNet();

	@Nullable NhsNumber sentNhsNumber();

	@Nullable String serviceName();

	String sexLabel();

	String siteCode();

	String statusLabel();

	@Nullable String supervisedBy();

	@Nullable String supervisionNote();

	@Nullable String supervisionReason();

	long version();

}
