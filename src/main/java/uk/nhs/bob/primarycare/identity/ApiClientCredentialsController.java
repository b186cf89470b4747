package uk.nhs.bob.primarycare.identity;

import java.security.Principal;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.ApiClientForms.ConfirmForm;
import uk.nhs.bob.primarycare.identity.ApiClientForms.KeyForm;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * An API client's credentials, for ICB administrators: a new secret or key, and removing the client, each confirmed
 * with the administrator's own password. A new secret is shown on the page that answers the form, once, and is never
 * put in the session or a redirect.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientCredentialsController {

	static final String VIEW_SECRET = "identity/api-client-secret";

	static final String VIEW_KEY = "identity/api-client-key";

	static final String VIEW_CONFIRM = "identity/api-client-confirm";

	private final ApiClients clients;

	ApiClientCredentialsController(ApiClients clients) {
		this.clients = clients;
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
			ApiClientForms.reject(ex, result);
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
				ApiClientForms.reject(ex, result);
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
			ApiClientForms.reject(ex, result);
			return showConfirm(client, "remove", model);
		}
	}

	private String showConfirm(ApiClients.ApiClient client, String action, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("action", action);
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		return VIEW_CONFIRM;
	}

	static String showSecret(ApiClients.ApiClient client, String secret, boolean registered, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("secret", secret);
		model.addAttribute("registered", registered);
		model.addAttribute("tokenLifetimeMinutes", ApiClients.TOKEN_LIFETIME.toMinutes());
		return VIEW_SECRET;
	}

}
