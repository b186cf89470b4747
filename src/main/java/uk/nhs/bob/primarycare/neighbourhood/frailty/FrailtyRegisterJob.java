package uk.nhs.bob.primarycare.neighbourhood.frailty;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes the frailty register every night on one instance, after the day's records have arrived. */
@Component
class FrailtyRegisterJob {

	private final FrailtyRegister register;

	FrailtyRegisterJob(FrailtyRegister register) {
		this.register = register;
	}

	@Scheduled(cron = "${primarycare.neighbourhood.frailty-refresh-cron:0 30 2 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "neighbourhood-frailty-register", lockAtMostFor = "PT1H", lockAtLeastFor = "PT20S")
	public void nightly() {
		register.refresh("nightly job");
	}

}
