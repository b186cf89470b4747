package uk.nhs.bob.primarycare.programme.portfolio;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;

/**
 * The portfolio for Place boards: the Making Data Count summary matrix with its filters, and the printable board pack
 * (the matrix, then every site's charts, milestones, and risks and issues). Every member of staff may read them: they
 * hold aggregate figures and staff names only.
 */
@Controller
@RequestMapping("/programme/portfolio")
class PortfolioController {

	static final String VIEW_PORTFOLIO = "programme/portfolio";

	static final String VIEW_BOARD_PACK = "programme/board-pack";

	/** The filters as chosen in the form (blank for all). */
	record FilterForm(@Size(max = 10, message = "Choose a Place from the list") @Nullable String place,
			@Size(max = 20, message = "Choose a workstream from the list") @Nullable String workstream,
			@Nullable Long cohort) {

		PortfolioView.Filter filter() {
			return new PortfolioView.Filter(ProgrammePages.blankToNull(place), ProgrammePages.blankToNull(workstream),
					cohort);
		}

	}

	private final PortfolioView portfolio;

	private final ProgrammePages pages;

	private final ProgrammeCalendar calendar;

	PortfolioController(PortfolioView portfolio, ProgrammePages pages, ProgrammeCalendar calendar) {
		this.portfolio = portfolio;
		this.pages = pages;
		this.calendar = calendar;
	}

	@GetMapping
	String portfolio(@Valid @ModelAttribute("filter") FilterForm filter, BindingResult result, Model model,
			HttpServletResponse response) {
		ProgrammePages.change(result, model, response, () -> {
			PortfolioView.Chosen chosen = portfolio.choose(filter.filter());
			model.addAttribute("chosen", chosen);
			model.addAttribute("matrices", portfolio.matrices(chosen, calendar.today()));
		});
		return show(model, VIEW_PORTFOLIO);
	}

	@GetMapping("/board-pack")
	String boardPack(@Valid @ModelAttribute("filter") FilterForm filter, BindingResult result, Model model,
			HttpServletResponse response) {
		ProgrammePages.change(result, model, response, () -> {
			PortfolioView.Chosen chosen = portfolio.choose(filter.filter());
			model.addAttribute("chosen", chosen);
			PortfolioView.BoardPack pack = portfolio.boardPack(chosen, calendar.today());
			model.addAttribute("matrices", pack.matrices());
			model.addAttribute("sites", pack.sites());
		});
		model.addAttribute("printedOn", ProgrammeViews.day(calendar.today()));
		return show(model, VIEW_BOARD_PACK);
	}

	private String show(Model model, String view) {
		model.addAttribute("placeOptions", portfolio.placeOptions());
		model.addAttribute("workstreamOptions", pages.workstreamOptions());
		model.addAttribute("cohortOptions", portfolio.cohortOptions());
		return view;
	}

}
