package uk.nhs.bob.primarycare.directory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a synthetic but BOB-shaped organisation structure for demonstrations and tests: 16 PCNs in 13
 * neighbourhood sites across the three Places, with 3 practices each. Codes are in ranges no real organisation uses
 * (practices K8x9xx, PCNs U9xxxx), and every name carries the town it serves so the geography reads true.
 */
@Component
public class DirectoryDemoData {

	record Practice(String ods, String name, String postcode) {
	}

	record Pcn(String ods, String name, List<Practice> practices) {
	}

	record Site(String code, String name, String place, List<Pcn> pcns) {
	}

	static final List<Site> SITES = List.of(
			// Buckinghamshire (14Y)
			site("BK-AYL", "Aylesbury neighbourhood", "14Y",
					pcn("U91001", "Aylesbury Town PCN", p("K82901", "Meadowcroft Surgery", "HP19 9HP"),
							p("K82902", "Oakfield Medical Centre", "HP20 1UN"),
							p("K82903", "Bierton Road Practice", "HP21 7LS")),
					pcn("U91002", "Aylesbury Vale North PCN", p("K82904", "Buckingham Health Centre", "MK18 1NU"),
							p("K82905", "Winslow Surgery", "MK18 3JS"),
							p("K82906", "Waddesdon Practice", "HP18 0JU"))),
			site("BK-WYC", "High Wycombe neighbourhood", "14Y",
					pcn("U91003", "Wycombe Central PCN", p("K82907", "Desborough Road Surgery", "HP11 2PL"),
							p("K82908", "Castlefield Practice", "HP12 3LE"),
							p("K82909", "Totteridge Health Centre", "HP13 7LJ"))),
			site("BK-MBE", "Marlow and Beaconsfield neighbourhood", "14Y",
					pcn("U91004", "Marlow and Beaconsfield PCN", p("K82910", "Marlow Medical Group", "SL7 1AA"),
							p("K82911", "Beaconsfield Surgery", "HP9 1JN"),
							p("K82912", "Bourne End Practice", "SL8 5PS"))),
			site("BK-ACH", "Amersham and Chesham neighbourhood", "14Y",
					pcn("U91005", "Chiltern Villages PCN", p("K82913", "Amersham Health Centre", "HP6 5AY"),
							p("K82914", "Chesham Broadway Practice", "HP5 1DD"),
							p("K82915", "Chalfont Surgery", "SL9 9QA"))),
			// Oxfordshire (10Q)
			site("OX-CTY", "Oxford City neighbourhood", "10Q",
					pcn("U92001", "Oxford North and Jericho PCN", p("K84901", "Jericho Health Centre", "OX2 6NW"),
							p("K84902", "Summertown Surgery", "OX2 7BY"),
							p("K84903", "Headington Practice", "OX3 9DU")),
					pcn("U92002", "Oxford Leys and Rose Hill PCN", p("K84904", "Leys Health Centre", "OX4 6JQ"),
							p("K84905", "Rose Hill Surgery", "OX4 4JP"),
							p("K84906", "Cowley Road Medical Practice", "OX4 1XD"))),
			site("OX-BAN", "Banbury neighbourhood", "10Q",
					pcn("U92003", "Banbury PCN", p("K84907", "Horsefair Surgery", "OX16 0AA"),
							p("K84908", "Grimsbury Practice", "OX16 3LX"),
							p("K84909", "Bloxham Surgery", "OX15 4PF"))),
			site("OX-BIC", "Bicester neighbourhood", "10Q",
					pcn("U92004", "Bicester PCN", p("K84910", "Bicester Health Centre", "OX26 6AT"),
							p("K84911", "Langford Village Practice", "OX26 6SL"),
							p("K84912", "Kidlington Surgery", "OX5 2DR"))),
			site("OX-SOU", "Abingdon and Didcot neighbourhood", "10Q",
					pcn("U92005", "Abingdon PCN", p("K84913", "Abbey House Surgery", "OX14 3JJ"),
							p("K84914", "Berinsfield Practice", "OX10 7NW"),
							p("K84915", "Wallingford Medical Centre", "OX10 0JH")),
					pcn("U92006", "Didcot PCN", p("K84916", "Didcot Ladygrove Practice", "OX11 7GA"),
							p("K84917", "Woodlands Medical Centre", "OX11 7EZ"),
							p("K84918", "Wantage Health Centre", "OX12 7AH"))),
			site("OX-WOX", "West Oxfordshire neighbourhood", "10Q",
					pcn("U92007", "Witney PCN", p("K84919", "Windrush Surgery", "OX28 6JS"),
							p("K84920", "Nuffield Practice", "OX28 5BJ"),
							p("K84921", "Carterton Health Centre", "OX18 3SE"))),
			// Berkshire West (15A)
			site("BW-RDG", "Reading Central neighbourhood", "15A",
					pcn("U93001", "Reading Central PCN", p("K81901", "Broad Street Practice", "RG1 2BH"),
							p("K81902", "Oxford Road Surgery", "RG1 7QQ"),
							p("K81903", "Whitley Villa Surgery", "RG2 7QR")),
					pcn("U93002", "Reading West PCN", p("K81904", "Tilehurst Surgery", "RG31 5DA"),
							p("K81905", "Southcote Practice", "RG30 3ED"),
							p("K81906", "Caversham Medical Centre", "RG4 8JS"))),
			site("BW-WOK", "Wokingham neighbourhood", "15A",
					pcn("U93003", "Wokingham PCN", p("K81907", "Wokingham Medical Centre", "RG40 1XS"),
							p("K81908", "Woosehill Practice", "RG41 3DA"),
							p("K81909", "Woodley Centre Surgery", "RG5 4JZ"))),
			site("BW-NEW", "Newbury and Thatcham neighbourhood", "15A",
					pcn("U93004", "Newbury PCN", p("K81910", "Strawberry Hill Practice", "RG14 1JB"),
							p("K81911", "Kingsclere Road Surgery", "RG14 7LL"),
							p("K81912", "Hungerford Surgery", "RG17 0HY")),
					pcn("U93005", "Thatcham and Theale PCN", p("K81913", "Thatcham Medical Practice", "RG19 3SJ"),
							p("K81914", "Theale Practice", "RG7 5AH"),
							p("K81915", "Burghfield Surgery", "RG30 3XU"))),
			site("BW-WBE", "West Berkshire Downs neighbourhood", "15A",
					pcn("U93006", "Downland PCN", p("K81916", "Compton Surgery", "RG20 6NJ"),
							p("K81917", "Pangbourne Practice", "RG8 7DY"),
							p("K81918", "Mortimer Surgery", "RG7 3SQ"))));

	private final JdbcClient jdbc;

	DirectoryDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether organisations below Place level exist already (demo data is created once). */
	@Transactional(readOnly = true)
	public boolean present() {
		return jdbc.sql("SELECT count(*) FROM directory.neighbourhood_site").query(Long.class).single() > 0;
	}

	@Transactional
	public void create() {
		for (Site site : SITES) {
			jdbc.sql("INSERT INTO directory.neighbourhood_site (code, name, place_code) VALUES (?, ?, ?)")
				.params(site.code(), site.name(), site.place())
				.update();
			for (Pcn pcn : site.pcns()) {
				jdbc.sql("INSERT INTO directory.pcn (ods_code, name, site_code) VALUES (?, ?, ?)")
					.params(pcn.ods(), pcn.name(), site.code())
					.update();
				for (Practice practice : pcn.practices()) {
					jdbc.sql("INSERT INTO directory.practice (ods_code, name, postcode, pcn_code) VALUES (?, ?, ?, ?)")
						.params(practice.ods(), practice.name(), practice.postcode(), pcn.ods())
						.update();
				}
			}
		}
	}

	private static Site site(String code, String name, String place, Pcn... pcns) {
		return new Site(code, name, place, List.of(pcns));
	}

	private static Pcn pcn(String ods, String name, Practice... practices) {
		return new Pcn(ods, name, List.of(practices));
	}

	private static Practice p(String ods, String name, String postcode) {
		return new Practice(ods, name, postcode);
	}

}
