package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.feed.Feed;

/**
 * A measure of a project: outcome, process or balancing, with its operational definition, improvement direction and
 * optional target. A fed measure takes its weekly values from the other modules' events ({@link Feed}) from the week
 * {@code feedFrom}; the weeks before it are entered by hand (the baseline). A fed week whose n is below
 * {@code minimumN} is shown but not judged. A retired measure keeps its values and history but takes no more.
 */
@Entity
@Table(schema = "programme", name = "measure")
public class Measure {

	public enum Kind {

		OUTCOME("Outcome"), PROCESS("Process"), BALANCING("Balancing");

		private final String label;

		Kind(String label) {
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

	private String name;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String definition;

	@Enumerated(EnumType.STRING)
	private Spc.Direction direction;

	private String unit;

	private @Nullable BigDecimal target;

	@Enumerated(EnumType.STRING)
	private @Nullable Feed feed;

	private @Nullable LocalDate feedFrom;

	@jakarta.persistence.Column(name = "minimum_n")
	private int minimumN = 10;

	private @Nullable LocalDate retiredOn;

	private @Nullable String retiredBy;

	private @Nullable String retiredReason;

	@Version
	private @Nullable Long version;

	protected Measure() {
		this.name = "";
		this.kind = Kind.OUTCOME;
		this.definition = "";
		this.direction = Spc.Direction.INCREASE;
		this.unit = "";
	}

	Measure(long projectId, String name, Kind kind, String definition, Spc.Direction direction, String unit,
			@Nullable BigDecimal target, @Nullable Feed feed, @Nullable LocalDate feedFrom, int minimumN) {
		this.projectId = projectId;
		this.name = name;
		this.kind = kind;
		this.definition = definition;
		this.direction = direction;
		this.unit = unit;
		this.target = target;
		this.feed = feed;
		this.feedFrom = feed == null ? null : feedFrom;
		this.minimumN = minimumN;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long projectId() {
		return projectId;
	}

	public String name() {
		return name;
	}

	Kind kind() {
		return kind;
	}

	String definition() {
		return definition;
	}

	Spc.Direction direction() {
		return direction;
	}

	public String unit() {
		return unit;
	}

	public @Nullable BigDecimal target() {
		return target;
	}

	@Nullable Feed feed() {
		return feed;
	}

	/** The Monday from which the feed replaces values entered by hand (null for a measure without a feed). */
	@Nullable LocalDate feedFrom() {
		return feedFrom;
	}

	int minimumN() {
		return minimumN;
	}

	/** Whether the week takes the feed's value, so it cannot be entered by hand. */
	boolean fedWeek(LocalDate monday) {
		return feed != null && feedFrom != null && !monday.isBefore(feedFrom);
	}

	boolean percentage() {
		return "%".equals(unit.strip());
	}

	public boolean retired() {
		return retiredOn != null;
	}

	@Nullable LocalDate retiredOn() {
		return retiredOn;
	}

	@Nullable String retiredBy() {
		return retiredBy;
	}

	@Nullable String retiredReason() {
		return retiredReason;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	void change(String name, Kind kind, String definition, Spc.Direction direction, String unit,
			@Nullable BigDecimal target, @Nullable LocalDate feedFrom, int minimumN) {
		this.name = name;
		this.kind = kind;
		this.definition = definition;
		this.direction = direction;
		this.unit = unit;
		this.target = target;
		this.feedFrom = feed == null ? null : feedFrom;
		this.minimumN = minimumN;
	}

	void retire(LocalDate on, String by, String reason) {
		this.retiredOn = on;
		this.retiredBy = by;
		this.retiredReason = reason;
	}

	void reinstate() {
		this.retiredOn = null;
		this.retiredBy = null;
		this.retiredReason = null;
	}

}
