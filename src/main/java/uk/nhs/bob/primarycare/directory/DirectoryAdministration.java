package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * The directory's write side, used by the ICB administrators' forms: adds and edits services and practices. An edit
 * names the version it started from and is refused when someone else has saved since ({@link StaleEdit}); an ODS
 * code already in use is refused ({@link DuplicateOdsCode}). A refused change saves nothing.
 */
@Component
class DirectoryAdministration {

	private final ListedServiceRepository services;

	private final GpPracticeRepository practices;

	DirectoryAdministration(ListedServiceRepository services, GpPracticeRepository practices) {
		this.services = services;
		this.practices = practices;
	}

	@Transactional
	long addService(ServiceDetails details) {
		if (details.odsCode() != null && services.existsByOdsCode(details.odsCode().value())) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		try {
			return services.saveAndFlush(new ListedService(details)).id();
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateOrRethrow(details.odsCode(), ex);
		}
	}

	/** Empty when there is no such service. */
	@Transactional
	Optional<Long> editService(long id, long expectedVersion, ServiceDetails details) {
		Optional<ListedService> found = services.findById(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ListedService service = found.get();
		if (service.version() != expectedVersion) {
			throw new StaleEdit(service.version());
		}
		if (details.odsCode() != null && services.existsByOdsCodeAndIdNot(details.odsCode().value(), id)) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		service.apply(details);
		try {
			// flush here so a concurrent save or a duplicate surfaces as one of our refusals, not at commit
			services.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleEdit(-1);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateOrRethrow(details.odsCode(), ex);
		}
		return Optional.of(id);
	}

	@Transactional
	void addPractice(PracticeDetails details) {
		if (practices.existsById(details.odsCode().value())) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		try {
			practices.saveAndFlush(new GpPractice(details));
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateOrRethrow(details.odsCode(), ex);
		}
	}

	/** Whether there was such a practice to edit. */
	@Transactional
	boolean editPractice(long expectedVersion, PracticeDetails details) {
		Optional<GpPractice> found = practices.findById(details.odsCode().value());
		if (found.isEmpty()) {
			return false;
		}
		GpPractice practice = found.get();
		if (practice.version() != expectedVersion) {
			throw new StaleEdit(practice.version());
		}
		practice.apply(details);
		try {
			practices.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleEdit(-1);
		}
		return true;
	}

	/** The current version of a practice, for its edit form. */
	@Transactional(readOnly = true)
	Optional<Long> practiceVersion(OdsCode odsCode) {
		return practices.findById(odsCode.value()).map(GpPractice::version);
	}

	private static RuntimeException duplicateOrRethrow(@Nullable OdsCode odsCode, DataIntegrityViolationException ex) {
		String cause = String.valueOf(ex.getMostSpecificCause().getMessage());
		// another administrator saved the same ODS code between our check and our insert
		if (odsCode != null && (cause.contains("ods_code") || cause.contains("_pkey"))) {
			return new DuplicateOdsCode(odsCode);
		}
		return ex;
	}

	/** Someone else saved the record since the user opened it; {@code currentVersion} is -1 when not known. */
	static final class StaleEdit extends RuntimeException {

		private final long currentVersion;

		StaleEdit(long currentVersion) {
			super("The record was changed by someone else", null, false, false);
			this.currentVersion = currentVersion;
		}

		long currentVersion() {
			return currentVersion;
		}

	}

	static final class DuplicateOdsCode extends RuntimeException {

		private final OdsCode odsCode;

		DuplicateOdsCode(OdsCode odsCode) {
			super("ODS code already in use: " + odsCode, null, false, false);
			this.odsCode = odsCode;
		}

		OdsCode odsCode() {
			return odsCode;
		}

	}

}
