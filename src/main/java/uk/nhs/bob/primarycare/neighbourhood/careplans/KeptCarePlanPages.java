package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.KeptPages;

/**
 * The care plan page, rendered once for each value of everything it shows and kept whole ({@link KeptPages}). The key
 * is that value itself, read from the database on every request in the view's transaction (with its access check and
 * audit row): the plan view with its members' names instead of the member entities, the keyworkers to choose from, and
 * the day (overdue marks); {@link KeptPages} adds the layout's user and roles. So a kept page is the one the data just
 * read would render, on any instance, and a change anywhere is shown on the next view; what is saved is the template
 * work, not the reading. A view with a message after a change is rendered afresh, and so is a change refused (by
 * {@link CarePlanController#fill} and the page's view name).
 */
@Component
class KeptCarePlanPages {

	/** About 400 pages of 25,000 bytes. */
	static final long MAX_KEPT_BYTES = 10_000_000;

	/** Everything the page shows. */
	record Key(PlanEntry entry, PlanTeam team, PersonSummary person, PlanContent plan, Map<UUID, String> memberNames,
			List<Caseload.PlanVersion> history, List<CarePlans.Alert> alerts, List<CarePlans.CvdFlag> cvdFlags,
			List<CarePlans.BreakGlass> breakGlass, List<String> frailtyReasons, String access, boolean canEdit,
			List<PlanEntry> episodes, Map<String, String> keyworkerOptions, LocalDate today) {

		static Key of(CarePlans.PlanView view, Map<String, String> keyworkerOptions, LocalDate today) {
			Map<UUID, String> names = new LinkedHashMap<>();
			view.members().forEach((id, member) -> names.put(id, member.describe()));
			return new Key(view.entry(), view.team(), view.person(), view.plan(), names, view.history(), view.alerts(),
					view.cvdFlags(), view.breakGlass(), view.frailtyReasons(), view.access(), view.canEdit(),
					view.episodes(), keyworkerOptions, today);
		}

	}

	private final KeptPages<Key> kept;

	KeptCarePlanPages(ThymeleafViewResolver viewResolver) {
		this.kept = new KeptPages<>(viewResolver, CarePlanController.VIEW_PLAN, MAX_KEPT_BYTES);
	}

	/** The page for this view, whose model {@link CarePlanController#fill} made (no form posted back). */
	View page(CarePlans.PlanView view, Map<String, Object> model) {
		@SuppressWarnings("unchecked")
		Map<String, String> keyworkers = (Map<String, String>) model.get("keyworkerOptions");
		return kept.view(Key.of(view, keyworkers == null ? Map.of() : keyworkers, LocalDate.now()), model);
	}

}
