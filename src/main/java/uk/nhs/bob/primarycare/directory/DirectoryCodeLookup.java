package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.OdsCode;

/** The directory's codes, read from the directory as it is now. */
@Component
class DirectoryCodeLookup implements DirectoryCodes {

	private final Directory directory;

	DirectoryCodeLookup(Directory directory) {
		this.directory = directory;
	}

	@Override
	public Optional<String> holder(Kind kind, String code) {
		return switch (kind) {
			case PLACE -> directory.place(code).map(PlaceSummary::name);
			case SITE -> directory.site(code).map(SiteSummary::name);
			case PCN -> directory.pcn(code).map(PcnSummary::name);
			case PRACTICE -> OdsCode.parse(code).flatMap(directory::practice).map(PracticeSummary::name);
		};
	}

}
