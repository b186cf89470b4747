package uk.nhs.bob.primarycare.programme.improvement;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** An IHI progress score (0.5 to 5 in halves) with a note on why. */
record ScoreForm(
		@NotBlank(message = "Choose the progress score") @Pattern(regexp = "0\\.5|[1-4]\\.[05]|5\\.0", message = "Choose a progress score from 0.5 to 5") @Nullable String score,
		@Size(max = 1000, message = "Note must be 1000 characters or fewer") @Nullable String note,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<ScoreForm> {

	static ScoreForm of(Project project) {
		return new ScoreForm(project.progressScore() == null ? "" : project.progressScore().toPlainString(), "",
				project.version());
	}

	@Override
	public ScoreForm withVersion(long latest) {
		return new ScoreForm(score, note, latest);
	}

	BigDecimal value() {
		return new BigDecimal(score);
	}

}
