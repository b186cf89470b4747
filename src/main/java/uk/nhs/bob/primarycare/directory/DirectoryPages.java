package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The directory pages' read model for any signed-in user: the organisation structure with its counts, GP practices
 * found by name, ODS code or postcode, and the service directory by type, Place, offer and opening. Filters that
 * arrive with values we do not know (an edited address) are ignored and the page says so ({@code ignored}).
 */
@Component
class DirectoryPages {

	/** Long enough to scan, short enough to render quickly for an ICS directory of several hundred services. */
	static final int PAGE_SIZE = 25;

	private final Directory directory;

	private final ServiceDirectory serviceDirectory;

	DirectoryPages(Directory directory, ServiceDirectory serviceDirectory) {
		this.directory = directory;
		this.serviceDirectory = serviceDirectory;
	}

	record PcnOverview(PcnSummary pcn, long practiceCount) {
	}

	record SiteOverview(SiteSummary site, List<PcnOverview> pcns) {
	}

	record PlaceOverview(PlaceSummary place, List<SiteOverview> sites, long pcnCount, long practiceCount,
			long serviceCount) {
	}

	/** Each Place with its sites, their PCNs and the number of practices, PCNs and services. */
	List<PlaceOverview> overview() {
		List<PracticeSummary> practices = directory.practices();
		List<PcnSummary> pcns = directory.pcns();
		List<SiteSummary> sites = directory.sites();
		List<ServiceSummary> services = serviceDirectory.services();
		List<PlaceOverview> places = new ArrayList<>();
		for (PlaceSummary place : directory.places()) {
			List<SiteOverview> siteRows = sites.stream()
				.filter(s -> s.placeCode().equals(place.code()))
				.map(site -> new SiteOverview(site,
						pcns.stream()
							.filter(p -> p.siteCode().equals(site.code()))
							.map(p -> new PcnOverview(p,
									practices.stream().filter(pr -> pr.pcnCode().equals(p.odsCode())).count()))
							.toList()))
				.toList();
			places.add(new PlaceOverview(place, siteRows,
					pcns.stream().filter(p -> p.placeCode().equals(place.code())).count(),
					practices.stream().filter(p -> p.placeCode().equals(place.code())).count(),
					services.stream().filter(s -> s.placeCode().equals(place.code())).count()));
		}
		return places;
	}

	/** A page of the practices found, in the view's model attributes. */
	Map<String, Object> practices(@Nullable String q, @Nullable String place, @Nullable String page) {
		Model model = new ExtendedModelMap();
		List<String> ignored = new ArrayList<>();
		String placeCode = placeFilter(place, ignored);
		String text = q == null ? "" : q.trim();
		String lower = text.toLowerCase(Locale.UK);
		String compact = lower.replaceAll("\\s+", "");
		List<PracticeSummary> found = directory.practices()
			.stream()
			.filter(p -> placeCode == null || p.placeCode().equals(placeCode))
			.filter(p -> text.isEmpty() || p.name().toLowerCase(Locale.UK).contains(lower)
					|| p.odsCode().value().toLowerCase(Locale.UK).startsWith(compact)
					|| p.postcode().value().replace(" ", "").toLowerCase(Locale.UK).startsWith(compact))
			.toList();
		Map<String, @Nullable String> filters = new LinkedHashMap<>();
		filters.put("q", text);
		filters.put("place", placeCode);
		Pagination pagination = Pagination.of(Pagination.pageNumber(page), found.size(), PAGE_SIZE,
				pageUrl("/directory/practices", filters));
		model.addAttribute("practices", pagination.itemsOf(found));
		model.addAttribute("pagination", pagination);
		model.addAttribute("q", text);
		model.addAttribute("place", placeCode == null ? "" : placeCode);
		model.addAttribute("placeOptions", placeOptions());
		model.addAttribute("ignored", ignored);
		return model.asMap();
	}

	/** A page of the services found, in the view's model attributes. */
	Map<String, Object> services(@Nullable String q, @Nullable String type, @Nullable String place,
			@Nullable String offer, @Nullable String open, @Nullable String page) {
		Model model = new ExtendedModelMap();
		List<String> ignored = new ArrayList<>();
		ServiceType serviceType = parse(type, ServiceType::parse, "type of service", ignored);
		ServiceOffer serviceOffer = parse(offer, ServiceOffer::parse, "offer", ignored);
		String placeCode = placeFilter(place, ignored);
		boolean openNow = "yes".equals(open);
		if (open != null && !open.isBlank() && !openNow) {
			ignored.add("We did not recognise the \"open now\" choice, so we did not use it.");
		}
		LocalDateTime now = ServiceDirectory.nowInUk();
		String text = q == null ? "" : q.trim();
		List<ServiceSummary> found = serviceDirectory
			.search(new ServiceSearch(text, serviceType, placeCode, serviceOffer, openNow ? now : null));
		Map<String, @Nullable String> filters = new LinkedHashMap<>();
		filters.put("q", text);
		filters.put("type", serviceType == null ? null : serviceType.name());
		filters.put("place", placeCode);
		filters.put("offer", serviceOffer == null ? null : serviceOffer.name());
		filters.put("open", openNow ? "yes" : null);
		Pagination pagination = Pagination.of(Pagination.pageNumber(page), found.size(), PAGE_SIZE,
				pageUrl("/directory/services", filters));
		model.addAttribute("services", pagination.itemsOf(found));
		model.addAttribute("pagination", pagination);
		model.addAttribute("q", text);
		model.addAttribute("type", serviceType == null ? "" : serviceType.name());
		model.addAttribute("offer", serviceOffer == null ? "" : serviceOffer.name());
		model.addAttribute("place", placeCode == null ? "" : placeCode);
		model.addAttribute("openNow", openNow);
		model.addAttribute("now", now);
		model.addAttribute("today", now.getDayOfWeek());
		model.addAttribute("typeOptions", typeOptions());
		model.addAttribute("offerOptions", offerOptions());
		model.addAttribute("placeOptions", placeOptions());
		model.addAttribute("ignored", ignored);
		return model.asMap();
	}

	/** One service with its opening hours against the time now in the UK; 404 when there is no such service. */
	Map<String, Object> service(String id) {
		Model model = new ExtendedModelMap();
		ServiceSummary service = parseId(id).flatMap(serviceDirectory::service)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDateTime now = ServiceDirectory.nowInUk();
		model.addAttribute("service", service);
		model.addAttribute("now", now);
		model.addAttribute("today", now.getDayOfWeek());
		model.addAttribute("days", DayOfWeek.values());
		return model.asMap();
	}

	static Optional<Long> parseId(String id) {
		return id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
	}

	static Map<String, String> typeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (ServiceType type : ServiceType.values()) {
			options.put(type.name(), type.label());
		}
		return options;
	}

	static Map<String, String> offerOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (ServiceOffer offer : ServiceOffer.values()) {
			options.put(offer.name(), offer.label());
		}
		return options;
	}

	/**
	 * The address of a page of a list with the filters in use. Filters we ignored are left out, as the search form
	 * leaves them out, so every page shows the same list. Values go in as URI variables so that they are encoded
	 * strictly (a '+' or '&' typed stays what it was).
	 */
	static IntFunction<String> pageUrl(String path, Map<String, @Nullable String> filters) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		Map<String, String> values = new LinkedHashMap<>();
		filters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				url.queryParam(name, "{" + name + "}");
				values.put(name, value);
			}
		});
		url.queryParam("page", "{page}");
		UriComponents template = url.encode().build();
		return page -> {
			Map<String, Object> withPage = new LinkedHashMap<>(values);
			withPage.put("page", page);
			return template.expand(withPage).toUriString();
		};
	}

	Map<String, String> placeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.places().forEach(p -> options.put(p.code(), p.name()));
		return options;
	}

	@Nullable
	private String placeFilter(@Nullable String place, List<String> ignored) {
		if (place == null || place.isBlank()) {
			return null;
		}
		if (directory.place(place.trim()).isPresent()) {
			return place.trim();
		}
		ignored.add("We did not recognise the Place \"" + shortened(place) + "\", so we did not use it.");
		return null;
	}

	@Nullable
	private static <T> T parse(@Nullable String value, Function<String, Optional<T>> parser,
			String what, List<String> ignored) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<T> parsed = parser.apply(value);
		if (parsed.isEmpty()) {
			ignored.add("We did not recognise the " + what + " \"" + shortened(value) + "\", so we did not use it.");
		}
		return parsed.orElse(null);
	}

	private static String shortened(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "..." : value;
	}

}
