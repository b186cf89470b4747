package uk.nhs.bob.primarycare.programme.portfolio;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.ProgrammePages;

/**
 * A milestone as typed: the workstream it belongs to (blank for the whole site), what, when it is due, its RAG status,
 * a note and, once met, the date it was completed. The version is set when editing.
 */
@DateFields({ @DateFields.Date(value = "due", message = "Enter a real due date, for example 31 3 2027"),
		@DateFields.Date(value = "completed", optional = true,
		message = "Enter a real completion date, for example 15 1 2027, or leave it blank while the milestone is open") })
record MilestoneForm(@Size(max = 20, message = "Choose a workstream from the list, or none") @Nullable String workstream,
		@NotBlank(message = "Enter the milestone") @Size(max = 200, message = "Milestone must be 200 characters or fewer") @Nullable String title,
		@Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear,
		@NotNull(message = "Choose red, amber or green") @Nullable Rag rag,
		@Size(max = 2000, message = "Note must be 2000 characters or fewer") @Nullable String note,
		@Nullable String completedDay, @Nullable String completedMonth, @Nullable String completedYear,
		@NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version) {

	static MilestoneForm empty() {
		return new MilestoneForm("", "", "", "", "", null, "", "", "", "", null);
	}

	static MilestoneForm of(Portfolio.Milestone milestone) {
		return new MilestoneForm(milestone.workstreamCode() == null ? "" : milestone.workstreamCode(), milestone.title(),
				FormDates.day(milestone.dueOn()), FormDates.month(milestone.dueOn()), FormDates.year(milestone.dueOn()),
				milestone.rag(), milestone.note(), FormDates.day(milestone.completedOn()),
				FormDates.month(milestone.completedOn()), FormDates.year(milestone.completedOn()), milestone.version());
	}

	MilestoneForm withVersion(long latest) {
		return new MilestoneForm(workstream, title, dueDay, dueMonth, dueYear, rag, note, completedDay, completedMonth,
				completedYear, latest);
	}

	/** What was typed, once valid. */
	Portfolio.MilestoneDraft draft() {
		LocalDate due = FormDates.parse(dueDay, dueMonth, dueYear).orElseThrow();
		LocalDate completed = FormDates.parse(completedDay, completedMonth, completedYear).orElse(null);
		return new Portfolio.MilestoneDraft(ProgrammePages.blankToNull(workstream), ProgrammePages.strip(title), due,
				rag, ProgrammePages.strip(note), completed);
	}

}
