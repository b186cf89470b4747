package uk.nhs.bob.primarycare.cvd;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.shared.OdsCode;

/** Practices by ODS code, read once from the directory for a refresh or a request. */
record Organisations(Map<OdsCode, PracticeSummary> practices) {

	static Organisations of(Directory directory) {
		return new Organisations(directory.practices()
			.stream()
			.collect(Collectors.toMap(PracticeSummary::odsCode, Function.identity())));
	}

	@Nullable PracticeSummary practice(OdsCode code) {
		return practices.get(code);
	}

}
