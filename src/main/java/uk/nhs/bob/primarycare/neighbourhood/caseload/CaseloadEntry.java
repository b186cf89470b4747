package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanDocuments;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberConverter;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeConverter;

/**
 * A person on a team's caseload together with their personalised care and support plan: one aggregate with one
 * version, so any two concurrent changes to the person's plan or caseload status are detected. Goals and actions are
 * kept as JSON documents (they only ever change with their plan, and each saved version keeps the whole plan).
 */
@Entity
@Table(schema = "neighbourhood", name = "caseload_entry")
public class CaseloadEntry {

	@Id
	private UUID id;

	private UUID carePlanId;

	private UUID teamId;

	private String siteCode;

	@Convert(converter = NhsNumberConverter.class)
	private NhsNumber nhsNumber;

	@Convert(converter = OdsCodeConverter.class)
	private OdsCode practiceCode;

	@Enumerated(EnumType.STRING)
	private CaseloadStatus status;

	private @Nullable UUID keyworkerId;

	private LocalDate addedOn;

	private String addedBy;

	private String addedReason;

	private @Nullable LocalDate dischargedOn;

	private @Nullable UUID previousEntryId;

	private @Nullable String dischargeReason;

	private String whatMatters;

	private String contingencyPlan;

	private String goals;

	private String actions;

	private String personalisedCare;

	private @Nullable LocalDate nextReviewDate;

	private @Nullable LocalDate agreedOn;

	private @Nullable LocalDate lastReviewedOn;

	private Instant updatedAt;

	private String updatedBy;

	@Version
	private @Nullable Long version;

	protected CaseloadEntry() {
		this.id = UUID.randomUUID();
		this.carePlanId = UUID.randomUUID();
		this.teamId = UUID.randomUUID();
		this.siteCode = "";
		this.status = CaseloadStatus.IDENTIFIED;
		this.addedOn = LocalDate.now();
		this.addedBy = "";
		this.addedReason = "";
		this.whatMatters = "";
		this.contingencyPlan = "";
		this.goals = "[]";
		this.actions = "[]";
		this.personalisedCare = "{}";
		this.updatedAt = Instant.now();
		this.updatedBy = "";
	}

	CaseloadEntry(Team team, NhsNumber nhsNumber, OdsCode practiceCode, String reason, @Nullable UUID keyworkerId,
			String addedBy, LocalDate addedOn) {
		this();
		this.teamId = team.getId();
		this.siteCode = team.getSiteCode();
		this.nhsNumber = nhsNumber;
		this.practiceCode = practiceCode;
		this.addedReason = reason;
		this.keyworkerId = keyworkerId;
		this.addedBy = addedBy;
		this.addedOn = addedOn;
		this.updatedBy = addedBy;
	}

	/** This entry opens a new episode after {@code previous} was discharged. */
	void follows(CaseloadEntry previous) {
		this.previousEntryId = previous.getId();
	}

	public @Nullable UUID getPreviousEntryId() {
		return previousEntryId;
	}

	void touch(String username) {
		this.updatedAt = Instant.now();
		this.updatedBy = username;
	}

	/** Replaces the plan's content (JSON already written by {@link PlanDocuments}). */
	public void applyPlan(String whatMatters, String goalsJson, String actionsJson, String contingencyPlan,
			@Nullable LocalDate nextReviewDate, String personalisedCareJson) {
		this.personalisedCare = personalisedCareJson;
		this.whatMatters = whatMatters;
		this.goals = goalsJson;
		this.actions = actionsJson;
		this.contingencyPlan = contingencyPlan;
		this.nextReviewDate = nextReviewDate;
	}

	void changeStatus(CaseloadStatus status) {
		this.status = status;
	}

	void agree(LocalDate on) {
		this.status = CaseloadStatus.PLAN_AGREED;
		if (agreedOn == null) {
			agreedOn = on;
		}
	}

	void reviewed(LocalDate on, LocalDate nextReview) {
		this.lastReviewedOn = on;
		this.nextReviewDate = nextReview;
		this.status = CaseloadStatus.PLAN_AGREED;
	}

	void assignKeyworker(@Nullable UUID keyworkerId) {
		this.keyworkerId = keyworkerId;
	}

	void discharge(LocalDate on, String reason) {
		this.status = CaseloadStatus.DISCHARGED;
		this.dischargedOn = on;
		this.dischargeReason = reason;
	}

	public UUID getId() {
		return id;
	}

	public UUID getCarePlanId() {
		return carePlanId;
	}

	public UUID getTeamId() {
		return teamId;
	}

	public String getSiteCode() {
		return siteCode;
	}

	public NhsNumber getNhsNumber() {
		return nhsNumber;
	}

	public OdsCode getPracticeCode() {
		return practiceCode;
	}

	public CaseloadStatus getStatus() {
		return status;
	}

	public @Nullable UUID getKeyworkerId() {
		return keyworkerId;
	}

	public LocalDate getAddedOn() {
		return addedOn;
	}

	public String getAddedBy() {
		return addedBy;
	}

	public String getAddedReason() {
		return addedReason;
	}

	public @Nullable LocalDate getDischargedOn() {
		return dischargedOn;
	}

	public @Nullable String getDischargeReason() {
		return dischargeReason;
	}

	public String whatMatters() {
		return whatMatters;
	}

	public String contingencyPlan() {
		return contingencyPlan;
	}

	public String goalsJson() {
		return goals;
	}

	public String actionsJson() {
		return actions;
	}

	public String personalisedCareJson() {
		return personalisedCare;
	}

	public @Nullable LocalDate getNextReviewDate() {
		return nextReviewDate;
	}

	public @Nullable LocalDate getAgreedOn() {
		return agreedOn;
	}

	public @Nullable LocalDate getLastReviewedOn() {
		return lastReviewedOn;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public long getVersion() {
		return version == null ? 0 : version;
	}

	public boolean reviewOverdue(LocalDate today) {
		return status.open() && nextReviewDate != null && nextReviewDate.isBefore(today);
	}

}
