package uk.nhs.bob.primarycare.cvd;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A bulk action on the people selected on a worklist page, with the page's filters so the list comes back as it was.
 * The outreach type is required for "record invitation sent" (checked by the controller, as it depends on the
 * action).
 */
public record WorklistActionForm(
		@NotEmpty(message = "Select at least one person") @Size(max = 100,
				message = "Select at most 100 people at a time") @Nullable List<String> selected,
		@NotNull(message = "Choose an action") @Pattern(regexp = "ASSIGN|RELEASE|INVITE",
				message = "Choose an action") @Nullable String action,
		@Nullable String outreachType, @Nullable String rule, @Nullable String practice, @Nullable String pcn,
		@Nullable String quintile, @Nullable String status, @Nullable String days, @Nullable String owner,
		@Nullable String page) {

	WorklistQuery query() {
		return new WorklistQuery(rule, practice, pcn, quintile, status, days, owner, page);
	}

	public boolean isSelected(String nhsNumber) {
		return selected != null && selected.contains(nhsNumber);
	}

	static WorklistActionForm of(WorklistQuery query) {
		return new WorklistActionForm(List.of(), null, null, query.rule(), query.practice(), query.pcn(),
				query.quintile(), query.status(), query.days(), query.owner(), query.page());
	}

}
