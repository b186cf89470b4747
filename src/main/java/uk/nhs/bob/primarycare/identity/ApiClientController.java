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
import uk.nhs.bob.primarycare.identity.ApiClientForms.ConfirmForm;
import uk.nhs.bob.primarycare.identity.ApiClientForms.KeyForm;
import uk.nhs.bob.primarycare.identity.ApiClientForms.NewClientForm;
import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * The systems that may call the APIs, for ICB administrators (platform security limits {@code /admin/**} to them):
 * register one with a secret or a key, change its name and scopes, give it a new secret or key, remove it. A new
 * secret is shown on the page that answers the form, once, and is never put in the session or a redirect.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientController {

	static final String VIEW_LIST = "identity/api-clients";

	static final String VIEW_NEW = "identity/api-client-new";

	static final String VIEW_CLIENT = "identity/api-client";

	static final String VIEW_SECRET = "identity/api-client-secret";

	static final String VIEW_KEY = "identity/api-client-key";

	static final String VIEW_CONFIRM = "identity/api-client-confirm";

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
		ApiClients.Method method = form.methodChoice();
		if (method == null) {
			result.rejectValue("method", "method", "Choose how the system proves who it is");
		}
		String clientId = form.clientId() == null ? "" : form.clientId().trim();
		if (!result.hasFieldErrors("clientId") && !clientId.isEmpty() && clients.exists(clientId)) {
			result.rejectValue("clientId", "taken", "A client with this id is registered already; choose another");
		}
		if (result.hasErrors() || method == null) {
			return showNew(model);
		}
		try {
			ApiClients.Registered registered = clients.register(
					new ApiClients.NewClient(clientId, form.clientName() == null ? "" : form.clientName(), method,
							form.scopeSet(), form.jwkSetUrl(), form.publicKey()),
					principal.getName(), form.adminPassword());
			if (registered.secret() == null) {
				return "redirect:/admin/api-clients/" + registered.id() + "?registered";
			}
			return showSecret(clients.client(registered.id()), registered.secret(), true, model);
		}
		catch (RejectedChange ex) {
			addProblems(ex, result);
		}
		catch (DataIntegrityViolationException ex) {
			// another administrator registered the same client id a moment ago
			result.rejectValue("clientId", "taken", "A client with this id is registered already; choose another");
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
				addProblems(ex, result);
			}
		}
		return showClient(client, form, model);
	}

	@GetMapping("/{id}/secret")
	String confirmSecret(@PathVariable String id, Model model) {
		model.addAttribute("confirmForm", new ConfirmForm(null));
		return showConfirm(clients.client(id), "secret", model);
	}

	@PostMapping("/{id}/secret")
	String newSecret(@PathVariable String id, @ModelAttribute("confirmForm") ConfirmForm form, BindingResult result,
			Principal principal, Model model) {
		ApiClients.ApiClient client = clients.client(id);
		try {
			String secret = clients.newSecret(id, principal.getName(), form.adminPassword());
			return showSecret(client, secret, false, model);
		}
		catch (RejectedChange ex) {
			addProblems(ex, result);
			return showConfirm(client, "secret", model);
		}
	}

	@GetMapping("/{id}/key")
	String keyForm(@PathVariable String id, Model model) {
		model.addAttribute("keyForm", KeyForm.empty());
		model.addAttribute("client", clients.client(id));
		return VIEW_KEY;
	}

	@PostMapping("/{id}/key")
	String changeKey(@PathVariable String id, @Valid @ModelAttribute("keyForm") KeyForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		ApiClients.ApiClient client = clients.client(id);
		if (!result.hasErrors()) {
			try {
				clients.changeKey(id, form.jwkSetUrl(), form.publicKey(), principal.getName(), form.adminPassword());
				redirect.addFlashAttribute("done", "The key of " + client.clientId() + " is changed");
				return "redirect:/admin/api-clients/" + id;
			}
			catch (RejectedChange ex) {
				addProblems(ex, result);
			}
		}
		model.addAttribute("client", client);
		return VIEW_KEY;
	}

	@GetMapping("/{id}/remove")
	String confirmRemove(@PathVariable String id, Model model) {
		model.addAttribute("confirmForm", new ConfirmForm(null));
		return showConfirm(clients.client(id), "remove", model);
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable String id, @ModelAttribute("confirmForm") ConfirmForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		ApiClients.ApiClient client = clients.client(id);
		try {
			clients.remove(id, principal.getName(), form.adminPassword());
			redirect.addFlashAttribute("done", client.clientId() + " removed: it gets no more tokens");
			return "redirect:/admin/api-clients";
		}
		catch (RejectedChange ex) {
			addProblems(ex, result);
			return showConfirm(client, "remove", model);
		}
	}

	private String showConfirm(ApiClients.ApiClient client, String action, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("action", action);
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		return VIEW_CONFIRM;
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

	private String showSecret(ApiClients.ApiClient client, String secret, boolean registered, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("secret", secret);
		model.addAttribute("registered", registered);
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		return VIEW_SECRET;
	}

	private static Map<String, String> methods() {
		Map<String, String> methods = new LinkedHashMap<>();
		Arrays.stream(ApiClients.Method.values()).forEach(m -> methods.put(m.name(), m.label()));
		return methods;
	}

	private static void addProblems(RejectedChange ex, BindingResult result) {
		for (Problem problem : ex.problems()) {
			if (!result.hasFieldErrors(problem.field())) {
				if (problem.field().equals("method")) {
					result.reject("method", problem.message());
				}
				else {
					result.rejectValue(problem.field(), "rejected", problem.message());
				}
			}
		}
	}

}
