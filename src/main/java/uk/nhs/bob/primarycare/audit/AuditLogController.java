package uk.nhs.bob.primarycare.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.shared.NhsNumber;
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

	@GetMapping("/audit")
	String auditLog(@ModelAttribute("form") AuditFilterForm form, BindingResult result, Model model) {
		return show(form, result, model, false);
	}

	/** What administrators changed: users, the directory, hub settings and break-glass reviews. */
	@GetMapping("/audit/admin-actions")
	String adminActions(@ModelAttribute("form") AuditFilterForm form, BindingResult result, Model model) {
		return show(form, result, model, true);
	}

	private String show(AuditFilterForm form, BindingResult result, Model model, boolean adminActions) {
		String view = adminActions ? VIEW_ADMIN_ACTIONS : VIEW_AUDIT_LOG;
		String path = adminActions ? "/audit/admin-actions" : "/audit";
		NhsNumber nhsNumber = null;
		if (!blank(form.nhsNumber())) {
			nhsNumber = NhsNumber.parse(form.nhsNumber()).orElse(null);
			if (nhsNumber == null) {
				result.rejectValue("nhsNumber", "invalid", "Enter a valid NHS number, like 943 476 5919");
			}
		}
		LocalDate from = date(form.fromDay(), form.fromMonth(), form.fromYear(), "fromDay", "Date from", result);
		LocalDate to = date(form.toDay(), form.toMonth(), form.toYear(), "toDay", "Date to", result);
		if (from != null && to != null && to.isBefore(from)) {
			result.rejectValue("toDay", "order", "Date to must be the same as or after date from");
		}
		if (result.hasErrors()) {
			return view;
		}
		AuditQuery query = new AuditQuery(blank(form.username()) ? null : form.username().trim(), nhsNumber,
				from == null ? null : from.atStartOfDay(UK).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(UK).toInstant());
		int wanted = Pagination.pageNumber(form.page());
		if (adminActions) {
			Page<AdminActionEntry> page = auditLog.adminActions(query, PageRequest.of(wanted - 1, PAGE_SIZE));
			Pagination pagination = Pagination.of(wanted, page.getTotalElements(), PAGE_SIZE,
					n -> pageUrl(path, form, n));
			if (pagination.page() != wanted) {
				page = auditLog.adminActions(query, PageRequest.of(pagination.page() - 1, PAGE_SIZE));
			}
			model.addAttribute("rows", page.getContent()
				.stream()
				.map(a -> new ActionRow(WHEN.format(a.actedAt()), a.username(), a.action().label(), a.target(),
						a.detail()))
				.toList());
			model.addAttribute("pagination", pagination);
			return view;
		}
		Page<RecordView> page = auditLog.search(query, PageRequest.of(wanted - 1, PAGE_SIZE));
		Pagination pagination = Pagination.of(wanted, page.getTotalElements(), PAGE_SIZE, n -> pageUrl(path, form, n));
		if (pagination.page() != wanted) {
			// past the end (an old link after filters changed): show the last page instead of an empty one
			page = auditLog.search(query, PageRequest.of(pagination.page() - 1, PAGE_SIZE));
		}
		model.addAttribute("rows", page.getContent()
			.stream()
			.map(v -> new Row(WHEN.format(v.viewedAt()), v.username(),
					v.nhsNumber() != null ? v.nhsNumber().formatted()
							: v.requestReference() != null ? "Request " + v.requestReference() : "",
					v.page(), v.purpose(), v.outcome().label()))
			.toList());
		model.addAttribute("pagination", pagination);
		return view;
	}

	/**
	 * The date typed into an NHS.UK date input, or {@code null} when all three parts are empty. Problems are reported
	 * on the day field, which the error summary links to.
	 */
	static @Nullable LocalDate date(@Nullable String day, @Nullable String month, @Nullable String year, String field,
			String label, BindingResult result) {
		if (blank(day) && blank(month) && blank(year)) {
			return null;
		}
		if (blank(day) || blank(month) || blank(year)) {
			result.rejectValue(field, "incomplete", label + " must include a day, month and year");
			return null;
		}
		Optional<LocalDate> date = parseDate(day.trim(), month.trim(), year.trim());
		if (date.isEmpty()) {
			result.rejectValue(field, "invalid", label + " must be a real date, like 27 3 2026");
			return null;
		}
		return date.get();
	}

	private static Optional<LocalDate> parseDate(String day, String month, String year) {
		if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
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
		if (!blank(value)) {
			url.queryParam(name, "{" + name + "}");
			values.put(name, value.trim());
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
