package uk.nhs.bob.primarycare.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.shared.FieldOrder;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The audit log for ICB administrators (platform security limits {@code /audit/**} to them): newest first, 50 a
 * page, filtered by user, person and dates. Browsing the log writes no entries of its own: it shows no identifiable
 * record beyond the NHS numbers already in the log.
 */
@Controller
class AuditLogController {

	static final String VIEW_AUDIT_LOG = "audit/audit-log";

	static final int PAGE_SIZE = 50;

	/** Dates in the filter are days in England. */
	static final ZoneId UK = ZoneId.of("Europe/London");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK)
		.withZone(UK);

	private final AuditLog auditLog;

	AuditLogController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	static final String VIEW_ADMIN_ACTIONS = "audit/admin-actions";

	/** A row of the table, formatted for display. */
	record Row(String when, String username, String nhsNumber, String page, String purpose, String outcome) {
	}

	/** A row of the administrator actions table. */
	record ActionRow(String when, String username, String action, String target, String detail) {
	}

	@InitBinder("form")
	void errorsInFieldOrder(WebDataBinder binder) {
		FieldOrder.install(binder);
	}

	@GetMapping("/audit")
	String auditLog(@Valid @ModelAttribute("form") AuditFilterForm form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			return VIEW_AUDIT_LOG;
		}
		AuditQuery query = form.query(UK);
		int wanted = Pagination.pageNumber(form.page());
		Page<RecordView> page = auditLog.search(query, PageRequest.of(wanted - 1, PAGE_SIZE));
		Pagination pagination = Pagination.of(wanted, page.getTotalElements(), PAGE_SIZE,
				n -> pageUrl("/audit", form, n));
		if (pagination.page() != wanted) {
			// past the end (an old link after filters changed): show the last page instead of an empty one
			page = auditLog.search(query, PageRequest.of(pagination.page() - 1, PAGE_SIZE));
		}
		model.addAttribute("rows", page.getContent().stream().map(AuditLogController::row).toList());
		model.addAttribute("pagination", pagination);
		return VIEW_AUDIT_LOG;
	}

	/** What administrators changed: users, the directory, hub settings and break-glass reviews. */
	@GetMapping("/audit/admin-actions")
	String adminActions(@Valid @ModelAttribute("form") AuditFilterForm form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			return VIEW_ADMIN_ACTIONS;
		}
		AuditQuery query = form.query(UK);
		int wanted = Pagination.pageNumber(form.page());
		Page<AdminActionEntry> page = auditLog.adminActions(query, PageRequest.of(wanted - 1, PAGE_SIZE));
		Pagination pagination = Pagination.of(wanted, page.getTotalElements(), PAGE_SIZE,
				n -> pageUrl("/audit/admin-actions", form, n));
		if (pagination.page() != wanted) {
			page = auditLog.adminActions(query, PageRequest.of(pagination.page() - 1, PAGE_SIZE));
		}
		model.addAttribute("rows", page.getContent()
			.stream()
			.map(a -> new ActionRow(WHEN.format(a.actedAt()), a.username(), a.action().label(), a.target(),
					a.detail()))
			.toList());
		model.addAttribute("pagination", pagination);
		return VIEW_ADMIN_ACTIONS;
	}

	private static Row row(RecordView v) {
		return new Row(WHEN.format(v.viewedAt()), v.username(),
				v.nhsNumber() != null ? v.nhsNumber().formatted()
						: v.requestReference() != null ? "Request " + v.requestReference() : "",
				v.page(), v.purpose(), v.outcome().label());
	}

	private static String pageUrl(String path, AuditFilterForm form, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		Map<String, Object> values = new LinkedHashMap<>();
		add(url, values, "username", form.username());
		add(url, values, "nhsNumber", form.nhsNumber());
		add(url, values, "fromDay", form.fromDay());
		add(url, values, "fromMonth", form.fromMonth());
		add(url, values, "fromYear", form.fromYear());
		add(url, values, "toDay", form.toDay());
		add(url, values, "toMonth", form.toMonth());
		add(url, values, "toYear", form.toYear());
		url.queryParam("page", page);
		// values go in as URI variables so that they are encoded strictly (a '+' or '&' typed stays what it was)
		return url.encode().buildAndExpand(values).toUriString();
	}

	private static void add(UriComponentsBuilder url, Map<String, Object> values, String name,
			@Nullable String value) {
		if (!AuditFilterForm.blank(value)) {
			url.queryParam(name, "{" + name + "}");
			values.put(name, value.trim());
		}
	}

}
