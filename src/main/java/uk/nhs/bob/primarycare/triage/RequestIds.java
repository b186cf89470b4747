package uk.nhs.bob.primarycare.triage;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request's id from an address: anything that is not one is a request that does not exist (404), never a 400. */
final class RequestIds {

	private RequestIds() {
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request");
		}
	}

}
