package uk.nhs.bob.primarycare.identity;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.PracticeSummary;

/**
 * The part of BOB whose people a user may see: the whole ICB, one Place, one neighbourhood site or one PCN.
 */
public record OrganisationScope(Level level, @Nullable String code) implements java.io.Serializable {

	public enum Level {

		ICB, PLACE, SITE, PCN

	}

	public static final OrganisationScope ICB = new OrganisationScope(Level.ICB, null);

	public OrganisationScope {
		if ((level == Level.ICB) != (code == null)) {
			throw new IllegalArgumentException("The ICB scope has no code; every other scope needs one");
		}
	}

	public static OrganisationScope place(String code) {
		return new OrganisationScope(Level.PLACE, code);
	}

	public static OrganisationScope site(String code) {
		return new OrganisationScope(Level.SITE, code);
	}

	public static OrganisationScope pcn(String code) {
		return new OrganisationScope(Level.PCN, code);
	}

	/** Whether people registered at this practice are inside the scope. */
	public boolean covers(PracticeSummary practice) {
		return switch (level) {
			case ICB -> true;
			case PLACE -> practice.placeCode().equals(code);
			case SITE -> practice.siteCode().equals(code);
			case PCN -> practice.pcnCode().equals(code);
		};
	}

	/** Whether a Place lies wholly inside the scope (only the ICB or that Place itself). */
	public boolean coversPlace(String placeCode) {
		return level == Level.ICB || (level == Level.PLACE && placeCode.equals(code));
	}

	/** Whether a neighbourhood site lies wholly inside the scope. */
	public boolean coversSite(String siteCode, String placeCode) {
		return coversPlace(placeCode) || (level == Level.SITE && siteCode.equals(code));
	}

}
