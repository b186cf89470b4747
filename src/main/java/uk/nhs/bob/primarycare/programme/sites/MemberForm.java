package uk.nhs.bob.primarycare.programme.sites;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A member of a site's local action team (staff, not patients), the workstreams they work on and how to reach them. */
record MemberForm(@NotBlank(message = "Enter the member name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@NotBlank(message = "Enter their role") @Size(max = 120, message = "Role must be 120 characters or fewer") @Nullable String jobRole,
		@NotBlank(message = "Enter their organisation") @Size(max = 200, message = "Organisation must be 200 characters or fewer") @Nullable String organisation,
		@NotNull(message = "Choose where they come from") @Nullable Sector sector,
		@Email(message = "Enter an email address like name@nhs.net") @Size(max = 200, message = "Email must be 200 characters or fewer") @Nullable String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,30}$", message = "Enter a phone number like 0118 496 0000") @Nullable String phone,
		@NotEmpty(message = "Choose at least one workstream they work on") @Nullable List<String> workstreams,
		@NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<MemberForm> {

	static MemberForm empty() {
		return new MemberForm("", "", "", null, "", "", List.of(), null);
	}

	SiteTeams.MemberDraft draft() {
		return new SiteTeams.MemberDraft(ProgrammePages.strip(name), ProgrammePages.strip(jobRole),
				ProgrammePages.strip(organisation), sector, ProgrammePages.strip(email), ProgrammePages.strip(phone),
				new java.util.LinkedHashSet<>(workstreams == null ? java.util.List.of() : workstreams));
	}

	static MemberForm of(SiteTeams.Member member) {
		return new MemberForm(member.name(), member.jobRole(), member.organisation(), member.sector(), member.email(),
				member.phone(), List.copyOf(member.workstreams()), member.version());
	}

	@Override
	public MemberForm withVersion(long latest) {
		return new MemberForm(name, jobRole, organisation, sector, email, phone, workstreams, latest);
	}

}
