package uk.nhs.bob.primarycare.cvd;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every CVD page can show ClinRisk's disclaimer next to a score, as the QRISK3 licence requires. */
@ControllerAdvice(assignableTypes = { CvdController.class, CvdPersonController.class, WorklistController.class,
		CalculatorController.class, DashboardController.class })
class CvdPageAdvice {

	@ModelAttribute("qriskDisclaimer")
	String qriskDisclaimer() {
		return Qrisk3.DISCLAIMER;
	}

}
