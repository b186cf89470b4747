package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyIndex;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyRules;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A team's candidates: people of its site in the frailty register who meet at least one of its cohort definitions,
 * are not on its caseload and have not been dismissed since their data last changed, ranked by eFI, then long-term
 * conditions, then unplanned admissions, each with the reasons they qualify. Nobody is added automatically.
 */
@Component
@Transactional(readOnly = true)
public class Candidates {

	/** A person's row of the frailty register. */
	public record Profile(NhsNumber nhsNumber, OdsCode practiceCode, int age, int imdQuintile, @Nullable Integer efiDeficits,
			@Nullable FrailtyCategory category, List<Integer> deficitNumbers, int longTermConditions,
			int unplannedAdmissions, @Nullable LocalDate lastUnplannedAdmission, String fingerprint,
			String ruleVersion, int aeAttendances, @Nullable LocalDate lastAeAttendance, Set<Register> registers) {

		public Profile {
			registers = registers.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(registers));
		}

	}

	/** A ranked candidate with the definitions they meet and the facts that make them qualify. */
	public record Candidate(Profile profile, List<String> definitions, List<String> reasons) {

		public NhsNumber nhsNumber() {
			return profile.nhsNumber();
		}

	}

	private static final String SELECT = """
			SELECT nhs_number, practice_code, age, imd_quintile, efi_deficits, efi_category, deficit_numbers,
			       long_term_conditions, unplanned_admissions_12m, last_unplanned_admission, fingerprint, rule_version,
			       ae_attendances_12m, last_ae_attendance, registers
			FROM neighbourhood.frailty_profile""";

	private final JdbcClient jdbc;

	private final FrailtyIndex frailtyIndex;

	private final CohortDefinitionRepository definitions;

	private final AuditLog auditLog;

	/**
	 * The reasons of each profile seen lately. They are text made from the profile alone (and the frailty index, fixed
	 * once loaded), so a profile read again gives the same reasons; working them out (the eFI's score, dates) was a
	 * tenth of a care plan view's processor time. Bounded: the least used are dropped.
	 */
	private final Cache<Profile, List<String>> keptReasons = Caffeine.newBuilder().maximumSize(MAX_KEPT_REASONS).build();

	static final int MAX_KEPT_REASONS = 4096;

	/** A candidate on the list, with the person's summary. */
	record Shown(Candidate candidate, uk.nhs.bob.primarycare.population.PersonSummary person) {
	}

	/**
	 * The candidates of one page of the team's list, each with their summary, and each person shown audited in the
	 * same transaction as the read.
	 */
	@Transactional
	List<Shown> shown(List<Candidate> page, String username, String pageName) {
		java.util.Map<NhsNumber, uk.nhs.bob.primarycare.population.PersonSummary> people = new java.util.HashMap<>();
		population.findAll(page.stream().map(Candidate::nhsNumber).toList())
			.forEach(p -> people.put(p.nhsNumber(), p));
		List<Shown> shown = page.stream()
			.filter(c -> people.containsKey(c.nhsNumber()))
			.map(c -> new Shown(c, people.get(c.nhsNumber())))
			.toList();
		auditLog.recordViews(username, shown.stream().map(s -> s.person().nhsNumber()).toList(), pageName,
				"Direct care: INT candidates");
		return shown;
	}

	private final uk.nhs.bob.primarycare.population.Population population;

	Candidates(JdbcClient jdbc, FrailtyRules rules, CohortDefinitionRepository definitions, AuditLog auditLog,
			uk.nhs.bob.primarycare.population.Population population) {
		this.population = population;
		this.jdbc = jdbc;
		this.frailtyIndex = rules.frailtyIndex();
		this.definitions = definitions;
		this.auditLog = auditLog;
	}

	/**
	 * One candidate of the team, for a member deciding on them: the view of their register data is audited in the
	 * same transaction. Empty if they are not (or no longer) a candidate of the team.
	 */
	@Transactional
	Optional<Candidate> review(Team team, NhsNumber nhsNumber, String username) {
		Optional<Candidate> candidate = candidates(team).stream().filter(c -> c.nhsNumber().equals(nhsNumber)).findFirst();
		candidate.ifPresent(c -> auditLog.recordView(username, nhsNumber, "INT candidate review",
				"Direct care: INT case finding"));
		return candidate;
	}

	public List<Candidate> candidates(Team team) {
		List<CohortDefinition> active = definitions.findByTeamIdAndActiveTrueOrderByName(team.getId());
		if (active.isEmpty()) {
			return List.of();
		}
		List<String> alternatives = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		params.add(team.getSiteCode());
		for (CohortDefinition definition : active) {
			alternatives.add(condition(definition.criteria(), params));
		}
		Set<String> onCaseload = new HashSet<>(jdbc.sql("""
				SELECT nhs_number FROM neighbourhood.caseload_entry WHERE team_id = ? AND status <> 'DISCHARGED'""")
			.param(team.getId())
			.query(String.class)
			.list());
		Set<String> dismissed = new HashSet<>(jdbc.sql("""
				SELECT nhs_number || '|' || fingerprint FROM neighbourhood.candidate_dismissal WHERE team_id = ?""")
			.param(team.getId())
			.query(String.class)
			.list());
		List<Profile> profiles = jdbc.sql(SELECT + " WHERE site_code = ? AND ((" + String.join(") OR (", alternatives)
				+ "))")
			.params(params)
			.query((rs, i) -> profile(rs))
			.list();
		List<Candidate> candidates = new ArrayList<>();
		for (Profile profile : profiles) {
			if (onCaseload.contains(profile.nhsNumber().value())
					|| dismissed.contains(profile.nhsNumber().value() + "|" + profile.fingerprint())) {
				continue;
			}
			List<String> matched = active.stream()
				.filter(d -> d.criteria().matches(profile))
				.map(d -> d.criteria().name())
				.toList();
			if (!matched.isEmpty()) {
				candidates.add(new Candidate(profile, matched, reasons(profile)));
			}
		}
		candidates.sort(RANKING);
		return candidates;
	}

	static final Comparator<Candidate> RANKING = Comparator
		.comparing((Candidate c) -> c.profile().efiDeficits() == null ? -1 : c.profile().efiDeficits())
		.reversed()
		.thenComparing(Comparator.comparingInt((Candidate c) -> c.profile().longTermConditions()).reversed())
		.thenComparing(Comparator.comparingInt((Candidate c) -> c.profile().unplannedAdmissions()).reversed())
		.thenComparing(c -> c.nhsNumber().value());

	/** The register row of one person in the team's site, if they are in the register. */
	public Optional<Profile> profile(Team team, NhsNumber nhsNumber) {
		return profile(team.getSiteCode(), nhsNumber);
	}

	/** The SQL condition of one definition (the Java check in {@link CohortCriteria#matches} is the same rule). */
	private static String condition(CohortCriteria criteria, List<Object> params) {
		List<String> parts = new ArrayList<>();
		if (criteria.minimumFrailty() != null) {
			List<String> categories = Arrays.stream(FrailtyCategory.values())
				.filter(c -> c.atLeast(criteria.minimumFrailty()))
				.map(c -> "'" + c.name() + "'")
				.toList();
			parts.add("efi_category IN (" + String.join(", ", categories) + ")");
		}
		if (criteria.minimumLongTermConditions() != null) {
			parts.add("long_term_conditions >= ?");
			params.add(criteria.minimumLongTermConditions());
		}
		if (criteria.unplannedAdmissionRequired()) {
			parts.add("unplanned_admissions_12m > 0");
		}
		if (criteria.minimumAeAttendances() != null) {
			parts.add("ae_attendances_12m >= ?");
			params.add(criteria.minimumAeAttendances());
		}
		if (criteria.register() != null) {
			parts.add("position(? in ',' || registers || ',') > 0");
			params.add("," + criteria.register().name() + ",");
		}
		if (criteria.mostDeprivedQuintiles() != null) {
			parts.add("imd_quintile <= ?");
			params.add(criteria.mostDeprivedQuintiles());
		}
		return parts.isEmpty() ? "FALSE" : String.join(" AND ", parts);
	}

	/** Why the profile qualifies, in words: the eFI with its deficits, conditions, admissions, registers, IMD. */
	public List<String> reasons(Profile profile) {
		return keptReasons.get(profile, this::reasonsOf);
	}

	private List<String> reasonsOf(Profile profile) {
		List<String> reasons = new ArrayList<>();
		if (profile.efiDeficits() != null) {
			FrailtyIndex.Result result = frailtyIndex.result(profile.deficitNumbers());
			reasons.add(result.explanation() + ": "
					+ String.join(", ", result.found().stream().map(FrailtyIndex.Deficit::name).toList()));
		}
		if (profile.longTermConditions() > 0) {
			reasons.add(profile.longTermConditions() + (profile.longTermConditions() == 1 ? " long-term condition"
					: " long-term conditions"));
		}
		if (profile.unplannedAdmissions() > 0) {
			reasons.add(profile.unplannedAdmissions() + (profile.unplannedAdmissions() == 1
					? " unplanned admission" : " unplanned admissions") + " in the last 12 months (latest "
					+ PlanText.date(profile.lastUnplannedAdmission()) + ")");
		}
		if (profile.aeAttendances() > 0) {
			reasons.add(profile.aeAttendances() + (profile.aeAttendances() == 1 ? " A&E attendance" : " A&E attendances")
					+ " in the last 12 months (latest " + PlanText.date(profile.lastAeAttendance()) + ")");
		}
		if (!profile.registers().isEmpty()) {
			reasons.add("Registers: " + String.join(", ", profile.registers().stream().map(Register::title).toList()));
		}
		reasons.add("IMD quintile " + profile.imdQuintile() + (profile.imdQuintile() == 1 ? " (Core20)" : ""));
		return List.copyOf(reasons);
	}

	private static Profile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
		String numbers = rs.getString("deficit_numbers");
		String category = rs.getString("efi_category");
		int deficits = rs.getInt("efi_deficits");
		boolean hasEfi = !rs.wasNull();
		return new Profile(new NhsNumber(rs.getString("nhs_number")), new OdsCode(rs.getString("practice_code")), rs.getInt("age"),
				rs.getInt("imd_quintile"), hasEfi ? deficits : null,
				category == null ? null : FrailtyCategory.valueOf(category),
				numbers == null || numbers.isEmpty() ? List.of()
						: Arrays.stream(numbers.split(",")).map(Integer::valueOf).toList(),
				rs.getInt("long_term_conditions"), rs.getInt("unplanned_admissions_12m"),
				rs.getObject("last_unplanned_admission", LocalDate.class), rs.getString("fingerprint"),
				rs.getString("rule_version"), rs.getInt("ae_attendances_12m"),
				rs.getObject("last_ae_attendance", LocalDate.class), registers(rs.getString("registers")));
	}

	private static Set<Register> registers(@Nullable String names) {
		Set<Register> registers = EnumSet.noneOf(Register.class);
		if (names != null && !names.isBlank()) {
			for (String name : names.split(",")) {
				// a register the population module no longer has is left out until the next refresh
				Arrays.stream(Register.values()).filter(r -> r.name().equals(name)).forEach(registers::add);
			}
		}
		return registers;
	}

	/** The register row of one person in a site (a team's), if they are in its register. */
	public Optional<Profile> profile(String siteCode, NhsNumber nhsNumber) {
		return jdbc.sql(SELECT + " WHERE site_code = ? AND nhs_number = ?")
			.params(siteCode, nhsNumber.value())
			.query((rs, i) -> profile(rs))
			.optional();
	}

	/** Records a dismissal of the person's current qualifying data. */
	@Transactional
	void dismiss(Team team, Profile profile, String reason, String username) {
		jdbc.sql("""
				INSERT INTO neighbourhood.candidate_dismissal (id, team_id, nhs_number, fingerprint, reason,
				  dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, now())""")
			.params(UUID.randomUUID(), team.getId(), profile.nhsNumber().value(), profile.fingerprint(), reason, username)
			.update();
	}

}
