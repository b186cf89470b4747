package uk.nhs.bob.primarycare.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores a {@link NhsNumber} in a text column as its normal form and reads it back as the type, so an entity holds the
 * value type rather than a string. Named by {@code @Convert} on the attribute (not applied automatically), so a
 * module test that scans only its own module still finds it.
 */
@Converter
public class NhsNumberConverter implements AttributeConverter<NhsNumber, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable NhsNumber attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public @Nullable NhsNumber convertToEntityAttribute(@Nullable String column) {
		return column == null ? null : new NhsNumber(column);
	}

}
