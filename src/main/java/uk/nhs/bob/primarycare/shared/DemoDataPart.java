package uk.nhs.bob.primarycare.shared;

/**
 * One module's share of the demo data. The platform runs every part in {@code @Order} (directory 10, population 20,
 * identity 30, then the feature modules from 40), creating a part only when it is not already there, so a module
 * brings its own demo data without the platform knowing its types.
 */
public interface DemoDataPart {

	/** Whether this part's demo data already exists (a restart creates nothing again). */
	boolean present();

	/** Creates this part's demo data; the parts ordered before it already exist. */
	void create();

}
