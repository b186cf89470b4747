package uk.nhs.bob.primarycare.programme.sites;

/** Where a local action team member comes from: the four pillars of primary care, then the partners. */
public enum Sector {

	GENERAL_PRACTICE("General practice", true), COMMUNITY_PHARMACY("Community pharmacy", true),
	OPTOMETRY("Optometry", true), DENTISTRY("Dentistry", true), COMMUNITY("Community services", false),
	MENTAL_HEALTH("Mental health", false), ACUTE("Acute hospital", false),
	VCSE("Voluntary, community and social enterprise", false), LOCAL_AUTHORITY("Local authority", false);

	private final String label;

	private final boolean pillar;

	Sector(String label, boolean pillar) {
		this.label = label;
		this.pillar = pillar;
	}

	public String label() {
		return label;
	}

	public boolean pillar() {
		return pillar;
	}

}
