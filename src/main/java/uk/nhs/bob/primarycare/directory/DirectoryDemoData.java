package uk.nhs.bob.primarycare.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.DemoDataPart;

import static uk.nhs.bob.primarycare.directory.ServiceOffer.BEFRIENDING;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.BLOOD_PRESSURE_CHECK;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.BOOKABLE_APPOINTMENTS;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.CARERS_SUPPORT;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.DIABETIC_FOOT_CARE;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.DIGITAL_PROGRAMME;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.EAR_WAX_REMOVAL;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.FLU_VACCINATION;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.FOOD_SUPPORT;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.GROUP_SESSIONS;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.HEARING_AID_REPAIR;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.MINOR_EYE_CONDITIONS;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.MONEY_ADVICE;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.NEW_NHS_PATIENTS;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.NHS_SIGHT_TEST;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.ORAL_CONTRACEPTION;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.PHARMACY_FIRST;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.PHYSICAL_ACTIVITY;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.SOCIAL_PRESCRIBING;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.STOP_SMOKING;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.URGENT_DENTAL_CARE;
import static uk.nhs.bob.primarycare.directory.ServiceOffer.X_RAY;
import static uk.nhs.bob.primarycare.directory.ServiceType.AUDIOLOGY;
import static uk.nhs.bob.primarycare.directory.ServiceType.COMMUNITY_PHARMACY;
import static uk.nhs.bob.primarycare.directory.ServiceType.DENTAL_PRACTICE;
import static uk.nhs.bob.primarycare.directory.ServiceType.FIRST_CONTACT_PHYSIOTHERAPY;
import static uk.nhs.bob.primarycare.directory.ServiceType.OPTOMETRIST;
import static uk.nhs.bob.primarycare.directory.ServiceType.PODIATRY;
import static uk.nhs.bob.primarycare.directory.ServiceType.TALKING_THERAPIES;
import static uk.nhs.bob.primarycare.directory.ServiceType.TOBACCO_DEPENDENCY;
import static uk.nhs.bob.primarycare.directory.ServiceType.URGENT_TREATMENT_CENTRE;
import static uk.nhs.bob.primarycare.directory.ServiceType.VCSE;
import static uk.nhs.bob.primarycare.directory.ServiceType.WEIGHT_MANAGEMENT;

/**
 * Creates a synthetic but BOB-shaped organisation structure for demonstrations and tests: 16 PCNs in 13
 * neighbourhood sites across the three Places, with 3 practices each, and a service directory for each Place
 * (pharmacies, optometrists, dentists, a UTC, community services and VCSE organisations) with postcodes in the
 * Place's own areas and typical opening hours. Codes are in ranges no real organisation uses (practices K8x9xx, PCNs
 * U9xxxx, pharmacies FZ9xx, dental practices V99xxxx), and every name carries the town it serves so the geography
 * reads true.
 */
@Component
@Order(10)
public class DirectoryDemoData implements DemoDataPart {

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

	/** A demo service; phone numbers are assigned from the drama range when it is created. */
	record DemoService(ServiceType type, String name, @Nullable String ods, String place, String postcode,
			@Nullable String website, Set<ServiceOffer> offers, boolean acceptsReferrals, boolean selfReferral,
			OpeningHours hours) {
	}

	// Typical weekly patterns. Community pharmacies: most keep a lunch closure or close on Sundays; "100-hour"
	// pharmacies (contracted before 2023 to open at least 100 hours a week) and supermarket pharmacies open late and
	// at weekends. UTCs open at least 12 hours a day, every day.
	static final OpeningHours PHARMACY_LUNCH = hours("MON-FRI 09:00-13:00 14:00-18:00", "SAT 09:00-13:00");

	static final OpeningHours PHARMACY_HIGH_STREET = hours("MON-FRI 09:00-18:30", "SAT 09:00-17:30");

	static final OpeningHours PHARMACY_100_HOUR = hours("MON-SAT 07:00-22:00", "SUN 10:00-20:00");

	static final OpeningHours PHARMACY_SUPERMARKET = hours("MON-FRI 08:00-21:00", "SAT 08:00-20:00",
			"SUN 10:00-16:00");

	static final OpeningHours PHARMACY_VILLAGE = hours("MON-TUE 09:00-12:30 13:30-17:30", "WED 09:00-12:30",
			"THU-FRI 09:00-12:30 13:30-17:30", "SAT 09:00-12:00");

	static final OpeningHours OPTICIAN = hours("MON-FRI 09:00-17:30", "SAT 09:00-17:00");

	static final OpeningHours OPTICIAN_LUNCH = hours("MON-FRI 09:00-13:00 14:00-17:30", "SAT 09:00-13:00");

	static final OpeningHours DENTAL = hours("MON-THU 08:30-13:00 14:00-17:30", "FRI 08:30-13:00");

	static final OpeningHours DENTAL_EXTENDED = hours("MON-FRI 08:00-12:30 13:30-19:00", "SAT 09:00-13:00");

	static final OpeningHours UTC_24_HOURS = hours("MON-SUN 00:00-24:00");

	static final OpeningHours UTC_DAY = hours("MON-SUN 08:00-20:00");

	static final OpeningHours UTC_LATE = hours("MON-SUN 08:00-22:00");

	static final OpeningHours CLINIC = hours("MON-FRI 08:30-17:00");

	static final OpeningHours CLINIC_LUNCH = hours("MON-FRI 09:00-12:30 13:30-17:00");

	static final OpeningHours TALKING_THERAPIES_HOURS = hours("MON-THU 08:00-20:00", "FRI 08:00-17:00");

	static final OpeningHours WEIGHT_HOURS = hours("MON-FRI 09:00-17:00", "TUE 18:00-20:00");

	static final OpeningHours DROP_IN = hours("TUE 10:00-14:00", "THU 10:00-14:00", "SAT 10:00-12:00");

	static final OpeningHours OFFICE = hours("MON-FRI 09:30-16:30");

	static final OpeningHours FOOD_BANK = hours("MON 10:00-12:00", "WED 10:00-12:00 17:00-19:00", "FRI 10:00-12:00");

	/** By appointment or online only: no regular hours to list. */
	static final OpeningHours BY_APPOINTMENT = OpeningHours.none();

	static final List<DemoService> SERVICES = List.of(
			// Buckinghamshire (14Y): Aylesbury, High Wycombe, Marlow, Amersham, Chesham, Buckingham (HP, SL, MK)
			pharmacy("14Y", "Kingsbury Square Pharmacy", "FZ901", "HP20 2PR", PHARMACY_LUNCH, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK),
			pharmacy("14Y", "Walton Court Pharmacy", "FZ902", "HP21 7QY", PHARMACY_100_HOUR, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, ORAL_CONTRACEPTION, STOP_SMOKING),
			pharmacy("14Y", "Broadfields Superstore Pharmacy", "FZ903", "HP19 8AB", PHARMACY_SUPERMARKET,
					PHARMACY_FIRST, FLU_VACCINATION),
			pharmacy("14Y", "Desborough Pharmacy", "FZ904", "HP11 2SE", PHARMACY_HIGH_STREET, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK),
			pharmacy("14Y", "Castlefield Chemist", "FZ905", "HP12 3LF", PHARMACY_LUNCH, PHARMACY_FIRST,
					ORAL_CONTRACEPTION),
			pharmacy("14Y", "Marlow High Street Pharmacy", "FZ906", "SL7 1AX", PHARMACY_HIGH_STREET, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, FLU_VACCINATION),
			pharmacy("14Y", "Chesham Broadway Pharmacy", "FZ907", "HP5 1EG", PHARMACY_LUNCH, PHARMACY_FIRST),
			pharmacy("14Y", "Buckingham Market Pharmacy", "FZ908", "MK18 1EN", PHARMACY_VILLAGE, FLU_VACCINATION),
			optometrist("14Y", "Aylesbury Eye Care", "HP20 1SH", OPTICIAN, MINOR_EYE_CONDITIONS, NHS_SIGHT_TEST),
			optometrist("14Y", "Wycombe Opticians", "HP11 2DL", OPTICIAN_LUNCH, MINOR_EYE_CONDITIONS,
					NHS_SIGHT_TEST),
			optometrist("14Y", "Amersham Vision Centre", "HP6 5DR", OPTICIAN, NHS_SIGHT_TEST),
			dentist("14Y", "Bourbon Street Dental Practice", "V990001", "HP20 2RS", true, DENTAL_EXTENDED,
					URGENT_DENTAL_CARE, NEW_NHS_PATIENTS),
			dentist("14Y", "Totteridge Dental Surgery", "V990002", "HP13 7LW", true, DENTAL, URGENT_DENTAL_CARE),
			dentist("14Y", "Chalfont Dental Care", "V990003", "SL9 9QB", false, DENTAL),
			service(URGENT_TREATMENT_CENTRE, "14Y", "Wycombe Urgent Treatment Centre", "HP11 2TT", true, true,
					UTC_LATE, X_RAY, BOOKABLE_APPOINTMENTS),
			service(FIRST_CONTACT_PHYSIOTHERAPY, "14Y", "Buckinghamshire First Contact Physiotherapy", "HP20 1EQ",
					true, false, CLINIC),
			service(AUDIOLOGY, "14Y", "Chiltern Hearing Centre", "HP6 5AX", true, true, CLINIC_LUNCH,
					EAR_WAX_REMOVAL, HEARING_AID_REPAIR),
			service(PODIATRY, "14Y", "Buckinghamshire Community Podiatry", "HP21 8AL", true, false, CLINIC,
					DIABETIC_FOOT_CARE),
			service(WEIGHT_MANAGEMENT, "14Y", "Healthy Chilterns Weight Management", "HP19 9BS", true, true,
					WEIGHT_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS, PHYSICAL_ACTIVITY),
			service(TOBACCO_DEPENDENCY, "14Y", "Buckinghamshire Stop Smoking Service", "HP20 1UA", true, true,
					OFFICE, STOP_SMOKING, DIGITAL_PROGRAMME),
			service(TALKING_THERAPIES, "14Y", "NHS Talking Therapies Vale and Chilterns", "HP20 1EG", true, true,
					TALKING_THERAPIES_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS),
			service(VCSE, "14Y", "Aylesbury Vale Community Connectors", "HP20 2SA", true, false, OFFICE,
					SOCIAL_PRESCRIBING, BEFRIENDING),
			service(VCSE, "14Y", "Wycombe Carers Network", "HP11 2BH", true, true, DROP_IN, CARERS_SUPPORT),
			service(VCSE, "14Y", "Chiltern Money Advice Centre", "HP5 1BA", false, true, OFFICE, MONEY_ADVICE),
			service(VCSE, "14Y", "Hughenden Community Larder", "HP13 5RE", true, true, FOOD_BANK, FOOD_SUPPORT),
			service(VCSE, "14Y", "Marlow Walking for Health", "SL7 2BY", true, true, BY_APPOINTMENT,
					PHYSICAL_ACTIVITY, GROUP_SESSIONS),

			// Oxfordshire (10Q): Oxford, Banbury, Bicester, Abingdon, Didcot, Witney, Wantage (OX)
			pharmacy("10Q", "Cowley Road Pharmacy", "FZ921", "OX4 1HU", PHARMACY_HIGH_STREET, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, ORAL_CONTRACEPTION),
			pharmacy("10Q", "Summertown Pharmacy", "FZ922", "OX2 7DX", PHARMACY_LUNCH, PHARMACY_FIRST),
			pharmacy("10Q", "Blackbird Leys Pharmacy", "FZ923", "OX4 6HW", PHARMACY_LUNCH, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, STOP_SMOKING),
			pharmacy("10Q", "Banbury Cross Pharmacy", "FZ924", "OX16 5AW", PHARMACY_HIGH_STREET, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK),
			pharmacy("10Q", "Bicester Market Square Pharmacy", "FZ925", "OX26 6AG", PHARMACY_LUNCH, PHARMACY_FIRST,
					FLU_VACCINATION),
			pharmacy("10Q", "Abbey Meadow Pharmacy", "FZ926", "OX14 3HZ", PHARMACY_VILLAGE, FLU_VACCINATION),
			pharmacy("10Q", "Witney Late Pharmacy", "FZ927", "OX28 6BJ", PHARMACY_100_HOUR, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, ORAL_CONTRACEPTION),
			pharmacy("10Q", "Didcot Orchard Superstore Pharmacy", "FZ928", "OX11 7LL", PHARMACY_SUPERMARKET,
					PHARMACY_FIRST, BLOOD_PRESSURE_CHECK),
			optometrist("10Q", "Headington Eye Centre", "OX3 7AP", OPTICIAN, MINOR_EYE_CONDITIONS, NHS_SIGHT_TEST),
			optometrist("10Q", "Banbury Optometrists", "OX16 5LJ", OPTICIAN_LUNCH, MINOR_EYE_CONDITIONS,
					NHS_SIGHT_TEST),
			optometrist("10Q", "Didcot Vision", "OX11 7LB", OPTICIAN, MINOR_EYE_CONDITIONS),
			dentist("10Q", "Jericho Dental Practice", "V990021", "OX2 6DJ", true, DENTAL, URGENT_DENTAL_CARE),
			dentist("10Q", "Grimsbury Dental Care", "V990022", "OX16 3JL", true, DENTAL_EXTENDED, URGENT_DENTAL_CARE,
					NEW_NHS_PATIENTS),
			dentist("10Q", "Wantage Dental Surgery", "V990023", "OX12 8AQ", false, DENTAL),
			service(URGENT_TREATMENT_CENTRE, "10Q", "Abingdon Urgent Treatment Centre", "OX14 1AG", true, true,
					UTC_DAY, X_RAY, BOOKABLE_APPOINTMENTS),
			service(FIRST_CONTACT_PHYSIOTHERAPY, "10Q", "Oxfordshire First Contact Physiotherapy", "OX4 2PH", true,
					false, CLINIC_LUNCH),
			service(AUDIOLOGY, "10Q", "Oxford Hearing Service", "OX3 7LE", true, true, CLINIC, EAR_WAX_REMOVAL,
					HEARING_AID_REPAIR),
			service(PODIATRY, "10Q", "Oxfordshire Community Podiatry", "OX28 6JP", true, false, CLINIC_LUNCH,
					DIABETIC_FOOT_CARE),
			service(WEIGHT_MANAGEMENT, "10Q", "Oxfordshire Healthy Weight Service", "OX1 1HE", true, true,
					WEIGHT_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS),
			service(TOBACCO_DEPENDENCY, "10Q", "Oxfordshire Stop Smoking Service", "OX4 3BX", true, true, OFFICE,
					STOP_SMOKING, DIGITAL_PROGRAMME),
			service(TALKING_THERAPIES, "10Q", "NHS Talking Therapies City and Cherwell", "OX3 7JX", true, true,
					TALKING_THERAPIES_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS),
			service(VCSE, "10Q", "Leys Community Food Hub", "OX4 6JW", true, true, FOOD_BANK, FOOD_SUPPORT),
			service(VCSE, "10Q", "Banbury Carers Centre", "OX16 5AH", true, true, OFFICE, CARERS_SUPPORT),
			service(VCSE, "10Q", "Oxford Befriending Circle", "OX4 1JE", true, false, DROP_IN, BEFRIENDING,
					SOCIAL_PRESCRIBING),
			service(VCSE, "10Q", "West Oxfordshire Money Matters", "OX28 6BE", true, true, OFFICE, MONEY_ADVICE),

			// Berkshire West (15A): Reading, Wokingham, Newbury, Thatcham, Hungerford (RG)
			pharmacy("15A", "Broad Street Mall Pharmacy", "FZ941", "RG1 7QA", PHARMACY_HIGH_STREET, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK),
			pharmacy("15A", "Oxford Road Pharmacy", "FZ942", "RG1 7LJ", PHARMACY_LUNCH, PHARMACY_FIRST,
					STOP_SMOKING),
			pharmacy("15A", "Reading Gate Superstore Pharmacy", "FZ943", "RG2 0HB", PHARMACY_SUPERMARKET,
					PHARMACY_FIRST, BLOOD_PRESSURE_CHECK, FLU_VACCINATION),
			pharmacy("15A", "Caversham Bridge Pharmacy", "FZ944", "RG4 8AH", PHARMACY_LUNCH, PHARMACY_FIRST),
			pharmacy("15A", "Woodley Precinct Pharmacy", "FZ945", "RG5 3DR", PHARMACY_100_HOUR, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK, ORAL_CONTRACEPTION),
			pharmacy("15A", "Wokingham Market Place Pharmacy", "FZ946", "RG40 1AP", PHARMACY_HIGH_STREET,
					PHARMACY_FIRST, ORAL_CONTRACEPTION),
			pharmacy("15A", "Northbrook Street Pharmacy", "FZ947", "RG14 1DJ", PHARMACY_LUNCH, PHARMACY_FIRST,
					BLOOD_PRESSURE_CHECK),
			pharmacy("15A", "Hungerford Village Pharmacy", "FZ948", "RG17 0EF", PHARMACY_VILLAGE, FLU_VACCINATION),
			optometrist("15A", "Reading Eye Clinic", "RG1 2EG", OPTICIAN, MINOR_EYE_CONDITIONS, NHS_SIGHT_TEST),
			optometrist("15A", "Wokingham Opticians", "RG40 1BB", OPTICIAN_LUNCH, MINOR_EYE_CONDITIONS),
			optometrist("15A", "Newbury Eyecare", "RG14 5BX", OPTICIAN, MINOR_EYE_CONDITIONS, NHS_SIGHT_TEST),
			dentist("15A", "Tilehurst Dental Practice", "V990041", "RG31 5DB", true, DENTAL_EXTENDED,
					URGENT_DENTAL_CARE, NEW_NHS_PATIENTS),
			dentist("15A", "Earley Dental Centre", "V990042", "RG6 1AZ", true, DENTAL, URGENT_DENTAL_CARE),
			dentist("15A", "Thatcham Dental Surgery", "V990043", "RG19 3HP", false, DENTAL),
			service(URGENT_TREATMENT_CENTRE, "15A", "Reading Urgent Treatment Centre", "RG1 5AN", true, true,
					UTC_24_HOURS, X_RAY, BOOKABLE_APPOINTMENTS),
			service(FIRST_CONTACT_PHYSIOTHERAPY, "15A", "Berkshire West First Contact Physiotherapy", "RG14 1LN",
					true, false, CLINIC),
			service(AUDIOLOGY, "15A", "Reading Hearing Centre", "RG1 4NJ", true, true, CLINIC_LUNCH, EAR_WAX_REMOVAL,
					HEARING_AID_REPAIR),
			service(PODIATRY, "15A", "Berkshire West Community Podiatry", "RG41 2RE", true, false, CLINIC,
					DIABETIC_FOOT_CARE),
			service(WEIGHT_MANAGEMENT, "15A", "Reading Healthy Weight Programme", "RG1 2LU", true, true,
					WEIGHT_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS, PHYSICAL_ACTIVITY),
			service(TOBACCO_DEPENDENCY, "15A", "Berkshire West Stop Smoking Service", "RG1 7AE", true, true, OFFICE,
					STOP_SMOKING, DIGITAL_PROGRAMME),
			service(TALKING_THERAPIES, "15A", "NHS Talking Therapies Berkshire West", "RG1 4QJ", true, true,
					TALKING_THERAPIES_HOURS, DIGITAL_PROGRAMME, GROUP_SESSIONS),
			service(VCSE, "15A", "Reading Community Connectors", "RG1 3BD", true, false, OFFICE, SOCIAL_PRESCRIBING),
			service(VCSE, "15A", "Wokingham Carers Hub", "RG40 2BP", true, true, DROP_IN, CARERS_SUPPORT),
			service(VCSE, "15A", "Newbury Food Share", "RG14 5DH", true, true, FOOD_BANK, FOOD_SUPPORT),
			service(VCSE, "15A", "West Berkshire Befriending", "RG18 4AZ", true, true, BY_APPOINTMENT, BEFRIENDING));

	private final JdbcClient jdbc;

	DirectoryDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the demo organisations and the demo service directory both exist already (demo data is created once).
	 */
	@Transactional(readOnly = true)
	@Override
	public boolean present() {
		return organisationsPresent() && servicesPresent();
	}

	/** Creates whatever part is missing, so an installation from before the service directory gains it too. */
	@Transactional
	@Override
	public void create() {
		if (!organisationsPresent()) {
			createOrganisations();
		}
		if (!servicesPresent()) {
			createServices();
		}
	}

	private boolean organisationsPresent() {
		return jdbc.sql("SELECT count(*) FROM directory.neighbourhood_site").query(Long.class).single() > 0;
	}

	private boolean servicesPresent() {
		return jdbc.sql("SELECT count(*) FROM directory.service").query(Long.class).single() > 0;
	}

	private void createOrganisations() {
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

	private void createServices() {
		int number = 0;
		for (DemoService service : SERVICES) {
			number++;
			// Ofcom reserves 01632 960000-960999 for drama: numbers that can never ring a real person
			String phone = String.format("01632 960%03d", number);
			long id = jdbc.sql("""
					INSERT INTO directory.service (name, service_type, ods_code, place_code, postcode, phone, website,
					                               accepts_referrals, self_referral)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(service.name(), service.type().name(), service.ods(), service.place(), service.postcode(), phone,
						service.website(), service.acceptsReferrals(), service.selfReferral())
				.query(Long.class)
				.single();
			for (ServiceOffer offer : service.offers()) {
				jdbc.sql("INSERT INTO directory.service_offer (service_id, offer) VALUES (?, ?)")
					.params(id, offer.name())
					.update();
			}
			for (OpeningPeriod period : service.hours().periods()) {
				jdbc.sql("""
						INSERT INTO directory.service_opening_period (service_id, day_of_week, opens_minute, closes_minute)
						VALUES (?, ?, ?, ?)""")
					.params(id, period.day().getValue(), StoredOpeningPeriod.minutes(period.opens()),
							StoredOpeningPeriod.minutes(period.closes()))
					.update();
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

	private static DemoService pharmacy(String place, String name, String ods, String postcode, OpeningHours hours,
			ServiceOffer... offers) {
		return new DemoService(COMMUNITY_PHARMACY, name, ods, place, postcode, null, offerSet(offers), true, true,
				hours);
	}

	private static DemoService optometrist(String place, String name, String postcode, OpeningHours hours,
			ServiceOffer... offers) {
		return new DemoService(OPTOMETRIST, name, null, place, postcode, null, offerSet(offers), true, true, hours);
	}

	private static DemoService dentist(String place, String name, String ods, String postcode,
			boolean acceptsReferrals, OpeningHours hours, ServiceOffer... offers) {
		return new DemoService(DENTAL_PRACTICE, name, ods, place, postcode, null, offerSet(offers), acceptsReferrals,
				true, hours);
	}

	/** Community and VCSE services; each has a website on the reserved .example domain. */
	private static DemoService service(ServiceType type, String place, String name, String postcode,
			boolean acceptsReferrals, boolean selfReferral, OpeningHours hours, ServiceOffer... offers) {
		String website = "https://www." + name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-") + ".example";
		return new DemoService(type, name, null, place, postcode, website, offerSet(offers), acceptsReferrals,
				selfReferral, hours);
	}

	private static Set<ServiceOffer> offerSet(ServiceOffer... offers) {
		Set<ServiceOffer> set = EnumSet.noneOf(ServiceOffer.class);
		set.addAll(Arrays.asList(offers));
		return set;
	}

	/** Weekly hours written as 'MON-FRI 09:00-13:00 14:00-18:00' lines: days, then one or more periods. */
	static OpeningHours hours(String... lines) {
		return OpeningHours.parse(lines);
	}

}
