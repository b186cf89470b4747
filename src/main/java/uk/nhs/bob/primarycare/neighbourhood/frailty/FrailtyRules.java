package uk.nhs.bob.primarycare.neighbourhood.frailty;

import org.springframework.stereotype.Component;

/** The clinical rule data of this module, loaded once: the eFI deficits and the long-term condition code sets. */
@Component
public class FrailtyRules {

	private final FrailtyIndex frailtyIndex = FrailtyIndex.standard();

	private final LongTermConditions longTermConditions = LongTermConditions.standard();

	public FrailtyIndex frailtyIndex() {
		return frailtyIndex;
	}

	LongTermConditions longTermConditions() {
		return longTermConditions;
	}

}
