package uk.nhs.bob.primarycare.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The audit trail for other systems (ICB administrators; platform security limits {@code /api/v1/audit} to them):
 * {@code GET /api/v1/audit?nhsNumber=...&since=ISO-8601}, newest first, {@value #DEFAULT_SIZE} entries a page
 * ({@code page} from 1, {@code size} up to {@value #MAX_SIZE}). The body is {@code {"entries": [...]}}; the next and
 * previous pages are in the {@code Link} header and the number of matching entries in {@code X-Total-Count}.
 * Unknown or malformed parameters answer 400 {@code application/problem+json} naming them.
 */
@RestController
class AuditApiController {

	static final int DEFAULT_SIZE = 100;

	static final int MAX_SIZE = 500;

	private static final Set<String> PARAMETERS = Set.of("nhsNumber", "requestReference", "user", "since", "page",
			"size");

	/** One entry, in the shape the API promises. */
	record Entry(Instant at, String user, @Nullable String nhsNumber, @Nullable String requestReference, String page,
			String purpose, String outcome) {
	}

	record Entries(List<Entry> entries) {
	}

	private final AuditLog auditLog;

	AuditApiController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/api/v1/audit")
	ResponseEntity<?> entries(HttpServletRequest request) {
		List<Map<String, String>> errors = unknownOrRepeated(request);
		Query query = query(request, errors);
		if (!errors.isEmpty()) {
			return badRequest(errors);
		}
		Page<RecordView> found = auditLog.search(query.audit(), PageRequest.of(query.page() - 1, query.size()));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Total-Count", Long.toString(found.getTotalElements()));
		List<String> links = links(request, query.page(), found);
		if (!links.isEmpty()) {
			response.header(HttpHeaders.LINK, String.join(", ", links));
		}
		return response.body(new Entries(found.getContent()
			.stream()
			.map(v -> new Entry(v.viewedAt(), v.username(), v.nhsNumber() == null ? null : v.nhsNumber().value(),
					v.requestReference(), v.page(), v.purpose(), v.outcome().label()))
			.toList()));
	}

	/** The search a request asks for, and which page of it. */
	private record Query(AuditQuery audit, int page, int size) {
	}

	/** Parameters this API does not have, and those given more than once. */
	private static List<Map<String, String>> unknownOrRepeated(HttpServletRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (String name : request.getParameterMap().keySet()) {
			if (!PARAMETERS.contains(name)) {
				errors.add(error(name, "is not a parameter of this API (use " + String.join(", ",
						PARAMETERS.stream().sorted().toList()) + ")"));
			}
			else if (request.getParameterValues(name).length > 1) {
				errors.add(error(name, "is given more than once"));
			}
		}
		return errors;
	}

	/** The query the parameters describe; each malformed parameter is added to {@code errors}. */
	private static Query query(HttpServletRequest request, List<Map<String, String>> errors) {
		String nhs = request.getParameter("nhsNumber");
		// parse takes the spaces and hyphens people type between the groups
		NhsNumber nhsNumber = nhs == null ? null : NhsNumber.parse(nhs).orElse(null);
		if (nhs != null && nhsNumber == null) {
			errors.add(error("nhsNumber", "must be a valid 10-digit NHS number, like 9434765919"));
		}
		String reference = request.getParameter("requestReference");
		if (reference != null && !reference.matches("[A-Za-z0-9-]{1,40}")) {
			errors.add(error("requestReference", "must be a request reference of letters, digits and hyphens"));
		}
		String user = request.getParameter("user");
		if (user != null && (user.isBlank() || user.length() > 60 || !user.matches("[A-Za-z0-9._@-]+"))) {
			errors.add(error("user", "must be a username"));
		}
		Instant since = since(request.getParameter("since"), errors);
		int page = number(request.getParameter("page"), 1, 1, 1_000_000, "page", errors);
		int size = number(request.getParameter("size"), DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
		return new Query(new AuditQuery(user, nhsNumber, reference, since, null), page, size);
	}

	/** An ISO-8601 date-time with an offset, or a date (its start in England); malformed is added to errors. */
	private static @Nullable Instant since(@Nullable String text, List<Map<String, String>> errors) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeException ex) {
			try {
				return LocalDate.parse(text.trim()).atStartOfDay(AuditLogController.UK).toInstant();
			}
			catch (DateTimeException notADate) {
				errors.add(error("since", "must be an ISO-8601 date-time with an offset, like 2026-03-27T09:00:00Z, "
						+ "or a date, like 2026-03-27"));
				return null;
			}
		}
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + errors.size() + " invalid parameter(s).");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The Link header's next and previous pages. */
	private static List<String> links(HttpServletRequest request, int page, Page<RecordView> found) {
		List<String> links = new ArrayList<>();
		if (found.hasNext()) {
			links.add("<" + pageUrl(request, page + 1) + ">; rel=\"next\"");
		}
		if (page > 1) {
			links.add("<" + pageUrl(request, Math.min(page - 1, Math.max(1, found.getTotalPages()))) + ">; rel=\"prev\"");
		}
		return links;
	}

	private static int number(@Nullable String text, int absent, int min, int max, String name,
			List<Map<String, String>> errors) {
		if (text == null) {
			return absent;
		}
		if (text.matches("\\d{1,7}")) {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		errors.add(error(name, "must be a whole number from " + min + " to " + max));
		return absent;
	}

	private static String pageUrl(HttpServletRequest request, int page) {
		// a relative reference: the address is never built from the Host header a client sent
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getRequestURI());
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : List.of("nhsNumber", "requestReference", "user", "since", "size")) {
			String value = request.getParameter(name);
			if (value != null) {
				url.queryParam(name, "{" + name + "}");
				values.put(name, value);
			}
		}
		url.queryParam("page", page);
		return url.encode().buildAndExpand(values).toUriString();
	}

	private static Map<String, String> error(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
