package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A risk or issue of a site: what, who owns it, its RAG status, the mitigation, and when it was closed. */
record RiskForm(@NotNull(message = "Choose risk or issue") Portfolio.@Nullable RiskKind riskKind,
		@NotBlank(message = "Enter the risk or issue") @Size(max = 200, message = "Title must be 200 characters or fewer") @Nullable String title,
		@Nullable String workstreamCode,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@NotBlank(message = "Enter who owns it") @Size(max = 120, message = "Owner must be 120 characters or fewer") @Nullable String owner,
		@NotNull(message = "Choose red, amber or green") Portfolio.@Nullable Rag rag,
		@Size(max = 2000, message = "Mitigation must be 2000 characters or fewer") @Nullable String mitigation,
		@Nullable String closedDay, @Nullable String closedMonth, @Nullable String closedYear, @Nullable Long version) {

	static RiskForm empty() {
		return new RiskForm(null, "", "", "", "", null, "", "", "", "", null);
	}

	static RiskForm of(Portfolio.Risk r) {
		return new RiskForm(r.kind(), r.title(), r.workstreamCode() == null ? "" : r.workstreamCode(), r.description(),
				r.owner(), r.rag(), r.mitigation(), FormDates.day(r.closedOn()), FormDates.month(r.closedOn()),
				FormDates.year(r.closedOn()), r.version());
	}

	RiskForm withVersion(long latest) {
		return new RiskForm(riskKind, title, workstreamCode, description, owner, rag, mitigation, closedDay,
				closedMonth, closedYear, latest);
	}

}
