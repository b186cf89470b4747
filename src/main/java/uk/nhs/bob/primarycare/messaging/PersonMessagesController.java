package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.FieldOrder;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A person's messages and how they may be reached: every message about them with its status or the reason it was not
 * sent, their contact details and preferences, who changed them and when, and the form to change them.
 */
@Controller
@RequestMapping("/messaging/people/{nhsNumber}")
class PersonMessagesController {

	static final String VIEW_PERSON = "messaging/person";

	static final String VIEW_CONTACT = "messaging/contact-form";

	static final String CONFLICT_MESSAGE = "Someone else changed this person's contact details after you opened them, "
			+ "so your changes have not been saved. Your changes are still in the form below: check the details shown "
			+ "on the person's page, then save again if yours should replace them.";

	private final MessageViews views;

	private final ContactEditing editing;

	private final StaffUsers staffUsers;

	PersonMessagesController(MessageViews views, ContactEditing editing, StaffUsers staffUsers) {
		this.views = views;
		this.editing = editing;
		this.staffUsers = staffUsers;
	}

	@InitBinder("form")
	void errorsInFieldOrder(WebDataBinder binder) {
		FieldOrder.install(binder);
	}

	@GetMapping
	String person(@PathVariable("nhsNumber") NhsNumber number, Model model) {
		MessageViews.PersonView view = find(number, "Messages and contact details");
		model.addAttribute("view", view);
		return VIEW_PERSON;
	}

	@GetMapping("/contact")
	String editContact(@PathVariable("nhsNumber") NhsNumber number, Model model) {
		MessageViews.PersonView view = find(number, "Change contact details");
		model.addAttribute("form", ContactForm.of(view.contact()));
		return showForm(model, view);
	}

	@PostMapping("/contact")
	String saveContact(@PathVariable("nhsNumber") NhsNumber number, @Valid @ModelAttribute("form") ContactForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StaffUser user = staffUsers.currentUser();
		MessageViews.PersonView view = find(number, "Change contact details");
		if (errors.hasErrors()) {
			return showForm(model, view);
		}
		ContactDetails details = form.details(view.contact(), LocalDate.now(ServiceDirectory.UK_TIME));
		try {
			List<String> changes = editing.save(details, form.expectedVersion(), user,
					"Change contact details");
			redirect.addFlashAttribute("message",
					changes.isEmpty() ? "Nothing changed." : "Contact details saved: " + String.join("; ", changes) + ".");
			return "redirect:/messaging/people/" + number.value();
		}
		catch (Contacts.StaleContactException ex) {
			ContactForm kept = form.withVersion(view.contact().version());
			BindingResult conflict = new BeanPropertyBindingResult(kept, "form");
			conflict.reject("conflict", CONFLICT_MESSAGE);
			model.addAttribute("form", kept);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
			response.setStatus(HttpStatus.CONFLICT.value());
			return showForm(model, view);
		}
	}

	private String showForm(Model model, MessageViews.PersonView view) {
		model.addAttribute("view", view);
		Map<String, String> channels = new LinkedHashMap<>();
		channels.put("", "No preference");
		for (Channel channel : Channel.values()) {
			channels.put(channel.name(), channel.label());
		}
		model.addAttribute("channelOptions", channels);
		Map<String, String> consents = new LinkedHashMap<>();
		for (Consent consent : Consent.values()) {
			consents.put(consent.name(), consent.label());
		}
		model.addAttribute("consentOptions", consents);
		return VIEW_CONTACT;
	}

	private MessageViews.PersonView find(NhsNumber number, String page) {
		return views.person(number, staffUsers.currentUser(), page + " " + number.value())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
	}

}
