package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.shared.KeptPages;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The person summary page: the person is read once, their practice checked against the user's scope, then their
 * record read and the view audited, all in one transaction (if the audit entry cannot be written, nothing is shown).
 * Someone outside the user's scope is refused before anything of their record is read. The whole page is kept as
 * rendered markup keyed by everything it shows ({@link Key}, and the layout's user and roles as {@link KeptPages} adds
 * them), so a view does all of that but not the template
 * work of a summary it rendered before.
 */
@Component
class PersonSummaryPage {

	/** About 400 summaries of 24,000 bytes. */
	static final long MAX_KEPT_BYTES = 10_000_000;

	/** Everything the summary shows: the rest of its model is worked out from these. */
	record Key(PersonSummary person, PracticeSummary practice, CodedRecord record, String purpose,
			LocalDate today, String codeSetVersion) {
	}

	private final Population population;

	private final Directory directory;

	private final KeptPages<Key> kept;

	PersonSummaryPage(Population population, Directory directory, ThymeleafViewResolver viewResolver) {
		this.population = population;
		this.directory = directory;
		this.kept = new KeptPages<>(viewResolver, PeopleController.VIEW_SUMMARY, MAX_KEPT_BYTES);
	}

	@Transactional
	View open(NhsNumber number, StaffUser user, String page, String purpose, Model model) {
		PersonSummary person = population.find(number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		PracticeSummary practice = directory.practice(person.registeredPractice())
			.filter(user::canSee)
			.orElseThrow(() -> new RefusedAccess("This person is registered outside your scope", number));
		CodedRecord record = population.viewRecord(person, user.username(), page, purpose).record();
		LocalDate today = LocalDate.now();
		String codeSetVersion = RecordCodes.standard().codeSets().version();
		model.addAttribute("person", person);
		model.addAttribute("practice", practice);
		model.addAttribute("record", record);
		model.addAttribute("purpose", purpose);
		model.addAttribute("registers", Registers.of(record, person.dateOfBirth(), today));
		model.addAttribute("codeSetVersion", codeSetVersion);
		model.addAttribute("bloodPressures", BloodPressureReading.from(record.observations()));
		model.addAttribute("latest", latestObservations(record));
		model.addAttribute("history", record.observations()
			.stream()
			.filter(o -> !o.type().isBloodPressure())
			.sorted(Comparator.comparing(Observation::date).reversed())
			.toList());
		model.addAttribute("activeProblems", record.problems().stream().filter(CodedRecord.Problem::active).toList());
		model.addAttribute("pastProblems", record.problems().stream().filter(p -> !p.active()).toList());
		return kept.view(new Key(person, practice, record, purpose, today, codeSetVersion), model.asMap());
	}

	/** The newest observation of each type other than blood pressure, in the order of the type list. */
	private static List<Observation> latestObservations(CodedRecord record) {
		return Arrays.stream(ObservationType.values())
			.filter(type -> !type.isBloodPressure())
			.map(record::latest)
			.flatMap(Optional::stream)
			.toList();
	}

}
