package uk.nhs.bob.primarycare.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * The directory's read API for other modules: the organisation hierarchy Place, neighbourhood site, PCN, practice.
 * Each method is one statement, so none opens a transaction of its own (called within a caller's transaction, it
 * reads in that one).
 */
@Component
public class Directory {

	private static final String PRACTICE_SELECT = """
			SELECT pr.ods_code, pr.name, pr.postcode, pc.ods_code AS pcn_code, pc.name AS pcn_name,
			       s.code AS site_code, s.name AS site_name, pl.code AS place_code, pl.name AS place_name
			FROM directory.practice pr
			JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
			JOIN directory.neighbourhood_site s ON s.code = pc.site_code
			JOIN directory.place pl ON pl.code = s.place_code
			""";

	private static final String PCN_SELECT = """
			SELECT pc.ods_code, pc.name, s.code AS site_code, s.name AS site_name, pl.code AS place_code,
			       pl.name AS place_name
			FROM directory.pcn pc
			JOIN directory.neighbourhood_site s ON s.code = pc.site_code
			JOIN directory.place pl ON pl.code = s.place_code
			""";

	private final JdbcClient jdbc;

	Directory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PlaceSummary> places() {
		return jdbc.sql("SELECT code, name FROM directory.place ORDER BY name")
			.query((rs, i) -> new PlaceSummary(rs.getString("code"), rs.getString("name")))
			.list();
	}

	public Optional<PlaceSummary> place(String code) {
		return jdbc.sql("SELECT code, name FROM directory.place WHERE code = ?")
			.param(code)
			.query((rs, i) -> new PlaceSummary(rs.getString("code"), rs.getString("name")))
			.optional();
	}

	public List<SiteSummary> sites() {
		return jdbc.sql("""
				SELECT s.code, s.name, pl.code AS place_code, pl.name AS place_name
				FROM directory.neighbourhood_site s JOIN directory.place pl ON pl.code = s.place_code
				ORDER BY pl.name, s.name""")
			.query((rs, i) -> new SiteSummary(rs.getString("code"), rs.getString("name"), rs.getString("place_code"),
					rs.getString("place_name")))
			.list();
	}

	public Optional<SiteSummary> site(String code) {
		return jdbc.sql("""
				SELECT s.code, s.name, pl.code AS place_code, pl.name AS place_name
				FROM directory.neighbourhood_site s JOIN directory.place pl ON pl.code = s.place_code
				WHERE s.code = ?""")
			.param(code)
			.query((rs, i) -> new SiteSummary(rs.getString("code"), rs.getString("name"), rs.getString("place_code"),
					rs.getString("place_name")))
			.optional();
	}

	public List<PcnSummary> pcns() {
		return jdbc.sql(PCN_SELECT + " ORDER BY pl.name, pc.name").query(Directory::pcn).list();
	}

	public Optional<PcnSummary> pcn(String odsCode) {
		return jdbc.sql(PCN_SELECT + " WHERE pc.ods_code = ?").param(odsCode).query(Directory::pcn).optional();
	}

	public List<PracticeSummary> practices() {
		return jdbc.sql(PRACTICE_SELECT + " ORDER BY pl.name, pc.name, pr.name").query(Directory::practice).list();
	}

	public Optional<PracticeSummary> practice(OdsCode odsCode) {
		return jdbc.sql(PRACTICE_SELECT + " WHERE pr.ods_code = ?")
			.param(odsCode.value())
			.query(Directory::practice)
			.optional();
	}

	private static PcnSummary pcn(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PcnSummary(rs.getString("ods_code"), rs.getString("name"), rs.getString("site_code"),
				rs.getString("site_name"), rs.getString("place_code"), rs.getString("place_name"));
	}

	private static PracticeSummary practice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PracticeSummary(new OdsCode(rs.getString("ods_code")), rs.getString("name"),
				new Postcode(rs.getString("postcode")), rs.getString("pcn_code"), rs.getString("pcn_name"),
				rs.getString("site_code"), rs.getString("site_name"), rs.getString("place_code"),
				rs.getString("place_name"));
	}

}
