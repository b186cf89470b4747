package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.Refused;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

/**
 * A project's measures and their weekly values: adding, editing and retiring a measure, entering and correcting
 * values entered by hand, and rebasing. Every change is checked against the user's Place, refused where the rules
 * say so (a fed week, a week not over, a rebase with nothing after it) and kept in the {@link ChangeLog}.
 */
@Component
@Transactional
public class Measures {

	/** A measure as the team defines it. */
	public record Draft(String name, Measure.Kind kind, String definition, Spc.@Nullable Direction direction, String unit,
			@Nullable BigDecimal target, @Nullable Feed feed, @Nullable LocalDate feedFrom, int minimumN) {
	}

	/** A value entered by hand, with its version for correcting it. */
	record HandValue(LocalDate weekStarting, BigDecimal value, String enteredBy, long version) {
	}

	private final MeasureRepository measures;

	private final Programme programme;

	private final Charts charts;

	private final ChangeLog changes;

	private final ProgrammeAccess access;

	private final ProgrammeCalendar calendar;

	private final JdbcClient jdbc;

	Measures(MeasureRepository measures, Programme programme, Charts charts, ChangeLog changes, ProgrammeAccess access,
			ProgrammeCalendar calendar, JdbcClient jdbc) {
		this.measures = measures;
		this.programme = programme;
		this.charts = charts;
		this.changes = changes;
		this.access = access;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Measure> of(long projectId) {
		return measures.findByProjectIdOrderById(projectId);
	}

	@Transactional(readOnly = true)
	List<Measure> active(long projectId) {
		return of(projectId).stream().filter(m -> !m.retired()).toList();
	}

	/** The measures of some projects, by project id, in the order of {@link #of(long)}. */
	@Transactional(readOnly = true)
	public Map<Long, List<Measure>> of(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return measures.findByProjectIdInOrderById(projectIds)
			.stream()
			.collect(Collectors.groupingBy(Measure::projectId, LinkedHashMap::new, Collectors.toList()));
	}

	/** Any project's measure (the measures API: aggregate figures only). */
	@Transactional(readOnly = true)
	public Optional<Measure> find(long measureId) {
		return measures.findById(measureId);
	}

	@Transactional(readOnly = true)
	public Optional<Measure> find(long projectId, long measureId) {
		return measures.findById(measureId).filter(m -> m.projectId() == projectId);
	}

	public Measure add(long projectId, Draft draft) {
		ProgrammeSite site = programme.editableSite(projectId);
		check(draft);
		Measure measure = measures.saveAndFlush(new Measure(projectId, draft.name(), draft.kind(), draft.definition(),
				draft.direction(), draft.unit(), draft.target(), draft.feed(), draft.feedFrom(), draft.minimumN()));
		changes.record(site.id(), projectId, Subject.MEASURE, String.valueOf(measure.id()), measure.name(), "Added",
				null, describe(new Diff(), measure, true), user());
		return measure;
	}

	void edit(long projectId, long measureId, long expectedVersion, Draft draft) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		Programme.checkVersion(measure.version(), expectedVersion);
		check(draft);
		if (measure.feed() != null && draft.feedFrom() != null) {
			LocalDate lastHand = jdbc.sql("select max(week_starting) from programme.measure_value where measure_id = ?")
				.param(measureId)
				.query(LocalDate.class)
				.optional()
				.orElse(null);
			if (lastHand != null && !lastHand.isBefore(draft.feedFrom())) {
				throw new Refused("feedFromDay", "A value was entered by hand for the week commencing "
						+ ProgrammeViews.day(lastHand) + ": the feed can take over from the week after it at the "
						+ "earliest (or remove that value first)");
			}
		}
		Diff diff = new Diff().field("Name", measure.name(), draft.name())
			.field("Kind", measure.kind().label(), draft.kind().label())
			.field("Operational definition", measure.definition(), draft.definition())
			.field("Improvement direction", SpcChart.directionLabel(measure.direction()),
					SpcChart.directionLabel(draft.direction()))
			.field("Unit", measure.unit(), draft.unit())
			.field("Target", plain(measure.target()), plain(draft.target()))
			.field("Feed replaces hand entry from", measure.feedFrom(), measure.feed() == null ? null : draft.feedFrom())
			.field("Minimum n", measure.minimumN(), draft.minimumN());
		measure.change(draft.name(), draft.kind(), draft.definition(), draft.direction(), draft.unit(), draft.target(),
				draft.feedFrom(), draft.minimumN());
		Programme.flush(() -> measures.saveAndFlush(measure));
		if (!diff.empty()) {
			changes.record(site.id(), projectId, Subject.MEASURE, String.valueOf(measureId), measure.name(),
					"Changed", null, diff, user());
		}
	}

	void retire(long projectId, long measureId, long expectedVersion, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		Programme.checkVersion(measure.version(), expectedVersion);
		measure.retire(calendar.today(), user(), reason);
		Programme.flush(() -> measures.saveAndFlush(measure));
		changes.record(site.id(), projectId, Subject.MEASURE, String.valueOf(measureId), measure.name(), "Retired",
				reason, new Diff(), user());
	}

	void reinstate(long projectId, long measureId, @Nullable Long expectedVersion) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = find(projectId, measureId).orElseThrow(() -> new Refused(null, "No such measure"));
		if (expectedVersion == null) {
			throw new Refused(null, "This form is out of date or incomplete: open the page again and make your change");
		}
		if (!measure.retired()) {
			throw new Refused(null, measure.name() + " is not retired");
		}
		Programme.checkVersion(measure.version(), expectedVersion);
		measure.reinstate();
		Programme.flush(() -> measures.saveAndFlush(measure));
		changes.record(site.id(), projectId, Subject.MEASURE, String.valueOf(measureId), measure.name(),
				"Reinstated", null, new Diff(), user());
	}

	// --- values -----------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<HandValue> handValues(long measureId) {
		return jdbc.sql("select * from programme.measure_value where measure_id = ? order by week_starting")
			.param(measureId)
			.query((rs, row) -> new HandValue(rs.getObject("week_starting", LocalDate.class), rs.getBigDecimal("value"),
					rs.getString("entered_by"), rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<HandValue> handValue(long measureId, LocalDate monday) {
		return handValues(measureId).stream().filter(v -> v.weekStarting().equals(monday)).findFirst();
	}

	/** Enters a week's value by hand: refused for a fed week, a week not over yet, or a week that has a value. */
	public void enter(long projectId, long measureId, LocalDate anyDay, BigDecimal value) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		IsoWeek week = IsoWeek.of(anyDay);
		checkWeek(measure, week, "weekDay");
		checkValue(measure, value, "value");
		if (handValue(measureId, week.monday()).isPresent()) {
			throw new Refused("weekDay", "The week commencing " + ProgrammeViews.day(week.monday())
					+ " already has a value: use Change next to it in the table below to correct it");
		}
		jdbc.sql("""
				insert into programme.measure_value (measure_id, week_starting, value, entered_by) values (?, ?, ?, ?)""")
			.params(measureId, week.monday(), value, user())
			.update();
		changes.record(site.id(), projectId, Subject.VALUE, measureId + "/" + week.monday(),
				measure.name() + ", week commencing " + ProgrammeViews.day(week.monday()), "Entered", null,
				new Diff().value("Value", plain(value), true), user());
	}

	/** Corrects a value entered by hand, with the reason kept in the history. */
	void change(long projectId, long measureId, LocalDate monday, long expectedVersion, @Nullable BigDecimal value,
			String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		HandValue before = handValue(measureId, monday)
			.orElseThrow(() -> new Refused(null, "That week has no value entered by hand"));
		Programme.checkVersion(before.version(), expectedVersion);
		if (value == null) {
			throw new Refused("value", "Enter the corrected value, or remove the value");
		}
		checkValue(measure, value, "value");
		int updated = jdbc.sql("""
				update programme.measure_value set value = ?, entered_by = ?, entered_at = now(), version = version + 1
				where measure_id = ? and week_starting = ? and version = ?""")
			.params(value, user(), measureId, monday, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(site.id(), projectId, Subject.VALUE, measureId + "/" + monday,
				measure.name() + ", week commencing " + ProgrammeViews.day(monday), "Corrected", reason,
				new Diff().field("Value", plain(before.value()), plain(value)), user());
	}

	void remove(long projectId, long measureId, LocalDate monday, long expectedVersion, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		HandValue before = handValue(measureId, monday)
			.orElseThrow(() -> new Refused(null, "That week has no value entered by hand"));
		Programme.checkVersion(before.version(), expectedVersion);
		int deleted = jdbc.sql("delete from programme.measure_value where measure_id = ? and week_starting = ? and version = ?")
			.params(measureId, monday, expectedVersion)
			.update();
		if (deleted != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(site.id(), projectId, Subject.VALUE, measureId + "/" + monday,
				measure.name() + ", week commencing " + ProgrammeViews.day(monday), "Removed", reason,
				new Diff().field("Value", plain(before.value()), null), user());
	}

	// --- rebases ----------------------------------------------------------------------------------------------

	/**
	 * Recalculates the limits from a week, with the reason. Refused for a week not over yet, a week the limits
	 * already start at, or a week with no judged data after it (the new limits would rest on nothing).
	 */
	public void rebase(long projectId, long measureId, LocalDate anyDay, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		LocalDate monday = IsoWeek.of(anyDay).monday();
		if (!monday.isBefore(calendar.currentWeek().monday())) {
			throw new Refused("weekDay", "The week commencing " + ProgrammeViews.day(monday)
					+ " has not ended yet: limits can only be recalculated from a week that is over");
		}
		MeasureChart chart = charts.chart(measure);
		List<MeasureChart.Week> judged = chart.weeks().stream().filter(MeasureChart.Week::judged).toList();
		if (judged.stream().noneMatch(w -> !w.weekStarting().isBefore(monday))) {
			throw new Refused("weekDay", "No judged week on or after the week commencing " + ProgrammeViews.day(monday)
					+ ": there is no data to recalculate the limits from");
		}
		if (!judged.get(0).weekStarting().isBefore(monday)) {
			throw new Refused("weekDay", "The limits already start at the first week of the chart: choose a later week");
		}
		if (chart.rebases().stream().anyMatch(r -> r.weekStarting().equals(monday))) {
			throw new Refused("weekDay", "The limits are already recalculated from that week");
		}
		jdbc.sql("""
				insert into programme.measure_rebase (measure_id, week_starting, reason, created_by, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(measureId, monday, reason, user(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		changes.record(site.id(), projectId, Subject.REBASE, measureId + "/" + monday,
				measure.name() + ", from the week commencing " + ProgrammeViews.day(monday), "Limits recalculated",
				reason, new Diff(), user());
	}

	/** The id of the rebase from a week: it changes when a rebase is removed and added again. */
	@Transactional(readOnly = true)
	public Optional<Long> rebaseId(long measureId, LocalDate monday) {
		return jdbc.sql("select id from programme.measure_rebase where measure_id = ? and week_starting = ?")
			.params(measureId, monday)
			.query(Long.class)
			.optional();
	}

	/**
	 * Removes the rebase from a week, the one the user saw (its id): if someone else removed it, or removed it and
	 * added another, the removal is a stale edit.
	 */
	public void removeRebase(long projectId, long measureId, LocalDate monday, long rebaseId, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Measure measure = editable(projectId, measureId);
		int deleted = jdbc.sql("delete from programme.measure_rebase where measure_id = ? and week_starting = ? and id = ?")
			.params(measureId, monday, rebaseId)
			.update();
		if (deleted != 1) {
			throw new Programme.StaleEdit(rebaseId(measureId, monday).orElse(null));
		}
		changes.record(site.id(), projectId, Subject.REBASE, measureId + "/" + monday,
				measure.name() + ", from the week commencing " + ProgrammeViews.day(monday), "Recalculation removed",
				reason, new Diff(), user());
	}

	// --- rules ------------------------------------------------------------------------------------------------

	private Measure editable(long projectId, long measureId) {
		Measure measure = find(projectId, measureId).orElseThrow(() -> new Refused(null, "No such measure"));
		if (measure.retired()) {
			throw new Refused(null, measure.name() + " was retired on " + ProgrammeViews.day(measure.retiredOn())
					+ ": reinstate it to change it");
		}
		return measure;
	}

	private void checkWeek(Measure measure, IsoWeek week, String field) {
		if (!week.monday().isBefore(calendar.currentWeek().monday())) {
			throw new Refused(field, "The week commencing " + ProgrammeViews.day(week.monday())
					+ " has not ended yet: enter its value once the week is over");
		}
		if (measure.fedWeek(week.monday())) {
			throw new Refused(field, "The week commencing " + ProgrammeViews.day(week.monday()) + " is fed from "
					+ measure.feed().label() + " (the feed replaces hand entry from the week commencing "
					+ ProgrammeViews.day(measure.feedFrom())
					+ "), so a value entered by hand would not be used. Enter weeks before that one, or change the "
					+ "measure to start the feed later.");
		}
	}

	private static void checkValue(Measure measure, BigDecimal value, String field) {
		if (measure.percentage() && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw new Refused(field, "A percentage must be from 0 to 100");
		}
	}

	/** What a measure needs: with a feed, the name, definition, direction and unit come from it when left empty. */
	private static void check(Draft draft) {
		List<Refused.Reason> reasons = new java.util.ArrayList<>();
		if (draft.name().isBlank()) {
			reasons.add(new Refused.Reason("name", "Enter the measure name, or choose a feed"));
		}
		if (draft.definition().isBlank()) {
			reasons.add(new Refused.Reason("definition", "Enter the operational definition, or choose a feed"));
		}
		if (draft.direction() == null) {
			reasons.add(new Refused.Reason("direction", "Choose the improvement direction, or choose a feed"));
		}
		if (draft.unit().isBlank()) {
			reasons.add(new Refused.Reason("unit", "Enter the unit, for example % or people"));
		}
		if (draft.feed() != null && draft.feedFrom() == null) {
			reasons.add(new Refused.Reason("feedFromDay",
					"Enter a day in the week from which the feed replaces values entered by hand"));
		}
		if (draft.minimumN() < 1 || draft.minimumN() > 1_000_000) {
			reasons.add(new Refused.Reason("minimumN", "Minimum n must be a whole number from 1 to 1000000"));
		}
		if (!reasons.isEmpty()) {
			throw new Refused(reasons);
		}
	}

	private Diff describe(Diff diff, Measure measure, boolean created) {
		return diff.value("Kind", measure.kind().label(), created)
			.value("Operational definition", measure.definition(), created)
			.value("Improvement direction", SpcChart.directionLabel(measure.direction()), created)
			.value("Unit", measure.unit(), created)
			.value("Target", plain(measure.target()), created)
			.value("Feed", measure.feed() == null ? null : measure.feed().label(), created)
			.value("Feed replaces hand entry from", measure.feedFrom(), created)
			.value("Minimum n", measure.minimumN(), created);
	}

	static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private String user() {
		return access.user().username();
	}

}
