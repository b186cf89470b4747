package uk.nhs.bob.primarycare.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateOdsCode;
import uk.nhs.bob.primarycare.directory.DirectoryAdministration.StaleEdit;
import uk.nhs.bob.primarycare.shared.OdsCode;

/** ICB administrators add Primary Care Networks and edit their name and neighbourhood site. */
@Controller
@RequestMapping("/admin/directory/pcns")
@PreAuthorize("hasRole('ICB_ADMIN')")
class PcnAdminController {

	static final String VIEW_FORM = "directory/pcn-form";

	static final String CONFLICT_MESSAGE = "Someone else saved changes to this PCN after you opened it, so your "
			+ "changes have not been saved. Your changes are still in the form below. Check the PCN's current "
			+ "details, then save again if you want yours to replace them.";

	private final Directory directory;

	private final DirectoryAdministration administration;

	private final CodeRecheck codeRecheck;

	PcnAdminController(Directory directory, DirectoryAdministration administration, CodeRecheck codeRecheck) {
		this.directory = directory;
		this.administration = administration;
		this.codeRecheck = codeRecheck;
	}

	/** {@code site} preselects the site when the administrator came from that site's row of the overview. */
	@GetMapping("/new")
	String newPcn(@RequestParam(required = false) @Nullable String site, Model model) {
		String siteCode = site != null && directory.site(site).isPresent() ? site : null;
		model.addAttribute("form", PcnForm.empty(siteCode));
		return showForm(model, null);
	}

	@PostMapping
	String addPcn(@Validated({ Default.class, Adding.class }) @ModelAttribute("form") PcnForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<PcnDetails> details = form.check(result, null);
		if (details.isEmpty()) {
			return showForm(model, null);
		}
		try {
			administration.addPcn(details.get());
			redirect.addFlashAttribute("saved", "PCN added: " + details.get().name());
			return redirectToOverview(details.get());
		}
		catch (DuplicateOdsCode ex) {
			codeRecheck.takenMeanwhile(form, result);
			return showForm(model, null);
		}
	}

	@GetMapping("/{code}/edit")
	String editPcn(@PathVariable String code, Model model) {
		PcnSummary pcn = find(code);
		long version = administration.pcnVersion(new OdsCode(pcn.odsCode()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", PcnForm.of(pcn, version));
		return showForm(model, pcn);
	}

	@PostMapping("/{code}")
	String savePcn(@PathVariable String code, @Valid @ModelAttribute("form") PcnForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PcnSummary pcn = find(code);
		OdsCode odsCode = new OdsCode(pcn.odsCode());
		Optional<PcnDetails> details = form.check(result, odsCode);
		if (details.isEmpty()) {
			return showForm(model, pcn);
		}
		try {
			if (!administration.editPcn(form.expectedVersion(), details.get())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("saved", "PCN saved: " + details.get().name());
			return redirectToOverview(details.get());
		}
		catch (StaleEdit ex) {
			long latest = administration.pcnVersion(odsCode).orElse(-1L);
			PcnForm kept = form.withVersion(latest);
			StaleEditResponse.show(kept, CONFLICT_MESSAGE, model, response);
			return showForm(model, find(code));
		}
	}

	private String showForm(Model model, @Nullable PcnSummary pcn) {
		model.addAttribute("pcn", pcn);
		Map<String, String> siteOptions = new LinkedHashMap<>();
		// sites come ordered by Place, and each label names its Place, so the list reads Place by Place
		directory.sites().forEach(s -> siteOptions.put(s.code(), s.placeName() + ": " + s.name()));
		model.addAttribute("siteOptions", siteOptions);
		String hint = "The site whose same-day hub and Integrated Neighbourhood Team (INT) the PCN's practices belong to";
		if (pcn != null) {
			long practices = directory.practices().stream().filter(p -> p.pcnCode().equals(pcn.odsCode())).count();
			hint = "Moving the PCN to another site moves its " + practices + (practices == 1 ? " practice" : " practices")
					+ " to that site's same-day hub and Integrated Neighbourhood Team (INT), and changes which staff "
					+ "can see their patients";
		}
		model.addAttribute("siteHint", hint);
		return VIEW_FORM;
	}

	private PcnSummary find(String code) {
		return OdsCode.parse(code)
			.flatMap(ods -> directory.pcn(ods.value()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String redirectToOverview(PcnDetails details) {
		String placeCode = directory.site(details.siteCode()).map(SiteSummary::placeCode).orElse("");
		return placeCode.isEmpty() ? "redirect:/directory" : SiteAdminController.redirectToOverview(placeCode);
	}

}
