package uk.nhs.bob.primarycare.cvd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The CVD worklists of people: filters (rule, PCN, practice, deprivation, outreach status, owner), one page of
 * people, the CSV export and the bulk actions on a selection. A filter the user may not use (a practice outside
 * their area, an unknown rule) is answered with a message, never silently dropped.
 */
@Controller
class WorklistController {

	static final String VIEW = "cvd/worklist";

	static final int PAGE_SIZE = 25;

	/** Invitations a worklist can record in bulk (referrals are recorded one by one, on the person page). */
	static final List<OutreachType> INVITATIONS = List.of(OutreachType.PHARMACY_BP_CHECK, OutreachType.GP_REVIEW);

	private final Worklists worklists;

	private final WorklistActions actions;

	private final RefreshJobs jobs;

	private final Directory directory;

	private final StaffUsers staffUsers;

	WorklistController(Worklists worklists, WorklistActions actions, RefreshJobs jobs, Directory directory,
			StaffUsers staffUsers) {
		this.worklists = worklists;
		this.actions = actions;
		this.jobs = jobs;
		this.directory = directory;
		this.staffUsers = staffUsers;
	}

	/** A worklist filter read from the address, with a message for each part that could not be used. */
	record Resolved(Worklists.Filter filter, List<String> messages) {
	}

	@GetMapping("/cvd/worklist")
	String worklist(@ModelAttribute("query") WorklistQuery query, Model model) {
		return show(query, WorklistActionForm.of(query), model);
	}

	@PostMapping("/cvd/worklist/actions")
	String act(@Valid @ModelAttribute("actionForm") WorklistActionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		List<NhsNumber> people = new ArrayList<>();
		if (form.selected() != null) {
			for (String selected : form.selected()) {
				NhsNumber.parse(selected).ifPresentOrElse(people::add, () -> errors.rejectValue("selected",
						"selected.invalid", "'" + selected + "' is not an NHS number: select people from the list"));
			}
		}
		OutreachType type = null;
		if ("INVITE".equals(form.action())) {
			type = INVITATIONS.stream().filter(t -> t.name().equals(form.outreachType())).findFirst().orElse(null);
			if (type == null) {
				errors.rejectValue("outreachType", "outreachType.blank", "Choose the invitation that was sent");
			}
		}
		if (errors.hasErrors()) {
			return show(form.query(), form, model);
		}
		List<NhsNumber> chosen = people.stream().distinct().toList();
		String message = switch (form.action()) {
			case "ASSIGN" -> assignedMessage(actions.assignToMe(user, chosen));
			case "RELEASE" -> {
				int released = actions.release(user, chosen);
				yield released + (released == 1 ? " person" : " people") + " released"
						+ (released < chosen.size() ? " (" + (chosen.size() - released) + " were not yours)" : "")
						+ ".";
			}
			default -> {
				int recorded = actions.recordInvitations(user, chosen, type, LocalDate.now(PersonEvaluation.UK));
				yield "Invitation recorded for " + recorded + (recorded == 1 ? " person" : " people") + ": "
						+ type.label() + ", today.";
			}
		};
		redirect.addFlashAttribute("success", message);
		return "redirect:" + url("/cvd/worklist", form.query(), true);
	}

	private static String assignedMessage(WorklistActions.Assigned result) {
		StringBuilder message = new StringBuilder();
		message.append(result.assigned()).append(result.assigned() == 1 ? " person" : " people")
			.append(" assigned to you.");
		if (result.alreadyYours() > 0) {
			message.append(' ').append(result.alreadyYours()).append(" already yours.");
		}
		result.ownedByOthers().forEach((owner, count) -> message.append(' ').append(count)
			.append(count == 1 ? " person is" : " people are").append(" already assigned to ").append(owner)
			.append(": not changed."));
		return message.toString();
	}

	private String show(WorklistQuery query, WorklistActionForm form, Model model) {
		StaffUser user = staffUsers.currentUser();
		Map<String, PracticeSummary> practices = practicesInScope(user);
		Resolved resolved = resolve(query, practices);
		Worklists.Filter filter = resolved.filter();
		long total = worklists.count(user, filter);
		Pagination pagination = Pagination.of(Pagination.pageNumber(query.page()), total, PAGE_SIZE,
				number -> url("/cvd/worklist", query, false) + "&page=" + number);
		float[] cuts = cuts();
		List<Worklists.Row> rows = worklists.page(user, filter, (pagination.page() - 1) * PAGE_SIZE, PAGE_SIZE,
				practices, cuts, "/cvd/worklist");
		model.addAttribute("rows", rows);
		model.addAttribute("pagination", pagination);
		model.addAttribute("total", total);
		model.addAttribute("filter", filter);
		model.addAttribute("filterMessages", resolved.messages());
		model.addAttribute("user", user);
		model.addAttribute("actionForm", form);
		model.addAttribute("ruleOptions", Arrays.stream(CaseFindingRule.values())
			.collect(Collectors.toMap(CaseFindingRule::code, r -> r.priority() + ". " + r.title(), (a, b) -> a,
					LinkedHashMap::new)));
		model.addAttribute("practiceOptions", practices.values()
			.stream()
			.sorted(Comparator.comparing(PracticeSummary::name))
			.collect(Collectors.toMap(p -> p.odsCode().value(), PracticeSummary::name, (a, b) -> a,
					LinkedHashMap::new)));
		model.addAttribute("pcnOptions", pcnsInScope(practices));
		model.addAttribute("quintileOptions", quintileOptions());
		model.addAttribute("statusOptions", statusOptions());
		model.addAttribute("ownerOptions", ownerOptions());
		model.addAttribute("invitationOptions", INVITATIONS.stream()
			.collect(Collectors.toMap(Enum::name, OutreachType::label, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("selectedRule", filter.rule() == null ? "" : filter.rule().code());
		model.addAttribute("selectedPractice", filter.practice() == null ? "" : filter.practice());
		model.addAttribute("selectedPcn", filter.pcn() == null ? "" : filter.pcn());
		model.addAttribute("selectedQuintile", filter.quintile() == null ? "" : filter.quintile().toString());
		model.addAttribute("selectedStatus", filter.status() == null ? "" : filter.status().name());
		model.addAttribute("selectedOwner", filter.owner() == null ? "" : filter.owner().name());
		model.addAttribute("days", filter.noResponseDays());
		model.addAttribute("csvUrl", url("/cvd/worklist.csv", query, false));
		model.addAttribute("rule", filter.rule());
		model.addAttribute("highBandSystolic", WorklistPriority.HIGH_BAND_SYSTOLIC);
		model.addAttribute("highBandDiastolic", WorklistPriority.HIGH_BAND_DIASTOLIC);
		model.addAttribute("highBandQrisk", (int) WorklistPriority.HIGH_BAND_QRISK3);
		return VIEW;
	}

	/**
	 * One row per person, their findings joined; UTF-8 with a byte order mark so spreadsheets show accented names.
	 * A cell starting with a formula character is neutralised.
	 */
	@GetMapping("/cvd/worklist.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute("query") WorklistQuery query) {
		StaffUser user = staffUsers.currentUser();
		Map<String, PracticeSummary> practices = practicesInScope(user);
		Worklists.Filter filter = resolve(query, practices).filter();
		List<Worklists.Row> rows = worklists.export(user, filter, practices, cuts(), "/cvd/worklist.csv");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			// the byte order mark first, so spreadsheets read the file as UTF-8 (accented names)
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
					.setHeader("nhs_number", "name", "date_of_birth", "age", "practice_code", "practice", "pcn",
							"imd_quintile_national", "bob_quintile", "findings_count", "most_urgent_rule", "findings",
							"stale_evidence", "status", "last_outreach", "last_outreach_date", "last_outreach_by",
							"owner", "first_listed")
					.get());
			for (Worklists.Row row : rows) {
				Worklists.LastOutreach last = row.lastOutreach();
				csv.printRecord(row.nhsNumber(), safe(row.name()), row.dateOfBirth(), row.age(), row.practiceCode(),
						safe(row.practiceName()), safe(row.pcnName()), row.imdQuintile(),
						row.bobQuintile() == null ? "" : row.bobQuintile(), row.findings().size(),
						row.findings().isEmpty() ? "" : row.findings().get(0).rule().label(),
						safe(row.findingsText()),
						row.findings().stream().anyMatch(f -> f.evidenceAge().stale()) ? "yes" : "no",
						row.statusText(),
						last == null ? "" : last.type().label() + ": " + last.outcome().label(),
						last == null ? "" : last.date(), last == null ? "" : safe(last.by()),
						row.owner() == null ? "" : safe(row.owner()),
						row.findings().stream().map(Worklists.FindingRow::foundOn).min(Comparator.naturalOrder())
							.map(LocalDate::toString).orElse(""));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = "cvd-worklist-" + (filter.rule() == null ? "all" : filter.rule().code()) + "-"
				+ LocalDate.now(PersonEvaluation.UK) + ".csv";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(bytes.toByteArray());
	}

	/** A leading formula character is prefixed with an apostrophe so a spreadsheet shows it as text. */
	static String safe(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	/** Reads the filters, keeping only what the user may use and saying why for each part dropped. */
	Resolved resolve(WorklistQuery query, Map<String, PracticeSummary> practices) {
		List<String> messages = new ArrayList<>();
		CaseFindingRule rule = null;
		if (!blank(query.rule())) {
			rule = CaseFindingRule.ofCode(query.rule().trim()).orElse(null);
			if (rule == null) {
				messages.add("There is no rule '" + query.rule() + "': showing all rules.");
			}
		}
		String practice = null;
		if (!blank(query.practice())) {
			if (practices.containsKey(query.practice().trim())) {
				practice = query.practice().trim();
			}
			else {
				messages.add("Practice '" + query.practice() + "' is not in your area: showing every practice in your "
						+ "area.");
			}
		}
		String pcn = null;
		if (!blank(query.pcn())) {
			if (pcnsInScope(practices).containsKey(query.pcn().trim())) {
				pcn = query.pcn().trim();
			}
			else {
				messages.add("PCN '" + query.pcn() + "' is not in your area: showing every PCN in your area.");
			}
		}
		Integer quintile = null;
		if (!blank(query.quintile())) {
			if (query.quintile().trim().matches("[1-5]")) {
				quintile = Integer.valueOf(query.quintile().trim());
			}
			else {
				messages.add("'" + query.quintile() + "' is not an IMD quintile (1 to 5): showing all quintiles.");
			}
		}
		ContactStatus status = null;
		if (!blank(query.status())) {
			status = Arrays.stream(ContactStatus.values())
				.filter(s -> s.name().equals(query.status().trim()))
				.findFirst()
				.orElse(null);
			if (status == null) {
				messages.add("'" + query.status() + "' is not an outreach status: showing everyone.");
			}
		}
		int days = ContactStatus.DEFAULT_NO_RESPONSE_DAYS;
		if (!blank(query.days())) {
			if (query.days().trim().matches("\\d{1,3}") && Integer.parseInt(query.days().trim()) >= 1
					&& Integer.parseInt(query.days().trim()) <= 365) {
				days = Integer.parseInt(query.days().trim());
			}
			else {
				messages.add("'" + query.days() + "' is not a number of days from 1 to 365: using "
						+ ContactStatus.DEFAULT_NO_RESPONSE_DAYS + " days.");
			}
		}
		Worklists.OwnerFilter owner = null;
		if (!blank(query.owner())) {
			owner = Arrays.stream(Worklists.OwnerFilter.values())
				.filter(o -> o.name().equals(query.owner().trim()))
				.findFirst()
				.orElse(null);
			if (owner == null) {
				messages.add("'" + query.owner() + "' is not an owner filter: showing everyone.");
			}
		}
		return new Resolved(new Worklists.Filter(rule, practice, pcn, quintile, status, days, owner), messages);
	}

	/** The worklist's address with the filters as typed (so a message about a dropped filter can be reproduced). */
	static String url(String path, WorklistQuery query, boolean withPage) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
			.queryParam("rule", nonNull(query.rule()))
			.queryParam("practice", nonNull(query.practice()))
			.queryParam("pcn", nonNull(query.pcn()))
			.queryParam("quintile", nonNull(query.quintile()))
			.queryParam("status", nonNull(query.status()))
			.queryParam("days", nonNull(query.days()))
			.queryParam("owner", nonNull(query.owner()));
		if (withPage && !blank(query.page())) {
			uri.queryParam("page", query.page());
		}
		return uri.encode().build().toUriString();
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value;
	}

	private Map<String, PracticeSummary> practicesInScope(StaffUser user) {
		return directory.practices()
			.stream()
			.filter(user::canSee)
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
	}

	private static Map<String, String> pcnsInScope(Map<String, PracticeSummary> practices) {
		return practices.values()
			.stream()
			.sorted(Comparator.comparing(PracticeSummary::pcnName))
			.collect(Collectors.toMap(PracticeSummary::pcnCode, PracticeSummary::pcnName, (a, b) -> a,
					LinkedHashMap::new));
	}

	static Map<String, String> quintileOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("1", "1 - most deprived 20% (Core20)");
		options.put("2", "2");
		options.put("3", "3");
		options.put("4", "4");
		options.put("5", "5 - least deprived 20%");
		return options;
	}

	static Map<String, String> statusOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(ContactStatus.NOT_CONTACTED.name(), "Not yet contacted");
		options.put(ContactStatus.INVITED.name(), "Invited");
		options.put(ContactStatus.NO_RESPONSE.name(), "Invited, no response after the days below");
		options.put(ContactStatus.ATTENDED.name(), "Attended");
		options.put(ContactStatus.DECLINED.name(), "Declined");
		return options;
	}

	static Map<String, String> ownerOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(Worklists.OwnerFilter.MINE.name(), "Mine");
		options.put(Worklists.OwnerFilter.UNASSIGNED.name(), "Not assigned");
		return options;
	}

	private float[] cuts() {
		return PopulationRefresh.parseCuts(jobs.latestCompleted().map(RefreshJobs.Run::quintileCuts).orElse(null));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
