package uk.nhs.bob.primarycare.programme;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's change history: every change to a workstream, cohort, site, enrolment, team, measure, value,
 * rebase, PDSA cycle, driver, milestone or risk, with who made it, when, why (where a reason is asked for) and each
 * field before and after. Written in the transaction of the change itself, so a change is never kept without its
 * entry; shown on the pages of what changed.
 */
@Component
public class ChangeLog {

	public enum Subject {

		WORKSTREAM("Workstream"), COHORT("Cohort"), SITE("Site"), ENROLMENT("Enrolment"), TEAM("Local action team"),
		MEMBER("Team member"), PROJECT("Project"), MEASURE("Measure"), VALUE("Weekly value"), REBASE("Rebase"),
		PDSA("PDSA cycle"), DRIVER("Driver diagram"), MILESTONE("Milestone"), RISK("Risk or issue");

		private final String label;

		Subject(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	record Field(String name, @Nullable String before, @Nullable String after) {
	}

	record Entry(long id, Subject subject, String subjectKey, String subjectLabel, String action, String reason,
			String changedBy, Instant changedAt, List<Field> fields) {
	}

	/** Collects the fields that differ (texts compared as shown). */
	public static final class Diff {

		private final List<Field> fields = new ArrayList<>();

		public Diff field(String name, @Nullable Object before, @Nullable Object after) {
			String b = before == null ? null : before.toString();
			String a = after == null ? null : after.toString();
			if (!Objects.equals(blankToNull(b), blankToNull(a))) {
				fields.add(new Field(name, b, a));
			}
			return this;
		}

		/** A field of something created or removed: one side only. */
		public Diff value(String name, @Nullable Object value, boolean created) {
			String text = value == null ? null : value.toString();
			if (text != null && !text.isBlank()) {
				fields.add(created ? new Field(name, null, text) : new Field(name, text, null));
			}
			return this;
		}

		public boolean empty() {
			return fields.isEmpty();
		}

		List<Field> fields() {
			return List.copyOf(fields);
		}

		private static @Nullable String blankToNull(@Nullable String text) {
			return text == null || text.isBlank() ? null : text;
		}

	}

	private final JdbcClient jdbc;

	ChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(@Nullable Long siteId, @Nullable Long projectId, Subject subject, String key, String label,
			String action, @Nullable String reason, Diff diff, String username) {
		long id = jdbc.sql("""
				insert into programme.change (site_id, project_id, subject_type, subject_key, subject_label, action,
					reason, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, projectId, subject.name(), key, truncate(label, 300), action,
					reason == null ? "" : truncate(reason, 1000), username, OffsetDateTime.now(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		int position = 0;
		for (Field field : diff.fields()) {
			jdbc.sql("""
					insert into programme.change_field (change_id, position, field, before_value, after_value)
					values (?, ?, ?, ?, ?)""")
				.params(id, position++, field.name(), truncate(field.before(), 2000), truncate(field.after(), 2000))
				.update();
		}
	}

	/** Everything that changed in a site (its details, team, enrolments, projects, measures, cycles, portfolio). */
	@Transactional(readOnly = true)
	public List<Entry> forSite(long siteId) {
		return entries("where c.site_id = ?", siteId);
	}

	/** A measure's history: its definition, its values and its rebases. */
	@Transactional(readOnly = true)
	public List<Entry> forMeasure(long measureId) {
		return entries("""
				where (c.subject_type = 'MEASURE' and c.subject_key = ?)
					or (c.subject_type in ('VALUE', 'REBASE') and c.subject_key like ?)""", String.valueOf(measureId),
				measureId + "/%");
	}

	@Transactional(readOnly = true)
	List<Entry> forSubject(Subject subject, String key) {
		return entries("where c.subject_type = ? and c.subject_key = ?", subject.name(), key);
	}

	private List<Entry> entries(String where, Object... params) {
		Map<Long, Entry> entries = new LinkedHashMap<>();
		jdbc.sql("select c.* from programme.change c " + where + " order by c.changed_at desc, c.id desc limit 500")
			.params(params)
			.query((rs, row) -> entries.put(rs.getLong("id"),
					new Entry(rs.getLong("id"), Subject.valueOf(rs.getString("subject_type")),
							rs.getString("subject_key"), rs.getString("subject_label"), rs.getString("action"),
							rs.getString("reason"), rs.getString("changed_by"),
							rs.getObject("changed_at", OffsetDateTime.class).toInstant(), new ArrayList<>())))
			.list();
		if (!entries.isEmpty()) {
			jdbc.sql("select * from programme.change_field where change_id in (:ids) order by change_id, position")
				.param("ids", entries.keySet())
				.query((rs, row) -> entries.get(rs.getLong("change_id"))
					.fields()
					.add(new Field(rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"))))
				.list();
		}
		return List.copyOf(entries.values());
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
