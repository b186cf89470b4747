package uk.nhs.bob.primarycare.neighbourhood;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/** Referring a person to an INT, the referrer's own referrals, and a team's queue (accept or decline). */
@Controller
@RequestMapping("/neighbourhood")
class ReferralController {

	static final String VIEW_MINE = "neighbourhood/referrals";

	static final String VIEW_FORM = "neighbourhood/referral-form";

	static final String VIEW_QUEUE = "neighbourhood/referral-queue";

	/** A referral as typed. */
	record ReferralForm(@NotBlank(message = "Enter the person's NHS number") @Nullable String nhsNumber,
			@NotBlank(message = "Enter why you are referring the person") @Size(max = 1000,
					message = "Reason must be 1000 characters or fewer") @Nullable String reason,
			@NotBlank(message = "Choose how urgent the referral is") @Pattern(regexp = "URGENT|ROUTINE",
					message = "Choose how urgent the referral is") @Nullable String urgency) {
	}

	/** Accepting: the keyworker. */
	record AcceptForm(@NotBlank(message = "Choose the keyworker") @Nullable String keyworkerId) {
	}

	/** Declining: the reason the referrer will read. */
	record DeclineForm(@NotBlank(message = "Enter why the team declines, for the referrer") @Size(max = 500,
			message = "Reason must be 500 characters or fewer") @Nullable String declineReason) {
	}

	private final Referrals referrals;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final StaffUsers staffUsers;

	ReferralController(Referrals referrals, TeamRepository teams, TeamMemberRepository members,
			StaffUsers staffUsers) {
		this.referrals = referrals;
		this.teams = teams;
		this.members = members;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/referrals")
	String mine(Model model) {
		model.addAttribute("referrals", referrals.madeBy(staffUsers.currentUser(), "/neighbourhood/referrals"));
		return VIEW_MINE;
	}

	@GetMapping("/referrals/new")
	String newReferral(Model model) {
		model.addAttribute("form", new ReferralForm("", "", ""));
		return showForm(model);
	}

	@PostMapping("/referrals")
	String refer(@Valid @ModelAttribute("form") ReferralForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Optional<NhsNumber> nhsNumber = form.nhsNumber() == null ? Optional.empty() : NhsNumber.parse(form.nhsNumber());
		if (!errors.hasFieldErrors("nhsNumber") && nhsNumber.isEmpty()) {
			errors.rejectValue("nhsNumber", "invalid", "Enter a valid 10-digit NHS number");
		}
		if (errors.hasErrors()) {
			return showForm(model);
		}
		try {
			Referrals.Referral made = referrals.refer(new Referrals.ReferralRequest(nhsNumber.orElseThrow(),
					form.reason(), ReferralUrgency.valueOf(form.urgency())), staffUsers.currentUser());
			redirect.addFlashAttribute("saved", "Referral sent to " + made.teamName());
			return "redirect:/neighbourhood/referrals";
		}
		catch (Referrals.ReferralRefused ex) {
			errors.rejectValue(ex.field(), "refused", ex.getMessage());
			return showForm(model);
		}
	}

	private String showForm(Model model) {
		Map<String, String> urgencies = new LinkedHashMap<>();
		for (ReferralUrgency urgency : ReferralUrgency.values()) {
			urgencies.put(urgency.name(), urgency.label());
		}
		model.addAttribute("urgencies", urgencies);
		return VIEW_FORM;
	}

	@GetMapping("/teams/{siteCode}/referrals")
	String queue(@PathVariable String siteCode, Model model) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return showQueue(team, model);
	}

	private String showQueue(Team team, Model model) {
		StaffUser user = staffUsers.currentUser();
		List<Referrals.Referral> queue = referrals.queue(team, user,
				"/neighbourhood/teams/" + team.getSiteCode() + "/referrals");
		model.addAttribute("team", team);
		model.addAttribute("queue", queue);
		Map<String, String> keyworkers = new LinkedHashMap<>();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> m.getTeamRole() == TeamRole.KEYWORKER)
			.forEach(m -> keyworkers.put(m.getId().toString(), m.describe()));
		model.addAttribute("keyworkerOptions", keyworkers);
		if (!model.containsAttribute("acceptForm")) {
			model.addAttribute("acceptForm", new AcceptForm(""));
		}
		if (!model.containsAttribute("declineForm")) {
			model.addAttribute("declineForm", new DeclineForm(""));
		}
		return VIEW_QUEUE;
	}

	@PostMapping("/referrals/{referralId}/accept")
	String accept(@PathVariable String referralId, @Valid @ModelAttribute("acceptForm") AcceptForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Referrals.Referral referral = referral(referralId);
		Team team = teams.findById(referral.teamId()).orElseThrow();
		UUID keyworker = null;
		if (!errors.hasErrors()) {
			keyworker = members.findByTeamIdAndActiveTrueOrderByName(team.getId())
				.stream()
				.filter(m -> m.getTeamRole() == TeamRole.KEYWORKER && m.getId().toString().equals(form.keyworkerId()))
				.map(TeamMember::getId)
				.findFirst()
				.orElse(null);
			if (keyworker == null) {
				errors.rejectValue("keyworkerId", "unknown", "Choose a keyworker from the team's keyworkers");
			}
		}
		if (!errors.hasErrors()) {
			try {
				UUID entry = referrals.accept(referral.id(), keyworker, staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Referral accepted: added to the caseload");
				return "redirect:/neighbourhood/care-plans/" + entry;
			}
			catch (Referrals.ReferralRefused ex) {
				errors.reject("refused", ex.getMessage());
			}
		}
		model.addAttribute("failed", referral.id());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return showQueue(team, model);
	}

	@PostMapping("/referrals/{referralId}/decline")
	String decline(@PathVariable String referralId, @Valid @ModelAttribute("declineForm") DeclineForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Referrals.Referral referral = referral(referralId);
		Team team = teams.findById(referral.teamId()).orElseThrow();
		if (!errors.hasErrors()) {
			try {
				referrals.decline(referral.id(), form.declineReason().trim(), staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Referral declined: the referrer sees your reason");
				return "redirect:/neighbourhood/teams/" + team.getSiteCode() + "/referrals";
			}
			catch (Referrals.ReferralRefused ex) {
				errors.reject("refused", ex.getMessage());
			}
		}
		model.addAttribute("failed", referral.id());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return showQueue(team, model);
	}

	private Referrals.Referral referral(String id) {
		return referrals.find(CaseloadController.parseId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
