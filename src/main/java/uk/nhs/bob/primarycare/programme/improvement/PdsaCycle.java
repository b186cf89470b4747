package uk.nhs.bob.primarycare.programme.improvement;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A Plan-Do-Study-Act cycle (IHI Model for Improvement): the change idea it tests, the plan with its prediction (and
 * per measure, in {@code pdsa_prediction}), what was done, what was learnt and the decision (adopt, adapt or
 * abandon). It may follow an earlier cycle in a ramp. Its start date places it on the project's charts.
 */
@Entity
@Table(schema = "programme", name = "pdsa_cycle")
public class PdsaCycle {

	public enum Act {

		ADOPT("Adopt"), ADAPT("Adapt"), ABANDON("Abandon");

		private final String label;

		Act(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long projectId;

	private String title;

	private String plan;

	private String prediction;

	private LocalDate startedOn;

	@Column(name = "do_notes")
	private String doNotes = "";

	private String study = "";

	@Enumerated(EnumType.STRING)
	private @Nullable Act act;

	private @Nullable LocalDate actOn;

	private String recordedBy;

	private @Nullable Long changeIdeaId;

	private @Nullable Long followsCycleId;

	private @Nullable LocalDate withdrawnOn;

	private @Nullable String withdrawnBy;

	private @Nullable String withdrawnReason;

	@Version
	private @Nullable Long version;

	protected PdsaCycle() {
		this.title = "";
		this.plan = "";
		this.prediction = "";
		this.startedOn = LocalDate.MIN;
		this.recordedBy = "";
	}

	PdsaCycle(long projectId, String title, String plan, String prediction, LocalDate startedOn, String recordedBy) {
		this.projectId = projectId;
		this.title = title;
		this.plan = plan;
		this.prediction = prediction;
		this.startedOn = startedOn;
		this.recordedBy = recordedBy;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	long projectId() {
		return projectId;
	}

	public String title() {
		return title;
	}

	public String plan() {
		return plan;
	}

	public String prediction() {
		return prediction;
	}

	public LocalDate startedOn() {
		return startedOn;
	}

	String doNotes() {
		return doNotes;
	}

	String study() {
		return study;
	}

	@Nullable Act act() {
		return act;
	}

	@Nullable LocalDate actOn() {
		return actOn;
	}

	@Nullable Long changeIdeaId() {
		return changeIdeaId;
	}

	@Nullable Long followsCycleId() {
		return followsCycleId;
	}

	void link(@Nullable Long changeIdeaId, @Nullable Long followsCycleId) {
		this.changeIdeaId = changeIdeaId;
		this.followsCycleId = followsCycleId;
	}

	public boolean withdrawn() {
		return withdrawnOn != null;
	}

	@Nullable LocalDate withdrawnOn() {
		return withdrawnOn;
	}

	@Nullable String withdrawnBy() {
		return withdrawnBy;
	}

	@Nullable String withdrawnReason() {
		return withdrawnReason;
	}

	String recordedBy() {
		return recordedBy;
	}

	void withdraw(LocalDate on, String by, String reason) {
		this.withdrawnOn = on;
		this.withdrawnBy = by;
		this.withdrawnReason = reason;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	void change(String title, String plan, String prediction, LocalDate startedOn, String doNotes, String study,
			@Nullable Act act, @Nullable LocalDate actOn) {
		this.title = title;
		this.plan = plan;
		this.prediction = prediction;
		this.startedOn = startedOn;
		this.doNotes = doNotes;
		this.study = study;
		this.act = act;
		this.actOn = actOn;
	}

}
