package uk.nhs.bob.primarycare.programme.improvement;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A SMART aim: what, how much, by when. */
@DateFields(@DateFields.Date(value = "by", message = "Enter a real date for by when, for example 31 3 2027"))
record AimForm(@NotBlank(message = "Enter what the team is trying to accomplish") @Size(max = 500, message = "What must be 500 characters or fewer") @Nullable String what,
		@NotBlank(message = "Enter how much") @Size(max = 200, message = "How much must be 200 characters or fewer") @Nullable String howMuch,
		@Nullable String byDay, @Nullable String byMonth, @Nullable String byYear,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<AimForm> {

	static AimForm of(Project project) {
		return new AimForm(project.aimWhat(), project.aimHowMuch(), FormDates.day(project.aimByWhen()),
				FormDates.month(project.aimByWhen()), FormDates.year(project.aimByWhen()), project.version());
	}

	@Override
	public AimForm withVersion(long latest) {
		return new AimForm(what, howMuch, byDay, byMonth, byYear, latest);
	}

	LocalDate byWhen() {
		return FormDates.parse(byDay, byMonth, byYear).orElseThrow();
	}

}
