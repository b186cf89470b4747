package uk.nhs.bob.primarycare.population;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * NHS numbers for synthetic people, in increasing order within the 999 test range (NHS Digital reserves 999 000 0000
 * to 999 999 9999 for testing), skipping nine-digit stems whose Modulus 11 check digit would be 10. The 999 range
 * holds only 909,091 valid numbers; a larger population (the whole ICS is about 2 million) continues in 998, then 997,
 * which are not issued in England either.
 */
final class SyntheticNhsNumbers {

	private int block = 999;

	private int offset = -1;

	String next() {
		while (true) {
			offset++;
			if (offset == 1_000_000) {
				offset = 0;
				block--;
			}
			String stem = block + String.format("%06d", offset);
			Integer check = NhsNumber.checkDigit(stem);
			if (check != null) {
				return stem + check;
			}
		}
	}

}
