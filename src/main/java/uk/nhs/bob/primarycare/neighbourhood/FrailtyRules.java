package uk.nhs.bob.primarycare.neighbourhood;

import org.springframework.stereotype.Component;

/** The clinical rule data of this module, loaded once: the eFI deficits and the long-term condition code sets. */
@Component
class FrailtyRules {

	private final FrailtyIndex frailtyIndex = FrailtyIndex.standard();

	private final LongTermConditions longTermConditions = LongTermConditions.standard();

	FrailtyIndex frailtyIndex() {
		return frailtyIndex;
	}

	LongTermConditions longTermConditions() {
		return longTermConditions;
	}

}
