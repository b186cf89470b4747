package uk.nhs.bob.primarycare.directory;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The street part of a service's address: a first line (building and street), an optional second line and the town.
 * The postcode is kept beside it on the service, since every service has one and not every service has this.
 */
public record StreetAddress(String line1, @Nullable String line2, String town) {

	public StreetAddress {
		if (line1 == null || line1.isBlank() || town == null || town.isBlank()) {
			throw new IllegalArgumentException("An address needs a first line and a town");
		}
		line1 = line1.trim();
		line2 = line2 == null || line2.isBlank() ? null : line2.trim();
		town = town.trim();
	}

	/** The lines as written on an envelope, without the postcode: the second line only when there is one. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>(3);
		lines.add(line1);
		if (line2 != null) {
			lines.add(line2);
		}
		lines.add(town);
		return lines;
	}

}
