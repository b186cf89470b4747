package uk.nhs.bob.primarycare.messaging;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The messages about one same-day request, and a coordinator's own text message to the person: for the hub's
 * coordinators and supervisors, who are in touch with the person about the request.
 */
@Controller
@RequestMapping("/messaging/requests/{requestId}")
@PreAuthorize("hasAnyRole('CARE_COORDINATOR', 'CLINICAL_SUPERVISOR', 'ICB_ADMIN')")
class RequestMessagesController {

	static final String VIEW_REQUEST = "messaging/request";

	private final MessageViews views;

	private final FreeTextMessages freeText;

	private final StaffUsers staffUsers;

	RequestMessagesController(MessageViews views, FreeTextMessages freeText, StaffUsers staffUsers) {
		this.views = views;
		this.freeText = freeText;
		this.staffUsers = staffUsers;
	}

	@GetMapping
	String request(@PathVariable String requestId, Model model) {
		model.addAttribute("form", FreeTextForm.empty());
		return show(MessagesController.uuid(requestId), model);
	}

	@PostMapping("/text")
	String send(@PathVariable String requestId, @Valid @ModelAttribute("form") FreeTextForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UUID id = MessagesController.uuid(requestId);
		if (errors.hasErrors()) {
			return show(id, model);
		}
		try {
			freeText.send(id, form.message(), form.token(), staffUsers.currentUser(), "Text message about a request");
		}
		catch (FreeTextMessages.NoMobileException ex) {
			errors.rejectValue("message", "message.noMobile", ex.getMessage());
			return show(id, model);
		}
		redirect.addFlashAttribute("message", "Text message recorded. Its status is shown below.");
		return "redirect:/messaging/requests/" + id;
	}

	private String show(UUID requestId, Model model) {
		MessageViews.RequestView view = views
			.request(requestId, staffUsers.currentUser(), "Messages about request " + requestId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
		model.addAttribute("view", view);
		model.addAttribute("messageHint", "Up to " + FreeTextForm.MAX_LENGTH + " characters (4 text messages). It "
				+ "starts with the hub's name and the request reference. Keep clinical details out of text messages.");
		return VIEW_REQUEST;
	}

}
