package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;

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
 * A measure of a project: outcome, process or balancing, with its operational definition, improvement direction and
 * optional target. A fed measure takes its weekly values from the other modules' events ({@link Feed}); weeks
 * before the feed started can be entered by hand as a baseline.
 */
@Entity
@Table(schema = "programme", name = "measure")
class Measure {

	enum Kind {

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
			@Nullable BigDecimal target, @Nullable Feed feed) {
		this.projectId = projectId;
		this.name = name;
		this.kind = kind;
		this.definition = definition;
		this.direction = direction;
		this.unit = unit;
		this.target = target;
		this.feed = feed;
	}

	long id() {
		return id == null ? 0 : id;
	}

	long projectId() {
		return projectId;
	}

	String name() {
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

	String unit() {
		return unit;
	}

	@Nullable BigDecimal target() {
		return target;
	}

	@Nullable Feed feed() {
		return feed;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
