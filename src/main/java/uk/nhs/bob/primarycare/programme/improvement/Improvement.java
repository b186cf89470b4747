package uk.nhs.bob.primarycare.programme.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.Refused;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.Measures;

/**
 * The improvement structure of a project (IHI Model for Improvement, as NHS IMPACT and Life QI use it): the driver
 * diagram from the aim to primary drivers, secondary drivers and change ideas, and the PDSA cycles that test the
 * change ideas, each predicting named measures, with the prediction and the result side by side, and linkable into
 * ramps (a cycle follows an earlier one). Changes are checked against the user's Place and kept in the
 * {@link ChangeLog}.
 */
@Component
@Transactional
public class Improvement {

	public enum Level {

		PRIMARY("Primary driver"), SECONDARY("Secondary driver"), CHANGE_IDEA("Change idea");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

		@Nullable Level parent() {
			return switch (this) {
				case PRIMARY -> null;
				case SECONDARY -> PRIMARY;
				case CHANGE_IDEA -> SECONDARY;
			};
		}

	}

	public record Driver(long id, long projectId, @Nullable Long parentId, Level level, String text,
			@Nullable LocalDate retiredOn, @Nullable String retiredReason, long version) {

		boolean retired() {
			return retiredOn != null;
		}

	}

	/** A measure the cycle predicts: what the team expects, and (once studied) what happened. */
	public record Prediction(long measureId, String prediction, String result) {
	}

	/** A PDSA cycle as the team records it. */
	public record CycleDraft(String title, String plan, String prediction, LocalDate startedOn, String doNotes, String study,
			PdsaCycle.@Nullable Act act, @Nullable LocalDate actOn, @Nullable Long changeIdeaId,
			@Nullable Long followsCycleId, List<Prediction> predictions) {
	}

	private final JdbcClient jdbc;

	private final PdsaCycleRepository cycles;

	private final Programme programme;

	private final Measures measures;

	private final ChangeLog changes;

	private final ProgrammeAccess access;

	private final ProgrammeCalendar calendar;

	Improvement(JdbcClient jdbc, PdsaCycleRepository cycles, Programme programme, Measures measures,
			ChangeLog changes, ProgrammeAccess access, ProgrammeCalendar calendar) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.programme = programme;
		this.measures = measures;
		this.changes = changes;
		this.access = access;
		this.calendar = calendar;
	}

	// --- driver diagram ---------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Driver> drivers(long projectId) {
		return jdbc.sql("select * from programme.driver where project_id = ? order by id")
			.param(projectId)
			.query((rs, row) -> new Driver(rs.getLong("id"), rs.getLong("project_id"),
					rs.getObject("parent_id", Long.class), Level.valueOf(rs.getString("level")), rs.getString("text"),
					rs.getObject("retired_on", LocalDate.class), rs.getString("retired_reason"), rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Driver> driver(long projectId, long driverId) {
		return drivers(projectId).stream().filter(d -> d.id() == driverId).findFirst();
	}

	public Driver addDriver(long projectId, Level level, @Nullable Long parentId, String text) {
		ProgrammeSite site = programme.editableSite(projectId);
		Level parentLevel = level.parent();
		Driver parent = null;
		if (parentLevel != null) {
			parent = parentId == null ? null : driver(projectId, parentId).orElse(null);
			if (parent == null || parent.level() != parentLevel || parent.retired()) {
				throw new Refused("parentId", "Choose the " + parentLevel.label().toLowerCase() + " it belongs to");
			}
		}
		long id = jdbc.sql("""
				insert into programme.driver (project_id, parent_id, level, text) values (?, ?, ?, ?) returning id""")
			.params(projectId, parent == null ? null : parent.id(), level.name(), text)
			.query(Long.class)
			.single();
		changes.record(site.id(), projectId, Subject.DRIVER, String.valueOf(id), level.label() + ": " + text, "Added",
				null, new Diff().value("Under", parent == null ? "Aim" : parent.text(), true), user());
		return driver(projectId, id).orElseThrow();
	}

	void editDriver(long projectId, long driverId, long expectedVersion, String text) {
		ProgrammeSite site = programme.editableSite(projectId);
		Driver driver = activeDriver(projectId, driverId);
		Programme.checkVersion(driver.version(), expectedVersion);
		int updated = jdbc.sql("update programme.driver set text = ?, version = version + 1 where id = ? and version = ?")
			.params(text, driverId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(site.id(), projectId, Subject.DRIVER, String.valueOf(driverId), driver.level().label() + ": " + text,
				"Changed", null, new Diff().field("Text", driver.text(), text), user());
	}

	/** Retires a driver or change idea; refused while something under it is still in use. */
	void retireDriver(long projectId, long driverId, long expectedVersion, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		Driver driver = activeDriver(projectId, driverId);
		boolean activeChildren = drivers(projectId).stream()
			.anyMatch(d -> driverId == (d.parentId() == null ? -1 : d.parentId()) && !d.retired());
		if (activeChildren) {
			throw new Refused(null, "Retire what is under \"" + driver.text() + "\" first");
		}
		Programme.checkVersion(driver.version(), expectedVersion);
		int updated = jdbc.sql("""
				update programme.driver set retired_on = ?, retired_by = ?, retired_reason = ?, version = version + 1
				where id = ? and version = ?""")
			.params(calendar.today(), user(), reason, driverId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(site.id(), projectId, Subject.DRIVER, String.valueOf(driverId),
				driver.level().label() + ": " + driver.text(), "Retired", reason, new Diff(), user());
	}

	private Driver activeDriver(long projectId, long driverId) {
		Driver driver = driver(projectId, driverId).orElseThrow(() -> new Refused(null, "No such driver"));
		if (driver.retired()) {
			throw new Refused(null, "\"" + driver.text() + "\" was retired: it can no longer be changed");
		}
		return driver;
	}

	// --- PDSA cycles ------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<PdsaCycle> cycles(long projectId) {
		return cycles.findByProjectIdOrderByStartedOnAscIdAsc(projectId);
	}

	/** The cycles of some projects, by project id, in the order of {@link #cycles(long)}. */
	@Transactional(readOnly = true)
	public Map<Long, List<PdsaCycle>> cycles(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return cycles.findByProjectIdInOrderByStartedOnAscIdAsc(projectIds)
			.stream()
			.collect(Collectors.groupingBy(PdsaCycle::projectId));
	}

	@Transactional(readOnly = true)
	Optional<PdsaCycle> cycle(long projectId, long cycleId) {
		return cycles.findById(cycleId).filter(c -> c.projectId() == projectId);
	}

	/** Each cycle's predictions by measure, in measure order. */
	@Transactional(readOnly = true)
	Map<Long, List<Prediction>> predictions(long projectId) {
		Map<Long, List<Prediction>> byCycle = new LinkedHashMap<>();
		jdbc.sql("""
				select p.* from programme.pdsa_prediction p join programme.pdsa_cycle c on c.id = p.cycle_id
				where c.project_id = ? order by p.cycle_id, p.measure_id""")
			.param(projectId)
			.query((rs, row) -> byCycle.computeIfAbsent(rs.getLong("cycle_id"), k -> new ArrayList<>())
				.add(new Prediction(rs.getLong("measure_id"), rs.getString("prediction"), rs.getString("result"))))
			.list();
		return byCycle;
	}

	public PdsaCycle addCycle(long projectId, CycleDraft draft) {
		ProgrammeSite site = programme.editableSite(projectId);
		if (draft.changeIdeaId() == null) {
			throw new Refused("changeIdeaId", "Choose the change idea this cycle tests");
		}
		check(projectId, null, draft, null);
		PdsaCycle cycle = new PdsaCycle(projectId, draft.title(), draft.plan(), draft.prediction(), draft.startedOn(),
				user());
		cycle.change(draft.title(), draft.plan(), draft.prediction(), draft.startedOn(), draft.doNotes(),
				draft.study(), draft.act(), draft.actOn());
		cycle.link(draft.changeIdeaId(), draft.followsCycleId());
		PdsaCycle saved = cycles.saveAndFlush(cycle);
		savePredictions(saved.id(), draft.predictions());
		changes.record(site.id(), projectId, Subject.PDSA, String.valueOf(saved.id()), saved.title(), "Recorded", null,
				describe(new Diff(), projectId, null, draft), user());
		return saved;
	}

	public void editCycle(long projectId, long cycleId, long expectedVersion, CycleDraft draft) {
		ProgrammeSite site = programme.editableSite(projectId);
		PdsaCycle cycle = cycle(projectId, cycleId).orElseThrow(() -> new Refused(null, "No such PDSA cycle"));
		if (cycle.withdrawn()) {
			throw new Refused(null, "This PDSA cycle was withdrawn: it can no longer be changed");
		}
		Programme.checkVersion(cycle.version(), expectedVersion);
		check(projectId, cycle, draft, cycle.changeIdeaId());
		CycleDraft before = draftOf(cycle, predictions(projectId).getOrDefault(cycleId, List.of()));
		cycle.change(draft.title(), draft.plan(), draft.prediction(), draft.startedOn(), draft.doNotes(),
				draft.study(), draft.act(), draft.actOn());
		cycle.link(draft.changeIdeaId(), draft.followsCycleId());
		Programme.flush(() -> cycles.saveAndFlush(cycle));
		jdbc.sql("delete from programme.pdsa_prediction where cycle_id = ?").param(cycleId).update();
		savePredictions(cycleId, draft.predictions());
		Diff diff = describe(new Diff(), projectId, before, draft);
		if (!diff.empty()) {
			changes.record(site.id(), projectId, Subject.PDSA, String.valueOf(cycleId), draft.title(), "Changed", null,
					diff, user());
		}
	}

	void withdrawCycle(long projectId, long cycleId, long expectedVersion, String reason) {
		ProgrammeSite site = programme.editableSite(projectId);
		PdsaCycle cycle = cycle(projectId, cycleId).orElseThrow(() -> new Refused(null, "No such PDSA cycle"));
		if (cycle.withdrawn()) {
			throw new Refused(null, "This PDSA cycle was already withdrawn");
		}
		Programme.checkVersion(cycle.version(), expectedVersion);
		cycle.withdraw(calendar.today(), user(), reason);
		Programme.flush(() -> cycles.saveAndFlush(cycle));
		changes.record(site.id(), projectId, Subject.PDSA, String.valueOf(cycleId), cycle.title(), "Withdrawn", reason,
				new Diff(), user());
	}

	static CycleDraft draftOf(PdsaCycle cycle, List<Prediction> predictions) {
		return new CycleDraft(cycle.title(), cycle.plan(), cycle.prediction(), cycle.startedOn(), cycle.doNotes(),
				cycle.study(), cycle.act(), cycle.actOn(), cycle.changeIdeaId(), cycle.followsCycleId(), predictions);
	}

	private void check(long projectId, @Nullable PdsaCycle cycle, CycleDraft draft, @Nullable Long currentIdea) {
		List<Refused.Reason> reasons = new ArrayList<>(
				decision(draft.act(), draft.actOn(), draft.startedOn(), draft.study()));
		for (Prediction prediction : draft.predictions()) {
			if (prediction.prediction().isBlank()) {
				String name = measures.find(projectId, prediction.measureId()).map(Measure::name).orElse("a measure");
				reasons.add(new Refused.Reason(null, "Enter the prediction for " + name + " before its result"));
			}
		}
		if (!reasons.isEmpty()) {
			throw new Refused(reasons);
		}
		if (draft.changeIdeaId() != null) {
			Driver idea = driver(projectId, draft.changeIdeaId()).orElse(null);
			boolean keptRetired = idea != null && idea.retired() && draft.changeIdeaId().equals(currentIdea);
			if (idea == null || idea.level() != Level.CHANGE_IDEA || (idea.retired() && !keptRetired)) {
				throw new Refused("changeIdeaId", "Choose a change idea of this project's driver diagram");
			}
		}
		else if (currentIdea != null) {
			throw new Refused("changeIdeaId", "Choose the change idea this cycle tests");
		}
		if (draft.followsCycleId() != null) {
			PdsaCycle earlier = cycle(projectId, draft.followsCycleId()).orElse(null);
			if (earlier == null || (cycle != null && earlier.id() == cycle.id())) {
				throw new Refused("followsCycleId", "Choose an earlier PDSA cycle of this project");
			}
			if (earlier.startedOn().isAfter(draft.startedOn())) {
				throw new Refused("followsCycleId", "A cycle can only follow one that started on or before it");
			}
			// no loops: walk back from the earlier cycle
			Set<Long> seen = new HashSet<>();
			for (PdsaCycle step = earlier; step != null && step.followsCycleId() != null;
					step = cycle(projectId, step.followsCycleId()).orElse(null)) {
				if (!seen.add(step.id()) || (cycle != null && step.followsCycleId() == cycle.id())) {
					throw new Refused("followsCycleId", "That would make the ramp go round in a circle");
				}
			}
		}
		Set<Long> predicted = new HashSet<>();
		for (Prediction prediction : draft.predictions()) {
			Measure measure = measures.find(projectId, prediction.measureId()).orElse(null);
			if (measure == null || !predicted.add(prediction.measureId())) {
				throw new Refused(null, "Predictions can only be made for this project's measures, once each");
			}
		}
	}

	/**
	 * The rules of a cycle's decision (also checked on the form, so every problem shows at once): a decision has its
	 * date, a date has its decision, on or after the start, and the team studied the cycle before deciding.
	 */
	static List<Refused.Reason> decision(PdsaCycle.@Nullable Act act, @Nullable LocalDate actOn,
			@Nullable LocalDate startedOn, @Nullable String study) {
		List<Refused.Reason> reasons = new ArrayList<>();
		if (act != null && actOn == null) {
			reasons.add(new Refused.Reason("actDay",
					"Enter the date of the decision to " + act.label().toLowerCase(java.util.Locale.UK)));
		}
		if (act == null && actOn != null) {
			reasons.add(new Refused.Reason("act", "Choose adopt, adapt or abandon, or clear the decision date"));
		}
		if (actOn != null && startedOn != null && actOn.isBefore(startedOn)) {
			reasons.add(new Refused.Reason("actDay", "The decision date must be on or after the start date"));
		}
		if (act != null && (study == null || study.isBlank())) {
			reasons.add(new Refused.Reason("study", "Enter what you learnt before deciding"));
		}
		return reasons;
	}

	private void savePredictions(long cycleId, List<Prediction> predictions) {
		for (Prediction prediction : predictions) {
			jdbc.sql("""
					insert into programme.pdsa_prediction (cycle_id, measure_id, prediction, result) values (?, ?, ?, ?)""")
				.params(cycleId, prediction.measureId(), prediction.prediction(), prediction.result())
				.update();
		}
	}

	private Diff describe(Diff diff, long projectId, @Nullable CycleDraft before, CycleDraft after) {
		Map<Long, String> names = new LinkedHashMap<>();
		measures.of(projectId).forEach(m -> names.put(m.id(), m.name()));
		Map<Long, String> ideas = new LinkedHashMap<>();
		drivers(projectId).forEach(d -> ideas.put(d.id(), d.text()));
		diff.field("Change being tested", before == null ? null : before.title(), after.title())
			.field("Plan", before == null ? null : before.plan(), after.plan())
			.field("Prediction", before == null ? null : before.prediction(), after.prediction())
			.field("Started", before == null ? null : before.startedOn(), after.startedOn())
			.field("Change idea", before == null ? null : ideas.get(before.changeIdeaId()), ideas.get(after.changeIdeaId()))
			.field("Follows cycle", before == null ? null : cycleTitle(projectId, before.followsCycleId()),
					cycleTitle(projectId, after.followsCycleId()))
			.field("Do", before == null ? null : before.doNotes(), after.doNotes())
			.field("Study", before == null ? null : before.study(), after.study())
			.field("Act", before == null || before.act() == null ? null : before.act().label(),
					after.act() == null ? null : after.act().label())
			.field("Decided on", before == null ? null : before.actOn(), after.actOn());
		Map<Long, Prediction> old = new LinkedHashMap<>();
		if (before != null) {
			before.predictions().forEach(p -> old.put(p.measureId(), p));
		}
		Set<Long> measureIds = new java.util.LinkedHashSet<>(old.keySet());
		after.predictions().forEach(p -> measureIds.add(p.measureId()));
		for (long measureId : measureIds) {
			Prediction was = old.get(measureId);
			Prediction now = after.predictions().stream().filter(p -> p.measureId() == measureId).findFirst().orElse(null);
			String name = names.getOrDefault(measureId, "measure " + measureId);
			diff.field("Prediction for " + name, was == null ? null : was.prediction(), now == null ? null : now.prediction())
				.field("Result for " + name, was == null ? null : was.result(), now == null ? null : now.result());
		}
		return diff;
	}

	private @Nullable String cycleTitle(long projectId, @Nullable Long cycleId) {
		return cycleId == null ? null : cycle(projectId, cycleId).map(PdsaCycle::title).orElse(null);
	}

	private String user() {
		return access.user().username();
	}

}
