package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * The directory's write side, used by the ICB administrators' forms: adds and edits services, practices, PCNs and
 * neighbourhood sites. An edit names the version it started from and is refused when someone else has saved since
 * ({@link StaleEdit}); an ODS code or site code already in use is refused ({@link DuplicateOdsCode},
 * {@link DuplicateSiteCode}). A refused change saves nothing; a saved one is recorded among the audit log's
 * administrator actions in the same transaction.
 */
@Component
class DirectoryAdministration {

	private final ListedServiceRepository services;

	private final GpPracticeRepository practices;

	private final PrimaryCareNetworkRepository pcns;

	private final NeighbourhoodSiteRepository sites;

	private final AuditLog auditLog;

	DirectoryAdministration(ListedServiceRepository services, GpPracticeRepository practices,
			PrimaryCareNetworkRepository pcns, NeighbourhoodSiteRepository sites, AuditLog auditLog) {
		this.services = services;
		this.practices = practices;
		this.pcns = pcns;
		this.sites = sites;
		this.auditLog = auditLog;
	}

	/** Records the change among the administrator actions, in the transaction of the change. */
	private void audited(String target, String change) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String administrator = authentication == null ? "system" : authentication.getName();
		auditLog.recordAdminAction(administrator, AdminAction.DIRECTORY_EDITED, target, change);
	}

	@Transactional
	long addService(ServiceDetails details) {
		if (details.odsCode() != null && services.existsByOdsCode(details.odsCode())) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		try {
			long id = services.saveAndFlush(new ListedService(details)).id();
			audited("Service " + details.name() + " (" + id + ")", "Added: " + details);
			return id;
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
		if (details.odsCode() != null && services.existsByOdsCodeAndIdNot(details.odsCode(), id)) {
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
		audited("Service " + details.name() + " (" + id + ")", "Edited: now " + details);
		return Optional.of(id);
	}

	@Transactional
	void addPractice(PracticeDetails details) {
		if (practices.existsById(details.odsCode().value())) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		try {
			practices.saveAndFlush(new GpPractice(details));
			audited("Practice " + details.odsCode().value(), "Added: " + details);
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
		audited("Practice " + details.odsCode().value(), "Edited: now " + details);
		return true;
	}

	/** The current version of a practice, for its edit form. */
	@Transactional(readOnly = true)
	Optional<Long> practiceVersion(OdsCode odsCode) {
		return practices.findById(odsCode.value()).map(GpPractice::version);
	}

	@Transactional
	void addPcn(PcnDetails details) {
		if (pcns.existsById(details.odsCode().value())) {
			throw new DuplicateOdsCode(details.odsCode());
		}
		try {
			pcns.saveAndFlush(new PrimaryCareNetwork(details));
			audited("PCN " + details.odsCode().value(), "Added: " + details);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateOrRethrow(details.odsCode(), ex);
		}
	}

	/** Whether there was such a PCN to edit. Moving it to another site moves its practices with it. */
	@Transactional
	boolean editPcn(long expectedVersion, PcnDetails details) {
		Optional<PrimaryCareNetwork> found = pcns.findById(details.odsCode().value());
		if (found.isEmpty()) {
			return false;
		}
		PrimaryCareNetwork pcn = found.get();
		if (pcn.version() != expectedVersion) {
			throw new StaleEdit(pcn.version());
		}
		pcn.apply(details);
		try {
			pcns.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleEdit(-1);
		}
		audited("PCN " + details.odsCode().value(), "Edited: now " + details);
		return true;
	}

	/** The current version of a PCN, for its edit form. */
	@Transactional(readOnly = true)
	Optional<Long> pcnVersion(OdsCode odsCode) {
		return pcns.findById(odsCode.value()).map(PrimaryCareNetwork::version);
	}

	@Transactional
	void addSite(SiteDetails details) {
		if (sites.existsById(details.code())) {
			throw new DuplicateSiteCode(details.code());
		}
		try {
			sites.saveAndFlush(new NeighbourhoodSite(details));
			audited("Neighbourhood site " + details.code(), "Added: " + details);
		}
		catch (DataIntegrityViolationException ex) {
			// another administrator added the same code between our check and our insert
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("neighbourhood_site_pkey")) {
				throw new DuplicateSiteCode(details.code());
			}
			throw ex;
		}
	}

	/** Whether there was such a site to edit. */
	@Transactional
	boolean editSite(long expectedVersion, SiteDetails details) {
		Optional<NeighbourhoodSite> found = sites.findById(details.code());
		if (found.isEmpty()) {
			return false;
		}
		NeighbourhoodSite site = found.get();
		if (site.version() != expectedVersion) {
			throw new StaleEdit(site.version());
		}
		site.apply(details);
		try {
			sites.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleEdit(-1);
		}
		audited("Neighbourhood site " + details.code(), "Edited: now " + details);
		return true;
	}

	/** The current version of a neighbourhood site, for its edit form. */
	@Transactional(readOnly = true)
	Optional<Long> siteVersion(String code) {
		return sites.findById(code).map(NeighbourhoodSite::version);
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

	static final class DuplicateSiteCode extends RuntimeException {

		private final String code;

		DuplicateSiteCode(String code) {
			super("Site code already in use: " + code, null, false, false);
			this.code = code;
		}

		String code() {
			return code;
		}

	}

}
