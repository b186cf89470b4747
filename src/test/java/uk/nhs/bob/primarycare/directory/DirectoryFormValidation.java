package uk.nhs.bob.primarycare.directory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;

/**
 * Bean Validation for the directory's forms without Spring: the constraints that look codes up in the directory
 * ({@link InDirectory}, {@link NotInDirectory}) are given fixed codes, as Spring gives them the directory.
 */
final class DirectoryFormValidation {

	private DirectoryFormValidation() {
	}

	/** A validator factory whose directory holds these codes of each kind, each held by "Held by CODE". */
	static ValidatorFactory factory(Map<Kind, Set<String>> held) {
		DirectoryCodes codes = (kind, code) -> held.getOrDefault(kind, Set.of()).contains(code)
				? Optional.of("Held by " + code) : Optional.empty();
		ValidatorFactory plain = Validation.buildDefaultValidatorFactory();
		ConstraintValidatorFactory defaults = plain.getConstraintValidatorFactory();
		ConstraintValidatorFactory withCodes = new ConstraintValidatorFactory() {

			@Override
			@SuppressWarnings("unchecked")
			public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
				if (key == InDirectory.Validator.class) {
					return (T) new InDirectory.Validator(codes);
				}
				if (key == NotInDirectory.Validator.class) {
					return (T) new NotInDirectory.Validator(codes);
				}
				return defaults.getInstance(key);
			}

			@Override
			public void releaseInstance(ConstraintValidator<?, ?> instance) {
				defaults.releaseInstance(instance);
			}

		};
		ValidatorFactory factory = Validation.byDefaultProvider()
			.configure()
			.constraintValidatorFactory(withCodes)
			.buildValidatorFactory();
		return factory;
	}

}
