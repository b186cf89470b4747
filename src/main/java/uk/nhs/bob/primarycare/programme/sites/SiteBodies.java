package uk.nhs.bob.primarycare.programme.sites;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.shared.KeptPages;

/**
 * What a site page rendered of the site (everything but its forms) and the cohorts its enrolment form offers, and the
 * whole page as a user's view rendered it, kept by the programme's data version, the site, the day, whether the user
 * may edit it and the directory names it shows. The data version (programme.data_version) moves on in the same
 * transaction as any change to a programme table, so a page read after a change committed through any instance reads a
 * new number and renders afresh; nothing expires by time. The number is read before anything the page shows, so a page
 * never keeps what it read under a newer number than the data it read. Bounded: the least used are dropped.
 */
@Component
class SiteBodies {

	static final int MAX_KEPT = 512;

	/** The rendered part of a site page, and the enrolment form's cohorts (by id) that go with it. */
	record Body(String html, Map<String, String> cohortOptions) {
	}

	record Key(long dataVersion, long siteId, LocalDate today, boolean canEdit, String placeName, String footprint) {
	}

	/** About 400 pages of 25,000 bytes. */
	static final long MAX_KEPT_PAGE_BYTES = 10_000_000;

	private final JdbcClient jdbc;

	private final Cache<Key, Body> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	private final KeptPages<Key> pages;

	SiteBodies(JdbcClient jdbc, ThymeleafViewResolver viewResolver) {
		this.jdbc = jdbc;
		this.pages = new KeptPages<>(viewResolver, SiteController.VIEW_SITE, MAX_KEPT_PAGE_BYTES);
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

	/**
	 * The whole site page for this key, whose model the site page filled (with no form posted back); the layout's user
	 * and roles are added by {@link KeptPages}.
	 */
	View page(Key key, Map<String, Object> model) {
		return pages.view(key, model);
	}

	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
