package uk.nhs.bob.primarycare.neighbourhood.support;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Ids and numbers in the neighbourhood pages' URLs: one that cannot be read names nothing there is. */
public final class PathIds {

	private PathIds() {
	}

	/** An id from a URL; 404 when it is not one. */
	public static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** A version number from a URL: a whole number from 1, or 400. */
	public static long version(String number) {
		try {
			long n = Long.parseLong(number.trim());
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the 400 below
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A version is a whole number from 1");
	}

}
