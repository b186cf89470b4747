package uk.nhs.bob.primarycare.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * One page of a long list, ready for the NHS.UK numbered pagination ({@code fragments/pagination.html}): the page
 * shown, the numbered links (first, last and the pages either side of the current one, with gaps between), previous
 * and next, and the item numbers for "Showing 26 to 50 of 79". Pages count from 1. A page past the end (an old link
 * after the list shrank) becomes the last page, and a missing or nonsense page number becomes page 1, so no page
 * number a user can type is an error.
 *
 * @param page the page shown, from 1 to {@code totalPages} (1 when the list is empty)
 * @param totalPages the number of pages, 0 when the list is empty
 * @param totalItems the number of items in the whole list
 * @param pageSize the most items on one page
 * @param links the numbered links, empty when there is only one page
 * @param previous the address of the page before, {@code null} on the first page
 * @param next the address of the page after, {@code null} on the last page
 */
public record Pagination(int page, int totalPages, long totalItems, int pageSize, List<Link> links,
		@Nullable String previous, @Nullable String next) {

	/** Page numbers longer than this are nonsense rather than a page anyone could reach. */
	private static final int MAX_DIGITS = 6;

	/**
	 * A numbered link; a gap between numbers ({@code number} 0, no address) shows as an ellipsis.
	 *
	 * @param number the page number, 0 for a gap
	 * @param url the address of that page, empty for a gap
	 * @param current whether this is the page shown
	 */
	public record Link(int number, String url, boolean current) {

		static final Link GAP = new Link(0, "", false);

		public boolean gap() {
			return number == 0;
		}

	}

	public Pagination {
		if (pageSize < 1 || totalItems < 0) {
			throw new IllegalArgumentException("Need a page size of at least 1 and no negative total");
		}
		if (totalPages != pages(totalItems, pageSize) || page < 1 || page > Math.max(1, totalPages)) {
			throw new IllegalArgumentException(
					"Page " + page + " of " + totalPages + " does not fit " + totalItems + " items " + pageSize + " a page");
		}
		links = List.copyOf(links);
	}

	/**
	 * The pagination of a list of {@code totalItems}, showing the requested page or the nearest one that exists.
	 * @param requestedPage the page asked for, from {@link #pageNumber(String)}
	 * @param totalItems the number of items in the whole list
	 * @param pageSize the most items on one page
	 * @param url the address of a page, given its number; it must keep the list's filters
	 */
	public static Pagination of(int requestedPage, long totalItems, int pageSize, IntFunction<String> url) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("Need a page size of at least 1");
		}
		int totalPages = pages(totalItems, pageSize);
		int page = Math.min(Math.max(1, requestedPage), Math.max(1, totalPages));
		List<Link> links = new ArrayList<>();
		if (totalPages > 1) {
			int previousShown = 0;
			for (int n = 1; n <= totalPages; n++) {
				if (n == 1 || n == totalPages || Math.abs(n - page) <= 1) {
					if (previousShown != 0 && n - previousShown > 1) {
						links.add(Link.GAP);
					}
					links.add(new Link(n, url.apply(n), n == page));
					previousShown = n;
				}
			}
		}
		return new Pagination(page, totalPages, totalItems, pageSize, links, page > 1 ? url.apply(page - 1) : null,
				page < totalPages ? url.apply(page + 1) : null);
	}

	/** The page number in a request parameter as typed: 1 when it is missing or not a number. */
	public static int pageNumber(@Nullable String page) {
		if (page == null || !page.trim().matches("\\d{1," + MAX_DIGITS + "}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page.trim()));
	}

	private static int pages(long totalItems, int pageSize) {
		return (int) Math.min(Integer.MAX_VALUE, (totalItems + pageSize - 1) / pageSize);
	}

	/** Whether the list needs more than one page, and so the pagination links. */
	public boolean paged() {
		return totalPages > 1;
	}

	/** The position in the whole list of the first item on this page, counting from 1; 0 when the list is empty. */
	public long firstItem() {
		return totalItems == 0 ? 0 : (long) (page - 1) * pageSize + 1;
	}

	/** The position in the whole list of the last item on this page; 0 when the list is empty. */
	public long lastItem() {
		return Math.min((long) page * pageSize, totalItems);
	}

	/**
	 * The items of this page, from the whole list held in memory (small lists such as the directory); lists read from
	 * the database page in the query instead.
	 */
	public <T> List<T> itemsOf(List<T> all) {
		if (all.size() != totalItems) {
			throw new IllegalArgumentException("This pagination is for " + totalItems + " items, not " + all.size());
		}
		return all.subList((int) Math.max(0, firstItem() - 1), (int) lastItem());
	}

}
