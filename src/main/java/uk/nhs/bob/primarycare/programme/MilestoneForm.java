package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A site's milestone: what, for which workstream (or all), when it is due, its RAG status and when it was done. */
record MilestoneForm(@NotBlank(message = "Enter the milestone") @Size(max = 200, message = "Milestone must be 200 characters or fewer") @Nullable String title,
		@Nullable String workstreamCode, @Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear,
		@NotNull(message = "Choose red, amber or green") Portfolio.@Nullable Rag rag, @Nullable String doneDay,
		@Nullable String doneMonth, @Nullable String doneYear,
		@Size(max = 1000, message = "Note must be 1000 characters or fewer") @Nullable String note, @Nullable Long version) {

	static MilestoneForm empty() {
		return new MilestoneForm("", "", "", "", "", null, "", "", "", "", null);
	}

	static MilestoneForm of(Portfolio.Milestone m) {
		return new MilestoneForm(m.title(), m.workstreamCode() == null ? "" : m.workstreamCode(),
				FormDates.day(m.dueOn()), FormDates.month(m.dueOn()), FormDates.year(m.dueOn()), m.rag(),
				FormDates.day(m.completedOn()), FormDates.month(m.completedOn()), FormDates.year(m.completedOn()),
				m.note(), m.version());
	}

	MilestoneForm withVersion(long latest) {
		return new MilestoneForm(title, workstreamCode, dueDay, dueMonth, dueYear, rag, doneDay, doneMonth, doneYear,
				note, latest);
	}

}
