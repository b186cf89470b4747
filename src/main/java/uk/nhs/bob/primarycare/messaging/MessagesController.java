package uk.nhs.bob.primarycare.messaging;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The messages of the user's hubs and practices: what was not sent or failed (the coordinators' list, each with its
 * reason), the outbox of what would have been sent when no Notify API key is configured, and every message; and one
 * message with exactly what was (or would have been) sent and its history.
 */
@Controller
class MessagesController {

	static final String VIEW_LIST = "messaging/messages";

	static final String VIEW_MESSAGE = "messaging/message";

	static final int PAGE_SIZE = 25;

	private final MessageViews views;

	private final StaffUsers staffUsers;

	private final NotifyProperties notify;

	MessagesController(MessageViews views, StaffUsers staffUsers, NotifyProperties notify) {
		this.views = views;
		this.staffUsers = staffUsers;
		this.notify = notify;
	}

	@GetMapping("/messaging")
	String list(@RequestParam(required = false) @Nullable String show,
			@RequestParam(required = false) @Nullable String page, Model model) {
		StaffUser user = staffUsers.currentUser();
		MessageViews.Show list = MessageViews.Show.parse(show);
		long total = views.count(list, user);
		Pagination pagination = Pagination.of(Pagination.pageNumber(page), total, PAGE_SIZE,
				n -> "/messaging?show=" + list.name().toLowerCase(java.util.Locale.ROOT) + "&page=" + n);
		model.addAttribute("show", list);
		model.addAttribute("lists", Arrays.stream(MessageViews.Show.values())
			.map(s -> new Tab(s, s == list, views.count(s, user)))
			.toList());
		model.addAttribute("rows",
				views.list(list, user, (pagination.page() - 1) * PAGE_SIZE, PAGE_SIZE, "Messages: " + list.label()));
		model.addAttribute("pagination", pagination);
		model.addAttribute("notifyConfigured", notify.configured());
		return VIEW_LIST;
	}

	/** One tab of the list, with its count. */
	record Tab(MessageViews.Show show, boolean current, long count) {
	}

	@GetMapping("/messaging/messages/{id}")
	String message(@PathVariable String id, Model model) {
		UUID messageId = uuid(id);
		MessageViews.MessageView view = views.message(messageId, staffUsers.currentUser(), "Message " + messageId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message"));
		model.addAttribute("view", view);
		model.addAttribute("message", view.message());
		model.addAttribute("notifyConfigured", notify.configured());
		return VIEW_MESSAGE;
	}

	@GetMapping("/messaging/messages/{id}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String id) {
		UUID messageId = uuid(id);
		byte[] pdf = Optional
			.ofNullable(views.letter(messageId, staffUsers.currentUser(), "Letter of message " + messageId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letter"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("care-plan-letter.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message");
		}
	}

}
