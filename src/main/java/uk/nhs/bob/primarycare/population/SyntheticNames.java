package uk.nhs.bob.primarycare.population;

import java.util.SplittableRandom;

/** Given and family names for synthetic people, loosely matched to their ethnic group so the demo reads true. */
final class SyntheticNames {

	private static final String[] BRITISH_FEMALE = { "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace",
			"Lily", "Freya", "Ella", "Charlotte", "Poppy", "Evie", "Jessica", "Hannah", "Lucy", "Sarah", "Emma",
			"Rachel", "Claire", "Helen", "Karen", "Susan", "Julie", "Margaret", "Patricia", "Jean", "Joan", "Dorothy",
			"Elizabeth", "Catherine", "Alice", "Rebecca", "Laura", "Nicola", "Joanne", "Gillian", "Pauline", "Wendy",
			"Ruth" };

	private static final String[] BRITISH_MALE = { "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Oscar",
			"Charlie", "Jacob", "Thomas", "James", "William", "Daniel", "Matthew", "David", "Paul", "Mark", "Andrew",
			"Richard", "Stephen", "Peter", "John", "Michael", "Robert", "Christopher", "Ian", "Simon", "Gary",
			"Kevin", "Colin", "Brian", "Keith", "Graham", "Alan", "Derek", "Kenneth", "Edward", "Samuel", "Joseph",
			"Benjamin" };

	private static final String[] BRITISH_FAMILY = { "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
			"Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
			"Hall", "Wood", "Jackson", "Clarke", "Harris", "Lewis", "Clark", "Turner", "Hill", "Cooper", "Ward",
			"Morris", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel", "Young", "Allen", "Mitchell",
			"James", "Anderson", "Phillips", "Lee", "Bell", "Parker", "Davis", "Cook", "Bennett", "Shaw", "Carter",
			"Price", "Griffiths", "Edwards", "Hughes", "Kelly", "Cox", "Marshall", "Fisher", "Barnes", "Webb",
			"Pearce", "Mason", "Holmes", "Knight", "Chapman", "Dixon", "Ellis", "Hunt", "Palmer", "Mills", "Rogers",
			"O'Brien", "Lloyd", "Hayward", "Newman", "Wheeler" };

	private static final String[] EUROPEAN_FEMALE = { "Anna", "Maria", "Katarzyna", "Agnieszka", "Elena", "Ioana",
			"Sofia", "Julia", "Giulia", "Ana", "Magdalena", "Aoife", "Siobhan" };

	private static final String[] EUROPEAN_MALE = { "Piotr", "Tomasz", "Jakub", "Andrei", "Mihai", "Marco",
			"Luca", "Pedro", "Jan", "Lukas", "Sean", "Ciaran", "Krzysztof" };

	private static final String[] EUROPEAN_FAMILY = { "Nowak", "Kowalski", "Wisniewski", "Popescu", "Ionescu",
			"Rossi", "Silva", "Santos", "Novak", "Horvat", "Murphy", "O'Sullivan", "Byrne", "Kovacs", "Muller" };

	private static final String[] SOUTH_ASIAN_FEMALE = { "Priya", "Anjali", "Aisha", "Fatima", "Zainab", "Sana",
			"Ayesha", "Nadia", "Meera", "Sunita", "Parveen", "Nasreen", "Shabana", "Ruksana", "Kavita", "Amina" };

	private static final String[] SOUTH_ASIAN_MALE = { "Mohammed", "Ali", "Imran", "Arjun", "Raj", "Sanjay",
			"Amir", "Hassan", "Bilal", "Tariq", "Zubair", "Rahul", "Vikram", "Abdul", "Shahid", "Rizwan" };

	private static final String[] SOUTH_ASIAN_FAMILY = { "Khan", "Hussain", "Ahmed", "Ali", "Patel", "Sharma",
			"Singh", "Begum", "Iqbal", "Akhtar", "Mahmood", "Rahman", "Kaur", "Shah", "Choudhury", "Miah", "Bibi",
			"Gill", "Aslam", "Javed" };

	private static final String[] BLACK_FEMALE = { "Abena", "Adwoa", "Chiamaka", "Ngozi", "Amara", "Folake",
			"Grace", "Blessing", "Tendai", "Marcia", "Janelle", "Shanice", "Precious", "Esther" };

	private static final String[] BLACK_MALE = { "Kwame", "Kofi", "Chinedu", "Emeka", "Tunde", "Oluwaseun",
			"Tendai", "Marcus", "Dwayne", "Delroy", "Samuel", "Daniel", "Joseph", "Ibrahim" };

	private static final String[] BLACK_FAMILY = { "Mensah", "Okafor", "Adeyemi", "Okonkwo", "Boateng", "Asante",
			"Moyo", "Campbell", "Francis", "Grant", "Brown", "Williams", "Osei", "Abubakar", "Mohamed", "Ogunleye" };

	private static final String[] EAST_ASIAN_FEMALE = { "Mei", "Li", "Xin", "Ying", "Hui", "Yan", "Jing", "Lan" };

	private static final String[] EAST_ASIAN_MALE = { "Wei", "Jun", "Hao", "Ming", "Jian", "Lei", "Tao", "Chen" };

	private static final String[] EAST_ASIAN_FAMILY = { "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang",
			"Zhao", "Wong", "Lam", "Cheung", "Ng" };

	private static final String[] ARAB_FEMALE = { "Layla", "Mariam", "Noor", "Huda", "Rania", "Yasmin" };

	private static final String[] ARAB_MALE = { "Omar", "Khalid", "Youssef", "Karim", "Tarek", "Samir" };

	private static final String[] ARAB_FAMILY = { "Haddad", "Mansour", "Nasser", "Saleh", "Khalil", "Hamdan" };

	private SyntheticNames() {
	}

	static String given(SplittableRandom random, Ethnicity ethnicity, Sex sex) {
		boolean female = sex == Sex.FEMALE;
		return switch (group(ethnicity, random)) {
			case EUROPEAN -> Draw.pick(random, female ? EUROPEAN_FEMALE : EUROPEAN_MALE);
			case SOUTH_ASIAN -> Draw.pick(random, female ? SOUTH_ASIAN_FEMALE : SOUTH_ASIAN_MALE);
			case BLACK -> Draw.pick(random, female ? BLACK_FEMALE : BLACK_MALE);
			case EAST_ASIAN -> Draw.pick(random, female ? EAST_ASIAN_FEMALE : EAST_ASIAN_MALE);
			case ARAB -> Draw.pick(random, female ? ARAB_FEMALE : ARAB_MALE);
			case BRITISH -> Draw.pick(random, female ? BRITISH_FEMALE : BRITISH_MALE);
		};
	}

	static String family(SplittableRandom random, Ethnicity ethnicity) {
		return switch (group(ethnicity, random)) {
			case EUROPEAN -> Draw.pick(random, EUROPEAN_FAMILY);
			case SOUTH_ASIAN -> Draw.pick(random, SOUTH_ASIAN_FAMILY);
			case BLACK -> Draw.pick(random, BLACK_FAMILY);
			case EAST_ASIAN -> Draw.pick(random, EAST_ASIAN_FAMILY);
			case ARAB -> Draw.pick(random, ARAB_FAMILY);
			case BRITISH -> Draw.pick(random, BRITISH_FAMILY);
		};
	}

	private enum NameGroup {

		BRITISH, EUROPEAN, SOUTH_ASIAN, BLACK, EAST_ASIAN, ARAB

	}

	private static NameGroup group(Ethnicity ethnicity, SplittableRandom random) {
		return switch (ethnicity) {
			case WHITE_IRISH, WHITE_OTHER, WHITE_ROMA -> NameGroup.EUROPEAN;
			case ASIAN_INDIAN, ASIAN_PAKISTANI, ASIAN_BANGLADESHI, ASIAN_OTHER -> NameGroup.SOUTH_ASIAN;
			case BLACK_AFRICAN, BLACK_CARIBBEAN, BLACK_OTHER -> NameGroup.BLACK;
			case ASIAN_CHINESE -> NameGroup.EAST_ASIAN;
			case OTHER_ARAB -> NameGroup.ARAB;
			case MIXED_WHITE_AND_ASIAN, MIXED_WHITE_AND_BLACK_AFRICAN, MIXED_WHITE_AND_BLACK_CARIBBEAN, MIXED_OTHER,
					OTHER_ANY ->
				random.nextBoolean() ? NameGroup.BRITISH : NameGroup.values()[random.nextInt(NameGroup.values().length)];
			default -> NameGroup.BRITISH;
		};
	}

}
