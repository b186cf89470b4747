package uk.nhs.bob.primarycare.triage;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an action on a request came to: the page to go back to, and the message, or the problem with what was typed
 * (kept so the page shows it again), to show there once.
 */
record ActionAnswer(String redirect, Map<String, Object> flash) {

	static ActionAnswer done(String redirect, String message) {
		return new ActionAnswer(redirect, Map.of("message", message));
	}

	static ActionAnswer problem(String redirect, String problem) {
		return new ActionAnswer(redirect, Map.of("problem", problem));
	}

	/** A problem, keeping what was typed under the name the page reads it back by. */
	static ActionAnswer problem(String redirect, String problem, String typedName, @Nullable Object typed) {
		Map<String, Object> flash = new LinkedHashMap<>();
		flash.put("problem", problem);
		if (typed != null) {
			flash.put(typedName, typed);
		}
		return new ActionAnswer(redirect, flash);
	}

	/** Puts the message or problem in the flash attributes and answers the redirect to the page. */
	String redirectWith(RedirectAttributes attributes) {
		flash.forEach(attributes::addFlashAttribute);
		return "redirect:" + redirect;
	}

}
