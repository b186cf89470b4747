package uk.nhs.bob.primarycare.programme.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.ProgrammePages;

/**
 * A risk or an issue as typed: what, the workstream it belongs to (blank for the whole site), its RAG rating, who
 * owns it, the actions taken and when it is next reviewed. The version is set when editing.
 */
@DateFields(@DateFields.Date(value = "review", optional = true, message = "Enter a real review date, for example 31 1 2027, or leave it blank"))
record RiskForm(@NotNull(message = "Choose risk or issue") Portfolio.@Nullable RiskKind kind,
		@Size(max = 20, message = "Choose a workstream from the list, or none") @Nullable String workstream,
		@NotBlank(message = "Enter the risk or issue") @Size(max = 200, message = "Title must be 200 characters or fewer") @Nullable String title,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@NotNull(message = "Choose red, amber or green") @Nullable Rag rag,
		@NotBlank(message = "Enter who owns it") @Size(max = 120, message = "Owner must be 120 characters or fewer") @Nullable String owner,
		@Size(max = 2000, message = "Actions must be 2000 characters or fewer") @Nullable String actions,
		@Nullable String reviewDay, @Nullable String reviewMonth, @Nullable String reviewYear, @NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version) {

	static RiskForm empty() {
		return new RiskForm(null, "", "", "", null, "", "", "", "", "", null);
	}

	static RiskForm of(Portfolio.Risk risk) {
		return new RiskForm(risk.kind(), risk.workstreamCode() == null ? "" : risk.workstreamCode(), risk.title(),
				risk.description(), risk.rag(), risk.owner(), risk.actions(), FormDates.day(risk.reviewOn()),
				FormDates.month(risk.reviewOn()), FormDates.year(risk.reviewOn()), risk.version());
	}

	RiskForm withVersion(long latest) {
		return new RiskForm(kind, workstream, title, description, rag, owner, actions, reviewDay, reviewMonth,
				reviewYear, latest);
	}

	Portfolio.RiskDraft draft() {
		return new Portfolio.RiskDraft(ProgrammePages.blankToNull(workstream), kind, ProgrammePages.strip(title),
				ProgrammePages.strip(description), rag, ProgrammePages.strip(owner), ProgrammePages.strip(actions),
				FormDates.parse(reviewDay, reviewMonth, reviewYear).orElse(null));
	}

}
