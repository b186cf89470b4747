package uk.nhs.bob.primarycare.terminology;

import java.util.Set;

/**
 * Whether a number is a well-formed SNOMED CT identifier (dm+d identifiers are SNOMED CT identifiers too): 6 to 18
 * digits, the partition identifier of a concept, description or relationship in the two digits before the last, and a
 * Verhoeff check digit last (SNOMED CT Technical Implementation Guide, "SCTID" and "Check-digit computation").
 */
public final class SnomedIdentifiers {

	private static final Set<String> PARTITIONS = Set.of("00", "01", "02", "10", "11", "12");

	private static final int[][] DIHEDRAL = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
			{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
			{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
			{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };

	/** Verhoeff's permutations: the identity, then each the one before applied after the first. */
	private static final int[][] PERMUTATION = new int[8][10];

	static {
		int[] first = { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 };
		for (int j = 0; j < 10; j++) {
			PERMUTATION[0][j] = j;
		}
		for (int i = 1; i < 8; i++) {
			for (int j = 0; j < 10; j++) {
				PERMUTATION[i][j] = PERMUTATION[i - 1][first[j]];
			}
		}
	}

	private SnomedIdentifiers() {
	}

	public static boolean wellFormed(String number) {
		if (number.length() < 6 || number.length() > 18 || !number.chars().allMatch(Character::isDigit)
				|| !PARTITIONS.contains(number.substring(number.length() - 3, number.length() - 1))) {
			return false;
		}
		int check = 0;
		for (int i = 0; i < number.length(); i++) {
			int digit = number.charAt(number.length() - 1 - i) - '0';
			check = DIHEDRAL[check][PERMUTATION[i % 8][digit]];
		}
		return check == 0;
	}

}
