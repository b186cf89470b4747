package uk.nhs.bob.primarycare.programme.sites;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a site page rendered of the site (everything but its forms) and the cohorts its enrolment form offers, kept by
 * the programme's data version, the site, the day, whether the user may edit it and the directory names it shows. The
 * data version (programme.data_version) moves on in the same transaction as any change to a programme table, so a page
 * read after a change committed through any instance reads a new number and renders afresh; nothing expires by time.
 * The number is read before anything the page shows, so a page never keeps what it read under a newer number than the
 * data it read. Bounded: emptied when it holds too many.
 */
@Component
class SiteBodies {

	static final int MAX_KEPT = 512;

	/** The rendered part of a site page, and the enrolment form's cohorts (by id) that go with it. */
	record Body(String html, Map<String, String> cohortOptions) {
	}

	record Key(long dataVersion, long siteId, LocalDate today, boolean canEdit, String placeName, String footprint) {
	}

	private final JdbcClient jdbc;

	private final Cache<Key, Body> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	SiteBodies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The programme's data version now: read first, before the data it stands for. */
	long dataVersion() {
		return jdbc.sql("SELECT version FROM programme.data_version").query(Long.class).single();
	}

	Body body(Key key, Supplier<Body> render) {
		Body body = kept.getIfPresent(key);
		if (body == null) {
			body = render.get();
			kept.put(key, body);
		}
		return body;
	}

	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
