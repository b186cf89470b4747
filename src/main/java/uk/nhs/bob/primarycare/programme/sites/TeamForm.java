package uk.nhs.bob.primarycare.programme.sites;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A site's local action team: leadership, footprint and governance. */
record TeamForm(@NotBlank(message = "Enter the team lead") @Size(max = 120, message = "Team lead must be 120 characters or fewer") @Nullable String teamLead,
		@NotBlank(message = "Enter the clinical lead") @Size(max = 120, message = "Clinical lead must be 120 characters or fewer") @Nullable String clinicalLead,
		@Size(max = 500, message = "Footprint must be 500 characters or fewer") @Nullable String footprintNote,
		@NotBlank(message = "Enter the accountable body") @Size(max = 200, message = "Accountable body must be 200 characters or fewer") @Nullable String accountableBody,
		@NotBlank(message = "Enter who is responsible") @Size(max = 200, message = "Responsible team must be 200 characters or fewer") @Nullable String responsibleTeam,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<TeamForm> {

	static TeamForm of(ProgrammeSite site) {
		return new TeamForm(site.teamLead(), site.clinicalLead(), site.teamFootprintNote(), site.accountableBody(),
				site.responsibleTeam(), site.version());
	}

	@Override
	public TeamForm withVersion(long latest) {
		return new TeamForm(teamLead, clinicalLead, footprintNote, accountableBody, responsibleTeam, latest);
	}

}
