package uk.nhs.bob.primarycare.identity;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.ApiClientForms.ChangeForm;
import uk.nhs.bob.primarycare.identity.ApiClientForms.NewClientForm;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * The systems that may call the APIs, for ICB administrators (platform security limits {@code /admin/**} to them):
 * register one with a secret or a key, and change its name and scopes; its credentials and removal are
 * {@link ApiClientCredentialsController}'s. A new secret is shown on the page that answers the form, once, and is
 * never put in the session or a redirect.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientController {

	static final String VIEW_LIST = "identity/api-clients";

	static final String VIEW_NEW = "identity/api-client-new";

	static final String VIEW_CLIENT = "identity/api-client";

	private final ApiClients clients;

	ApiClientController(ApiClients clients) {
		this.clients = clients;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("clients", clients.clients());
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newClient(Model model) {
		model.addAttribute("form", NewClientForm.empty());
		return showNew(model);
	}

	@PostMapping("/new")
	String register(@Valid @ModelAttribute("form") NewClientForm form, BindingResult result, Principal principal,
			Model model) {
		if (result.hasErrors()) {
			return showNew(model);
		}
		try {
			ApiClients.Registered registered = clients.register(
					new ApiClients.NewClient(form.trimmedClientId(), form.clientName() == null ? "" : form.clientName(),
							ApiClients.Method.valueOf(form.method()), form.scopeSet(), form.jwkSetUrl(),
							form.publicKey()),
					principal.getName(), form.adminPassword());
			if (registered.secret() == null) {
				return "redirect:/admin/api-clients/" + registered.id() + "?registered";
			}
			return ApiClientCredentialsController.showSecret(clients.client(registered.id()), registered.secret(),
					true, model);
		}
		catch (RejectedChange ex) {
			ApiClientForms.reject(ex, result);
		}
		catch (DataIntegrityViolationException ex) {
			// another administrator registered the same client id a moment ago
			result.rejectValue("clientId", "taken", ApiClientForms.TAKEN_MESSAGE);
		}
		return showNew(model);
	}

	@GetMapping("/{id}")
	String client(@PathVariable String id, Model model) {
		ApiClients.ApiClient client = clients.client(id);
		return showClient(client, ChangeForm.from(client), model);
	}

	@PostMapping("/{id}")
	String change(@PathVariable String id, @Valid @ModelAttribute("form") ChangeForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		ApiClients.ApiClient client = clients.client(id);
		if (!result.hasErrors()) {
			try {
				clients.change(id, form.clientName() == null ? "" : form.clientName(), form.scopeSet(),
						principal.getName(), form.adminPassword());
				redirect.addFlashAttribute("done", "Changes to " + client.clientId() + " saved");
				return "redirect:/admin/api-clients/" + id;
			}
			catch (RejectedChange ex) {
				ApiClientForms.reject(ex, result);
			}
		}
		return showClient(client, form, model);
	}

	private String showNew(Model model) {
		model.addAttribute("methods", methods());
		model.addAttribute("allScopes", ApiScope.values());
		return VIEW_NEW;
	}

	private String showClient(ApiClients.ApiClient client, ChangeForm form, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("allScopes", ApiScope.values());
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		return VIEW_CLIENT;
	}

	private static Map<String, String> methods() {
		Map<String, String> methods = new LinkedHashMap<>();
		Arrays.stream(ApiClients.Method.values()).forEach(m -> methods.put(m.name(), m.label()));
		return methods;
	}

}
