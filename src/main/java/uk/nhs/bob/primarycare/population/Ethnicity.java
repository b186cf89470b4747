package uk.nhs.bob.primarycare.population;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 19 ethnic groups of the 2021 Census for England and Wales (ONS), plus not stated, each mapped to the nine
 * ethnicity groups QRISK3 uses (Hippisley-Cox et al., BMJ 2017;357:j2099).
 * <p>
 * Codes: the 16 groups the 2021 Census shares with 2001 keep their NHS Data Dictionary ETHNIC CATEGORY letter (A
 * White British ... S any other ethnic group, Z not stated). The three groups new in 2021 (Gypsy or Irish Traveller,
 * Roma, Arab) take a two-character code under the letter of the 2001 group that held them (C = any other White, S =
 * any other ethnic group), the way the Data Dictionary allows local sub-codes.
 * <p>
 * QRISK3 has no mixed or other Black group: those go to 9 (other), as do Arab and any other group. White groups
 * and not stated go to 1. Chinese moved to the Asian heading in 2021 but stays its own QRISK3 group (8).
 */
public enum Ethnicity {

	WHITE_BRITISH("A", "White: English, Welsh, Scottish, Northern Irish or British", QriskEthnicity.WHITE_OR_NOT_STATED),
	WHITE_IRISH("B", "White: Irish", QriskEthnicity.WHITE_OR_NOT_STATED),
	WHITE_GYPSY_OR_IRISH_TRAVELLER("C1", "White: Gypsy or Irish Traveller", QriskEthnicity.WHITE_OR_NOT_STATED),
	WHITE_ROMA("C2", "White: Roma", QriskEthnicity.WHITE_OR_NOT_STATED),
	WHITE_OTHER("C", "White: Other White", QriskEthnicity.WHITE_OR_NOT_STATED),
	MIXED_WHITE_AND_BLACK_CARIBBEAN("D", "Mixed or Multiple: White and Black Caribbean", QriskEthnicity.OTHER),
	MIXED_WHITE_AND_BLACK_AFRICAN("E", "Mixed or Multiple: White and Black African", QriskEthnicity.OTHER),
	MIXED_WHITE_AND_ASIAN("F", "Mixed or Multiple: White and Asian", QriskEthnicity.OTHER),
	MIXED_OTHER("G", "Mixed or Multiple: Other Mixed or Multiple ethnic groups", QriskEthnicity.OTHER),
	ASIAN_INDIAN("H", "Asian or Asian British: Indian", QriskEthnicity.INDIAN),
	ASIAN_PAKISTANI("J", "Asian or Asian British: Pakistani", QriskEthnicity.PAKISTANI),
	ASIAN_BANGLADESHI("K", "Asian or Asian British: Bangladeshi", QriskEthnicity.BANGLADESHI),
	ASIAN_CHINESE("R", "Asian or Asian British: Chinese", QriskEthnicity.CHINESE),
	ASIAN_OTHER("L", "Asian or Asian British: Other Asian", QriskEthnicity.OTHER_ASIAN),
	BLACK_CARIBBEAN("M", "Black, Black British, Caribbean or African: Caribbean", QriskEthnicity.BLACK_CARIBBEAN),
	BLACK_AFRICAN("N", "Black, Black British, Caribbean or African: African", QriskEthnicity.BLACK_AFRICAN),
	BLACK_OTHER("P", "Black, Black British, Caribbean or African: Other Black", QriskEthnicity.OTHER),
	OTHER_ARAB("S1", "Other ethnic group: Arab", QriskEthnicity.OTHER),
	OTHER_ANY("S", "Other ethnic group: Any other ethnic group", QriskEthnicity.OTHER),
	NOT_STATED("Z", "Not stated", QriskEthnicity.WHITE_OR_NOT_STATED);

	private final String code;

	private final String label;

	private final QriskEthnicity qrisk;

	Ethnicity(String code, String label, QriskEthnicity qrisk) {
		this.code = code;
		this.label = label;
		this.qrisk = qrisk;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The QRISK3 ethnicity group. */
	public QriskEthnicity qrisk() {
		return qrisk;
	}

	/** Whether this is one of the 19 census groups (every value except {@link #NOT_STATED}). */
	public boolean isCensusCategory() {
		return this != NOT_STATED;
	}

	public static Optional<Ethnicity> ofCode(String code) {
		return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
	}

	/** The nine QRISK3 ethnicity groups with the number the QRISK3 algorithm expects (ethrisk). */
	public enum QriskEthnicity {

		WHITE_OR_NOT_STATED(1, "White or not stated"), INDIAN(2, "Indian"), PAKISTANI(3, "Pakistani"),
		BANGLADESHI(4, "Bangladeshi"), OTHER_ASIAN(5, "Other Asian"), BLACK_CARIBBEAN(6, "Black Caribbean"),
		BLACK_AFRICAN(7, "Black African"), CHINESE(8, "Chinese"), OTHER(9, "Other ethnic group");

		private final int number;

		private final String label;

		QriskEthnicity(int number, String label) {
			this.number = number;
			this.label = label;
		}

		public int number() {
			return number;
		}

		public String label() {
			return label;
		}

	}

}
