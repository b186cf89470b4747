package uk.nhs.bob.primarycare.shared;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

import uk.nhs.bob.primarycare.shared.Pagination.Link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaginationTests {

	static String url(int page) {
		return "/list?page=" + page;
	}

	/** The links as text: numbers, "..." for a gap, the current page in brackets. */
	static String shown(Pagination pagination) {
		return String.join(" ", pagination.links()
			.stream()
			.map(l -> l.gap() ? "..." : l.current() ? "[" + l.number() + "]" : String.valueOf(l.number()))
			.toList());
	}

	@ParameterizedTest
	@CsvSource({ "1, [1] 2 ... 10", "2, 1 [2] 3 ... 10", "3, 1 2 [3] 4 ... 10", "4, 1 ... 3 [4] 5 ... 10",
			"5, 1 ... 4 [5] 6 ... 10", "8, 1 ... 7 [8] 9 10", "9, 1 ... 8 [9] 10", "10, 1 ... 9 [10]" })
	void linksShowFirstLastAndNeighboursWithGaps(int page, String expected) {
		assertThat(shown(Pagination.of(page, 250, 25, PaginationTests::url))).isEqualTo(expected);
	}

	@Test
	void linksCarryTheirAddresses() {
		Pagination pagination = Pagination.of(2, 79, 25, PaginationTests::url);

		assertThat(pagination.links()).containsExactly(new Link(1, "/list?page=1", false),
				new Link(2, "/list?page=2", true), new Link(3, "/list?page=3", false),
				new Link(4, "/list?page=4", false));
		assertThat(pagination.previous()).isEqualTo("/list?page=1");
		assertThat(pagination.next()).isEqualTo("/list?page=3");
	}

	@Test
	void showingCountsTheItemsOfThePage() {
		Pagination second = Pagination.of(2, 79, 25, PaginationTests::url);
		assertThat(second.firstItem()).isEqualTo(26);
		assertThat(second.lastItem()).isEqualTo(50);
		assertThat(second.totalItems()).isEqualTo(79);
		assertThat(second.totalPages()).isEqualTo(4);

		Pagination last = Pagination.of(4, 79, 25, PaginationTests::url);
		assertThat(last.firstItem()).isEqualTo(76);
		assertThat(last.lastItem()).isEqualTo(79);
	}

	@Test
	void firstAndLastPagesHaveNoPreviousOrNext() {
		Pagination first = Pagination.of(1, 75, 25, PaginationTests::url);
		assertThat(first.previous()).isNull();
		assertThat(first.next()).isEqualTo("/list?page=2");

		Pagination last = Pagination.of(3, 75, 25, PaginationTests::url);
		assertThat(last.previous()).isEqualTo("/list?page=2");
		assertThat(last.next()).isNull();
		assertThat(last.lastItem()).isEqualTo(75);
	}

	@Test
	void aPagePastTheEndShowsTheLastPage() {
		Pagination pagination = Pagination.of(999, 79, 25, PaginationTests::url);

		assertThat(pagination.page()).isEqualTo(4);
		assertThat(shown(pagination)).isEqualTo("1 ... 3 [4]");
		assertThat(pagination.next()).isNull();
	}

	@Test
	void aPageBeforeTheStartShowsTheFirstPage() {
		assertThat(Pagination.of(0, 79, 25, PaginationTests::url).page()).isEqualTo(1);
		assertThat(Pagination.of(-3, 79, 25, PaginationTests::url).page()).isEqualTo(1);
	}

	@Test
	void aSinglePageNeedsNoLinks() {
		Pagination pagination = Pagination.of(1, 25, 25, PaginationTests::url);

		assertThat(pagination.paged()).isFalse();
		assertThat(pagination.totalPages()).isEqualTo(1);
		assertThat(pagination.links()).isEmpty();
		assertThat(pagination.previous()).isNull();
		assertThat(pagination.next()).isNull();
		assertThat(pagination.firstItem()).isEqualTo(1);
		assertThat(pagination.lastItem()).isEqualTo(25);
		assertThat(Pagination.of(1, 26, 25, PaginationTests::url).paged()).isTrue();
	}

	@Test
	void anEmptyListIsOnePageOfNothing() {
		Pagination pagination = Pagination.of(5, 0, 25, PaginationTests::url);

		assertThat(pagination.page()).isEqualTo(1);
		assertThat(pagination.totalPages()).isZero();
		assertThat(pagination.paged()).isFalse();
		assertThat(pagination.links()).isEmpty();
		assertThat(pagination.firstItem()).isZero();
		assertThat(pagination.lastItem()).isZero();
		assertThat(pagination.itemsOf(List.of())).isEmpty();
	}

	@Test
	void itemsOfTakesThePageFromTheWholeList() {
		List<Integer> all = IntStream.rangeClosed(1, 79).boxed().toList();

		assertThat(Pagination.of(2, 79, 25, PaginationTests::url).itemsOf(all)).hasSize(25).startsWith(26).endsWith(50);
		assertThat(Pagination.of(4, 79, 25, PaginationTests::url).itemsOf(all)).containsExactly(76, 77, 78, 79);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Pagination.of(1, 80, 25, PaginationTests::url).itemsOf(all));
	}

	@ParameterizedTest
	@CsvSource({ "2, 2", "' 3 ', 3", "0, 1", "abc, 1", "-2, 1", "2.5, 1", "'', 1", "9999999, 1", "999999, 999999" })
	void pageNumbersAsTypedAreReadOrPageOne(String typed, int expected) {
		assertThat(Pagination.pageNumber(typed)).isEqualTo(expected);
	}

	@ParameterizedTest
	@NullSource
	void aMissingPageNumberIsPageOne(String typed) {
		assertThat(Pagination.pageNumber(typed)).isEqualTo(1);
	}

	@Test
	void inconsistentPaginationsCannotBeMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pagination.of(1, 10, 0, PaginationTests::url));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Pagination(5, 4, 79, 25, List.of(), null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Pagination(1, 3, 79, 25, List.of(), null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Pagination(1, 0, -1, 25, List.of(), null, null));
	}

}
