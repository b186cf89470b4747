package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.WholeNumberText;

/** A blood pressure reading taken outside the practice (community pharmacy, optometrist, home). */
@CvdDates.Recent(label = "date of the reading", field = "readingDay")
@ReadingForm.DiastolicBelowSystolic
record ReadingForm(
		@NotBlank(message = "Enter the systolic pressure")
		@WholeNumberText(min = 50, max = 300,
				message = "The systolic pressure must be a whole number between 50 and 300") @Nullable String systolic,
		@NotBlank(message = "Enter the diastolic pressure")
		@WholeNumberText(min = 20, max = 200,
				message = "The diastolic pressure must be a whole number between 20 and 200") @Nullable String diastolic,
		@NotBlank(message = SETTING_MESSAGE)
		@Pattern(regexp = "PHARMACY|OPTOMETRY|HOME|HOME_AVERAGE|AMBULATORY",
				message = SETTING_MESSAGE) @Nullable String setting,
		@Nullable String readingDay, @Nullable String readingMonth, @Nullable String readingYear)
		implements DateInput.Parts {

	static final String SETTING_MESSAGE = "Choose where the reading was taken";

	/** The settings a reading recorded here may come from (in the pattern above): any but the practice's clinic. */
	static final List<BloodPressureSetting> SETTINGS = List.of(BloodPressureSetting.PHARMACY,
			BloodPressureSetting.OPTOMETRY, BloodPressureSetting.HOME, BloodPressureSetting.HOME_AVERAGE,
			BloodPressureSetting.AMBULATORY);

	static ReadingForm empty() {
		return new ReadingForm(null, null, null, null, null, null);
	}

	@Override
	public @Nullable String day() {
		return readingDay;
	}

	@Override
	public @Nullable String month() {
		return readingMonth;
	}

	@Override
	public @Nullable String year() {
		return readingYear;
	}

	/** The checked reading (call only once the form has passed its checks). */
	int systolicValue() {
		return Integer.parseInt(systolic.trim());
	}

	int diastolicValue() {
		return Integer.parseInt(diastolic.trim());
	}

	BloodPressureSetting settingValue() {
		return BloodPressureSetting.valueOf(setting);
	}

	/** The diastolic pressure is lower than the systolic one, when both are whole numbers in range. */
	@Documented
	@Constraint(validatedBy = DiastolicBelowSystolic.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface DiastolicBelowSystolic {

		String message() default "The diastolic pressure must be lower than the systolic pressure";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<DiastolicBelowSystolic, ReadingForm> {

			@Override
			public boolean isValid(@Nullable ReadingForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				Optional<Integer> systolic = WholeNumberText.Validator.parse(form.systolic(), 50, 300);
				Optional<Integer> diastolic = WholeNumberText.Validator.parse(form.diastolic(), 20, 200);
				if (systolic.isEmpty() || diastolic.isEmpty() || diastolic.get() < systolic.get()) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("diastolic")
					.addConstraintViolation();
				return false;
			}

		}

	}

}
