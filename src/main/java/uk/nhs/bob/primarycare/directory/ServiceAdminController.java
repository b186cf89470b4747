package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateOdsCode;
import uk.nhs.bob.primarycare.directory.DirectoryAdministration.StaleEdit;

/** ICB administrators add and edit services in the service directory, opening hours included. */
@Controller
@RequestMapping("/admin/directory/services")
@PreAuthorize("hasRole('ICB_ADMIN')")
class ServiceAdminController {

	static final String VIEW_FORM = "directory/service-form";

	static final String CONFLICT_MESSAGE = "Someone else saved changes to this service after you opened it, so your "
			+ "changes have not been saved. Your changes are still in the form below. Check the service's current "
			+ "details, then save again if you want yours to replace them.";

	private final ServiceDirectory serviceDirectory;

	private final Directory directory;

	private final DirectoryAdministration administration;

	ServiceAdminController(ServiceDirectory serviceDirectory, Directory directory,
			DirectoryAdministration administration) {
		this.serviceDirectory = serviceDirectory;
		this.directory = directory;
		this.administration = administration;
	}

	/** A row of the opening hours table: the form field holding the day's periods, and its name. */
	record Weekday(String field, String name) {
	}

	/** A checkbox for an offer, with the types of service it belongs to as its hint. */
	record OfferChoice(String value, String label, String hint) {
	}

	@GetMapping("/new")
	String newService(Model model) {
		model.addAttribute("form", ServiceForm.empty());
		return showForm(model, null);
	}

	@PostMapping
	String addService(@Valid @ModelAttribute("form") ServiceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Optional<ServiceDetails> details = form.check(result);
		if (details.isEmpty()) {
			return showForm(model, null);
		}
		try {
			long id = administration.addService(details.get());
			redirect.addFlashAttribute("saved", "Service added");
			return "redirect:/directory/services/" + id;
		}
		catch (DuplicateOdsCode ex) {
			result.rejectValue("odsCode", "duplicate", duplicateMessage(ex));
			return showForm(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String editService(@PathVariable String id, Model model) {
		ServiceSummary service = find(id);
		model.addAttribute("form", ServiceForm.of(service));
		return showForm(model, service);
	}

	@PostMapping("/{id}")
	String saveService(@PathVariable String id, @Valid @ModelAttribute("form") ServiceForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ServiceSummary current = find(id);
		Optional<ServiceDetails> details = form.check(result);
		if (details.isEmpty()) {
			return showForm(model, current);
		}
		try {
			administration.editService(current.id(), form.expectedVersion(), details.get())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			redirect.addFlashAttribute("saved", "Service saved");
			return "redirect:/directory/services/" + current.id();
		}
		catch (DuplicateOdsCode ex) {
			result.rejectValue("odsCode", "duplicate", duplicateMessage(ex));
			return showForm(model, current);
		}
		catch (StaleEdit ex) {
			ServiceSummary latest = find(id);
			ServiceForm kept = form.withVersion(latest.version());
			StaleEditResponse.show(kept, CONFLICT_MESSAGE, model, response);
			return showForm(model, latest);
		}
	}

	private String showForm(Model model, @Nullable ServiceSummary service) {
		model.addAttribute("service", service);
		model.addAttribute("typeOptions", DirectoryPages.typeOptions());
		model.addAttribute("placeOptions", placeOptions());
		model.addAttribute("offerChoices", offerChoices());
		Map<String, String> yesNoQuestions = new LinkedHashMap<>();
		yesNoQuestions.put("acceptsReferrals", "Does the service accept referrals now?");
		yesNoQuestions.put("selfReferral", "Can people refer themselves?");
		model.addAttribute("yesNoQuestions", yesNoQuestions);
		model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values())
			.map(d -> new Weekday(ServiceForm.dayField(d), d.getDisplayName(TextStyle.FULL, Locale.UK)))
			.toList());
		return VIEW_FORM;
	}

	private ServiceSummary find(String id) {
		return DirectoryPages.parseId(id)
			.flatMap(serviceDirectory::service)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Map<String, String> placeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.places().forEach(p -> options.put(p.code(), p.name()));
		return options;
	}

	private static List<OfferChoice> offerChoices() {
		return Arrays.stream(ServiceOffer.values())
			.map(o -> new OfferChoice(o.name(), o.label(),
					Arrays.stream(ServiceType.values())
						.filter(o::appliesTo)
						.map(ServiceType::label)
						.collect(Collectors.joining(", "))))
			.toList();
	}

	private static String duplicateMessage(DuplicateOdsCode ex) {
		return "Another service already has the ODS code " + ex.odsCode() + ": enter this service's own ODS code";
	}

}
