package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An IHI progress score (0.5 to 5 in halves) with a note on why. */
record ScoreForm(@NotBlank(message = "Choose the progress score") @Nullable String score,
		@Size(max = 1000, message = "Note must be 1000 characters or fewer") @Nullable String note, @jakarta.validation.constraints.NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version) {

	static ScoreForm of(Project project) {
		return new ScoreForm(project.progressScore() == null ? "" : project.progressScore().toPlainString(), "",
				project.version());
	}

	ScoreForm withVersion(long latest) {
		return new ScoreForm(score, note, latest);
	}

}
