package uk.nhs.bob.primarycare.neighbourhood.referrals;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PathIds;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberText;

/** Referring a person to an INT, the referrer's own referrals, and a team's queue (accept or decline). */
@Controller
@RequestMapping("/neighbourhood")
class ReferralController implements NeighbourhoodPage {

	static final String VIEW_MINE = "neighbourhood/referrals";

	static final String VIEW_FORM = "neighbourhood/referral-form";

	static final String VIEW_QUEUE = "neighbourhood/referral-queue";

	/** A referral as typed. */
	record ReferralForm(@NotBlank(message = "Enter the person's NHS number") @NhsNumberText(
			message = "Enter a valid 10-digit NHS number") @Nullable String nhsNumber,
			@NotBlank(message = "Enter why you are referring the person") @Size(max = 1000,
					message = "Reason must be 1000 characters or fewer") @Nullable String reason,
			@NotBlank(message = "Choose how urgent the referral is") @Pattern(regexp = "URGENT|ROUTINE",
					message = "Choose how urgent the referral is") @Nullable String urgency) {

		Referrals.ReferralRequest request() {
			return new Referrals.ReferralRequest(NhsNumber.parse(nhsNumber).orElseThrow(), reason,
					ReferralUrgency.valueOf(urgency));
		}

	}

	/** Accepting: the keyworker, one of the team's, which the service checks. */
	record AcceptForm(@NotBlank(message = "Choose the keyworker") @Nullable String keyworkerId) {
	}

	/** Declining: the reason the referrer will read. */
	record DeclineForm(@NotBlank(message = "Enter why the team declines, for the referrer") @Size(max = 500,
			message = "Reason must be 500 characters or fewer") @Nullable String declineReason) {
	}

	private final Referrals referrals;

	private final StaffUsers staffUsers;

	ReferralController(Referrals referrals, StaffUsers staffUsers) {
		this.referrals = referrals;
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
		return referralForm(model);
	}

	@PostMapping("/referrals")
	String refer(@Valid @ModelAttribute("form") ReferralForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Referrals.Referral made = referrals.refer(form.request(), staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Referral sent to " + made.teamName());
				return "redirect:/neighbourhood/referrals";
			}
			catch (Referrals.ReferralRefused ex) {
				errors.rejectValue(ex.field(), "refused", ex.getMessage());
			}
		}
		return referralForm(model);
	}

	private String referralForm(Model model) {
		model.addAttribute("urgencies", NeighbourhoodOptions.of(ReferralUrgency.values(), ReferralUrgency::label));
		return VIEW_FORM;
	}

	@GetMapping("/teams/{siteCode}/referrals")
	String queue(@PathVariable String siteCode, Model model) {
		return queuePage(referrals.queue(siteCode, staffUsers.currentUser()), model);
	}

	private String queuePage(Referrals.QueuePage page, Model model) {
		model.addAttribute("team", page.team());
		model.addAttribute("queue", page.queue());
		model.addAttribute("keyworkerOptions", NeighbourhoodOptions.members(page.keyworkers()));
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
		UUID id = PathIds.uuid(referralId);
		if (!errors.hasErrors()) {
			try {
				UUID entry = referrals.accept(id, form.keyworkerId(), staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Referral accepted: added to the caseload");
				return "redirect:/neighbourhood/care-plans/" + entry;
			}
			catch (FieldRefused ex) {
				ex.into(errors);
			}
			catch (Referrals.ReferralRefused ex) {
				errors.reject("refused", ex.getMessage());
			}
		}
		return failed(id, model, response);
	}

	@PostMapping("/referrals/{referralId}/decline")
	String decline(@PathVariable String referralId, @Valid @ModelAttribute("declineForm") DeclineForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UUID id = PathIds.uuid(referralId);
		if (!errors.hasErrors()) {
			try {
				Referrals.Referral declined = referrals.decline(id, form.declineReason().trim(),
						staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Referral declined: the referrer sees your reason");
				return "redirect:/neighbourhood/teams/" + declined.siteCode() + "/referrals";
			}
			catch (Referrals.ReferralRefused ex) {
				errors.reject("refused", ex.getMessage());
			}
		}
		return failed(id, model, response);
	}

	/** The queue again, with the answer that failed marked on its referral (400). */
	private String failed(UUID id, Model model, HttpServletResponse response) {
		model.addAttribute("failed", id);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return queuePage(referrals.queueOf(id, staffUsers.currentUser()), model);
	}

}
