package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.IdentityMatch;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberText;

/**
 * What closes the loop on a request: settling an identity not verified, recording calls to the person, recording the
 * follow-up, and the worklist of follow-ups that are due. Each action answers on the request page; a problem is
 * explained there with what was typed kept.
 */
@Controller
class RequestActionsController {

	static final String VIEW_FOLLOW_UPS = "triage/follow-ups";

	/**
	 * Settling who the person is: confirm the record, or the corrected details (an NHS number or none). Serializable
	 * because a refused form goes back to the request page as a flash attribute, which lives in the shared session.
	 */
	/**
	 * Confirming or correcting who a request is for. Confirming needs only the note ({@code Default} group);
	 * correcting checks the details too ({@link Correction}).
	 */
	@DateInput.DateOfBirth(groups = IdentityForm.Correction.class)
	record IdentityForm(@Nullable String version,
			@NotBlank(message = NOTE_MESSAGE) @Size(max = 500, message = NOTE_MESSAGE) @Nullable String note,
			@NhsNumberText(message = RequestForm.NHS_NUMBER_MESSAGE, groups = Correction.class) @Nullable String nhsNumber,
			@NotBlank(message = NAMES_MESSAGE, groups = Correction.class)
			@Size(max = 100, message = NAMES_MESSAGE, groups = Correction.class) @Nullable String givenName,
			@NotBlank(message = NAMES_MESSAGE, groups = Correction.class)
			@Size(max = 100, message = NAMES_MESSAGE, groups = Correction.class) @Nullable String familyName,
			@Nullable String day, @Nullable String month, @Nullable String year)
			implements java.io.Serializable, DateInput.Parts {

		static final String NOTE_MESSAGE = "Say how you checked it is this person (500 characters or fewer), for "
				+ "example: called back, date of birth confirmed";

		static final String NAMES_MESSAGE = "Enter the first and last name (100 characters or fewer each)";

		interface Correction {
		}

	}

	private final IdentityResolution identities;

	private final FollowUps followUps;

	private final TriageRequests requests;

	private final StaffUsers staffUsers;

	private final TriageOptions options;

	private final Directory directory;

	private final jakarta.validation.Validator validator;

	RequestActionsController(IdentityResolution identities, FollowUps followUps, TriageRequests requests,
			StaffUsers staffUsers, TriageOptions options, Directory directory, jakarta.validation.Validator validator) {
		this.validator = validator;
		this.identities = identities;
		this.followUps = followUps;
		this.requests = requests;
		this.staffUsers = staffUsers;
		this.options = options;
		this.directory = directory;
	}

	@PostMapping("/triage/requests/{id}/identity/confirm")
	String confirm(@PathVariable String id, @ModelAttribute IdentityForm form, RedirectAttributes redirect) {
		UUID uuid = parse(id);
		Optional<String> problem = firstProblem(form);
		if (problem.isPresent()) {
			return problem(redirect, uuid, form, problem.get());
		}
		try {
			identities.confirm(uuid, version(form), staffUsers.currentUser(), form.note().trim());
			redirect.addFlashAttribute("message", "Identity confirmed: the request is linked to the person on the record");
		}
		catch (TriageRequests.StaleRequestException ex) {
			return problem(redirect, uuid, form, "Someone else changed this request meanwhile: check it again");
		}
		catch (TriageRequests.WrongStateException ex) {
			return problem(redirect, uuid, form, ex.getMessage());
		}
		return "redirect:/triage/requests/" + uuid;
	}

	@PostMapping("/triage/requests/{id}/identity/correct")
	String correct(@PathVariable String id, @ModelAttribute IdentityForm form, RedirectAttributes redirect) {
		UUID uuid = parse(id);
		Optional<String> problem = firstProblem(form, IdentityForm.Correction.class);
		if (problem.isPresent()) {
			return problem(redirect, uuid, form, problem.get());
		}
		NhsNumber nhsNumber = NhsNumber.parse(form.nhsNumber() == null ? "" : form.nhsNumber()).orElse(null);
		String given = form.givenName().trim();
		String family = form.familyName().trim();
		LocalDate dateOfBirth = form.date().orElseThrow();
		String note = form.note().trim();
		try {
			IdentityResolution.Outcome outcome = identities.correct(uuid, version(form), staffUsers.currentUser(),
					nhsNumber, given, family, dateOfBirth, note);
			if (outcome instanceof IdentityResolution.Outcome.StillMismatched mismatch) {
				IdentityMatch match = mismatch.match();
				PersonSummary held = match.person().orElseThrow();
				return problem(redirect, uuid, form, "The record for NHS number " + match.nhsNumber().formatted()
						+ " holds " + held.givenName() + " " + held.familyName() + ", born " + held.dateOfBirth()
						+ (held.deceased() ? ", and says this person has died" : "") + " (different "
						+ TriageRequests.differences(match) + "). Check the details, or leave the NHS number blank.");
			}
			redirect.addFlashAttribute("message", ((IdentityResolution.Outcome.Settled) outcome)
				.identity() == TriageRequest.Identity.MATCHED ? "Identity settled: linked to the person on the record"
						: "Identity settled: recorded as someone not registered in BOB");
		}
		catch (TriageRequests.StaleRequestException ex) {
			return problem(redirect, uuid, form, "Someone else changed this request meanwhile: check it again");
		}
		catch (TriageRequests.WrongStateException ex) {
			return problem(redirect, uuid, form, ex.getMessage());
		}
		return "redirect:/triage/requests/" + uuid;
	}

	@PostMapping("/triage/requests/{id}/calls")
	String call(@PathVariable String id, @RequestParam(name = "outcome", required = false) @Nullable String outcome,
			@RequestParam(name = "callNote", required = false) @Nullable String note, RedirectAttributes redirect) {
		UUID uuid = parse(id);
		Optional<CallOutcome> chosen = java.util.Arrays.stream(CallOutcome.values())
			.filter(o -> o.name().equals(outcome))
			.findFirst();
		String trimmed = RequestForms.trimmed(note);
		if (chosen.isEmpty() || (trimmed != null && trimmed.length() > 500)) {
			redirect.addFlashAttribute("problem", chosen.isEmpty() ? "Choose what happened when you called"
					: "The note must be 500 characters or fewer");
			redirect.addFlashAttribute("callNoteTyped", note);
			return "redirect:/triage/requests/" + uuid + "#calls";
		}
		followUps.recordCall(uuid, staffUsers.currentUser(), chosen.get(), trimmed);
		redirect.addFlashAttribute("message", "Call recorded: " + chosen.get().label());
		return "redirect:/triage/requests/" + uuid + "#calls";
	}

	@PostMapping("/triage/requests/{id}/follow-up")
	String followUp(@PathVariable String id, @RequestParam(name = "version", required = false) @Nullable String version,
			@RequestParam(name = "followUpNote", required = false) @Nullable String note, RedirectAttributes redirect) {
		UUID uuid = parse(id);
		String trimmed = RequestForms.trimmed(note);
		if (trimmed == null || trimmed.length() > 1000) {
			redirect.addFlashAttribute("problem", "Say what the follow-up found (1000 characters or fewer)");
			redirect.addFlashAttribute("followUpNoteTyped", note);
			return "redirect:/triage/requests/" + uuid + "#follow-up";
		}
		try {
			long expected = Long.parseLong(version == null ? "" : version);
			redirect.addFlashAttribute("message", followUps.followedUp(uuid, expected, staffUsers.currentUser(), trimmed)
					? "Follow-up recorded" : "Someone else already recorded the follow-up");
		}
		catch (NumberFormatException | TriageRequests.StaleRequestException ex) {
			redirect.addFlashAttribute("problem", "Someone else changed this request meanwhile: check it again");
			redirect.addFlashAttribute("followUpNoteTyped", note);
		}
		catch (TriageRequests.WrongStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/triage/requests/" + uuid + "#follow-up";
	}

	@GetMapping("/triage/follow-ups")
	String due(@RequestParam(name = "site", required = false) @Nullable String site, Model model) {
		StaffUser user = staffUsers.currentUser();
		List<SiteSummary> sites = options.sitesFor(user);
		if (sites.isEmpty()) {
			throw new AccessDeniedException("Your scope covers no hub");
		}
		SiteSummary hub = sites.stream().filter(s -> s.code().equals(site)).findFirst().orElse(null);
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		model.addAttribute("rows", followUps.due(user.scope(), hub == null ? null : hub.code(), today, user.username(),
				"/triage/follow-ups"));
		model.addAttribute("sites", sites);
		model.addAttribute("selected", hub == null ? "" : hub.code());
		model.addAttribute("siteOptions", options.siteOptions(user));
		model.addAttribute("hubNames", options.allSites());
		model.addAttribute("scopeName", hub == null ? user.scopeName() : hub.name());
		return VIEW_FOLLOW_UPS;
	}

	private String problem(RedirectAttributes redirect, UUID id, IdentityForm form, String message) {
		redirect.addFlashAttribute("problem", message);
		redirect.addFlashAttribute("identityTyped", form);
		return "redirect:/triage/requests/" + id + "#identity";
	}

	private static long version(IdentityForm form) {
		try {
			return Long.parseLong(form.version() == null ? "" : form.version());
		}
		catch (NumberFormatException ex) {
			throw new TriageRequests.StaleRequestException();
		}
	}

	/** The first problem of the form's checks in the order of the page's fields, shown as one message. */
	private Optional<String> firstProblem(IdentityForm form, Class<?>... groups) {
		Class<?>[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(jakarta.validation.groups.Default.class),
				java.util.Arrays.stream(groups)).toArray(Class<?>[]::new);
		List<String> order = List.of("nhsNumber", "givenName", "familyName", "day", "note");
		return validator.validate(form, all)
			.stream()
			.min(java.util.Comparator.comparingInt(v -> order.indexOf(v.getPropertyPath().toString())))
			.map(jakarta.validation.ConstraintViolation::getMessage);
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
					"No such request");
		}
	}

}
