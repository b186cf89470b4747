package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.KeptMarkup;
import uk.nhs.bob.primarycare.shared.RenderedFragment;

/**
 * The parts of the care plan page that show the plan (its heading, the plan, its episodes and history), rendered once
 * for each value of everything they show and kept. The key is that value itself, read from the database on every
 * request in the view's transaction (with its access check and audit row): the plan view without its alerts (rendered
 * on each request with their forms), its members' names instead of the member entities, and the day (overdue marks).
 * So a kept part is the one the data just read would render, on any instance, and a change anywhere is shown on the
 * next view; what is saved is the template work, not the reading. Bounded: emptied when it holds too many.
 */
@Component
class CarePlanBodies {

	static final int MAX_KEPT = 256;

	/** The action forms kept: a few hundred entries' forms. */
	static final long MAX_KEPT_FORMS_CHARACTERS = 2_000_000;

	static final String VIEW_BODY = "neighbourhood/care-plan-body :: ";

	/** The kept markup of the page's three parts. */
	public record Parts(String head, String main, String tail) {
	}

	/** Everything the parts show. */
	record Key(PlanEntry entry, PlanTeam team, PersonSummary person, PlanContent plan, Map<UUID, String> memberNames,
			List<Caseload.PlanVersion> history, List<CarePlans.CvdFlag> cvdFlags, List<CarePlans.BreakGlass> breakGlass,
			List<String> frailtyReasons, String access, boolean canEdit, List<PlanEntry> episodes, LocalDate today) {

		static Key of(CarePlans.PlanView view, LocalDate today) {
			Map<UUID, String> names = new LinkedHashMap<>();
			view.members().forEach((id, member) -> names.put(id, member.describe()));
			return new Key(view.entry(), view.team(), view.person(), view.plan(), names, view.history(),
					view.cvdFlags(), view.breakGlass(), view.frailtyReasons(), view.access(), view.canEdit(),
					view.episodes(), today);
		}

	}

	/**
	 * Everything the action forms show when none was posted back: the entry (its id, version, status, agreement and
	 * keyworker), whether the user may edit, and the keyworkers to choose from.
	 */
	record FormsKey(PlanEntry entry, boolean canEdit, Map<String, String> keyworkerOptions) {
	}

	private final ThymeleafViewResolver viewResolver;

	private final Cache<Key, Parts> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	private final KeptMarkup<FormsKey> keptForms;

	CarePlanBodies(ThymeleafViewResolver viewResolver) {
		this.viewResolver = viewResolver;
		this.keptForms = new KeptMarkup<>(viewResolver, VIEW_BODY + "planForms", MAX_KEPT_FORMS_CHARACTERS);
	}

	/** The parts of this view's page, rendered for the request being handled when not already kept. */
	Parts parts(CarePlans.PlanView view) {
		Key key = Key.of(view, LocalDate.now());
		Parts parts = kept.getIfPresent(key);
		if (parts == null) {
			ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
			HttpServletResponse response = request.getResponse();
			if (response == null) {
				throw new IllegalStateException("A care plan page is rendered for a request");
			}
			Map<String, Object> model = Map.of("view", view);
			parts = new Parts(render("planHead", model, request.getRequest(), response),
					render("planMain", model, request.getRequest(), response),
					render("planTail", model, request.getRequest(), response));
			kept.put(key, parts);
		}
		return parts;
	}

	/**
	 * The page's action forms as the model (with forms none of which was posted back) renders them, kept with a
	 * stand-in for the CSRF token and written with this request's own.
	 */
	String forms(CarePlans.PlanView view, Map<String, Object> model) {
		@SuppressWarnings("unchecked")
		Map<String, String> keyworkers = (Map<String, String>) model.get("keyworkerOptions");
		FormsKey key = new FormsKey(view.entry(), view.canEdit(), keyworkers == null ? Map.of() : keyworkers);
		return keptForms.forRequest(key, model);
	}

	private String render(String fragment, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) {
		return RenderedFragment.render(viewResolver, VIEW_BODY + fragment, model, request, response);
	}

	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

}
