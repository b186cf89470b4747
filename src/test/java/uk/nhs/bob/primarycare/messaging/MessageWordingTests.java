package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What messages say and to which numbers they may go: no Spring, no database. */
class MessageWordingTests {

	static final OpeningHours HUB = OpeningHours.parse("MON-FRI 08:00-18:30");

	/** Friday 4 December 2026. */
	static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

	@ParameterizedTest
	@CsvSource({ "07700 900123, 07700900123", "+44 7700 900123, 07700900123", "0044 7700-900123, 07700900123",
			"447700900123, 07700900123", "(07624) 123456, 07624123456", "07911 123456, 07911123456" })
	void ukMobilesAreAcceptedHoweverTheyAreTyped(String typed, String stored) {
		assertThat(MobileNumber.parse(typed)).contains(new MobileNumber(stored));
	}

	@ParameterizedTest
	@CsvSource({ "01296 123456", "020 7946 0000", "07012 345678", "07612 345678", "0770090012", "077009001234",
			"abc", "''" })
	void landlinesPersonalNumbersPagersAndNonsenseAreNotMobiles(String typed) {
		assertThat(MobileNumber.parse(typed)).isEmpty();
	}

	@Test
	void aRequestWhileTheHubIsOpenIsLookedAtTodayAndTheClosingTimeIsSaid() {
		assertThat(TriageMessages.nextSteps(Disposition.PHARMACY_FIRST, HUB, FRIDAY.atTime(10, 15)))
			.isEqualTo("The hub is open now, until 6:30pm. A care coordinator will look at your request today and "
					+ "contact you.");
		assertThat(TriageMessages.nextSteps(Disposition.URGENT_GP_SAME_DAY, HUB, FRIDAY.atTime(18, 25)))
			.isEqualTo("The hub is open now, until 6:30pm. A care coordinator will phone you back today.");
	}

	@Test
	void outOfHoursTheNextOpeningIsSaidWithNhs111Meanwhile() {
		assertThat(TriageMessages.nextSteps(Disposition.GP_ROUTINE, HUB, FRIDAY.atTime(18, 30)))
			.isEqualTo("The hub is closed now. A care coordinator will look at your request when it opens, on Monday "
					+ "7 December at 8am, and contact you. If you need help before then, use NHS 111 online or call "
					+ "111.");
		assertThat(TriageMessages.nextSteps(Disposition.GP_ROUTINE, HUB, FRIDAY.plusDays(1).atTime(9, 0)))
			.startsWith("The hub is closed now.").contains("on Monday 7 December at 8am");
		assertThat(TriageMessages.nextSteps(Disposition.GP_ROUTINE, HUB, FRIDAY.minusDays(1).atTime(22, 0)))
			.contains("when it opens, tomorrow at 8am");
		assertThat(TriageMessages.nextSteps(Disposition.GP_ROUTINE, HUB, FRIDAY.atTime(7, 0)))
			.contains("when it opens, today at 8am");
	}

	@Test
	void aHubWithNoHoursPromisesNoTime() {
		assertThat(TriageMessages.nextSteps(Disposition.GP_ROUTINE, OpeningHours.none(), FRIDAY.atTime(10, 0)))
			.isEqualTo("The hub has not listed its opening hours, so we cannot say when it will see your request. "
					+ "If you need help soon, use NHS 111 online or call 111.");
	}

	@Test
	void anEmergencySuggestionSaysWhatToDoNowWhateverTheHour() {
		assertThat(TriageMessages.nextSteps(Disposition.EMERGENCY_999, HUB, FRIDAY.atTime(10, 0)))
			.isEqualTo("From your answers, you may need emergency care. Call 999 now. Do not wait for us to contact you.");
		assertThat(TriageMessages.nextSteps(Disposition.EYE_CASUALTY, HUB, FRIDAY.plusDays(1).atTime(3, 0)))
			.contains("Go to eye casualty now.");
	}

	@Test
	void openingHoursSayWhenAPeriodClosesAndWhenTheNextOpens() {
		OpeningHours hours = OpeningHours.parse("MON-FRI 08:00-13:00 14:00-18:30", "SAT 09:00-12:00");
		assertThat(hours.closesAfter(FRIDAY.atTime(12, 59))).contains(LocalTime.of(13, 0));
		assertThat(hours.closesAfter(FRIDAY.atTime(13, 30))).isEmpty();
		assertThat(hours.nextOpening(FRIDAY.atTime(13, 30))).contains(FRIDAY.atTime(14, 0));
		assertThat(hours.nextOpening(FRIDAY.atTime(19, 0))).contains(FRIDAY.plusDays(1).atTime(9, 0));
		assertThat(OpeningHours.none().nextOpening(FRIDAY.atTime(9, 0))).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse("WEEKDAYS 8-6"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse("MON 08:00"));
	}

	@Test
	void timesAndOpeningAreWrittenTheNhsWay() {
		assertThat(Wording.time(LocalTime.of(8, 0))).isEqualTo("8am");
		assertThat(Wording.time(LocalTime.of(18, 30))).isEqualTo("6:30pm");
		assertThat(Wording.time(LocalTime.NOON)).isEqualTo("midday");
		OpeningHours pharmacy = OpeningHours.parse("MON-FRI 09:00-18:00");
		assertThat(Wording.openNow(pharmacy, FRIDAY.atTime(10, 0))).isEqualTo("Open now, until 6pm.");
		assertThat(Wording.openNow(pharmacy, FRIDAY.atTime(19, 0))).isEqualTo("Closed now. Opens on Monday 7 December at 9am.");
		assertThat(Wording.openNow(OpeningHours.none(), FRIDAY.atTime(10, 0)))
			.isEqualTo("No regular opening hours are listed: phone before you go.");
		assertThat(Wording.today(pharmacy, FRIDAY.plusDays(1))).isEqualTo("Closed Saturday.");
		assertThat(Wording.today(pharmacy, FRIDAY)).isEqualTo("Open today: 9am to 6pm.");
		assertThat(Wording.today(OpeningHours.parse("MON-SUN 00:00-24:00"), FRIDAY)).isEqualTo("Open 24 hours today.");
	}

	@Test
	void everyTemplateTextRendersWithItsFieldsAndARenderingWithAFieldMissingFails() {
		TemplateTexts texts = new TemplateTexts();
		for (NotifyTemplate template : NotifyTemplate.values()) {
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			texts.fields(template).forEach(f -> fields.put(f, "<" + f + ">"));
			assertThat(fields).as(template.propertyName()).isNotEmpty();
			TemplateTexts.Rendered rendered = texts.render(template, fields);
			assertThat(rendered.body()).doesNotContain("((").contains("<" + fields.keySet().iterator().next() + ">");
			assertThat(rendered.subject() != null).as(template.propertyName() + " has a subject")
				.isEqualTo(template.channel() == Channel.EMAIL);
		}
		assertThat(texts.fields(NotifyTemplate.TRIAGE_OUTCOME_SMS)).containsExactly("reference", "where_to_go",
				"service", "safety_net", "follow_up_date");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> texts.render(NotifyTemplate.FREE_TEXT_SMS, Map.of("message", "Hello")))
			.withMessage("No value for ((hub_name))");
	}

	@Test
	void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
		NotifyProperties properties = new NotifyProperties(null, "https://api.notifications.service.gov.uk", null, null,
				Duration.ofSeconds(10), Duration.ofSeconds(30), 8, Duration.ofSeconds(30), Duration.ofMinutes(5),
				Duration.ofSeconds(5), 4, 3000);
		assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.configured()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifyProperties("not-a-key", "https://x", null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, 1)).withMessageContaining("primarycare.notify.api-key");
	}

	@Test
	void theSenderNeverCallsNotifyMoreThanItsLimitInAnyMinute() {
		// a backlog taken as fast as tokens come, on a clock that moves 10 ms a step, over three minutes
		AtomicLong nanos = new AtomicLong();
		TimeMeter clock = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				return nanos.get();
			}

			@Override
			public boolean isWallClockBased() {
				return false;
			}
		};
		Bucket bucket = NotifySender.rateLimit(3000, clock);
		long step = Duration.ofMillis(10).toNanos();
		List<Long> sentAt = new ArrayList<>();
		for (long t = 0; t < Duration.ofMinutes(3).toNanos(); t += step) {
			nanos.set(t);
			while (bucket.tryConsume(1)) {
				sentAt.add(t);
			}
		}
		long minute = Duration.ofMinutes(1).toNanos();
		int busiest = 0;
		for (int first = 0, last = 0; last < sentAt.size(); last++) {
			while (sentAt.get(last) - sentAt.get(first) >= minute) {
				first++;
			}
			busiest = Math.max(busiest, last - first + 1);
		}
		// Notify refuses (429) more than 3,000 in 60 seconds; pacing keeps under it without wasting the limit
		assertThat(busiest).isBetween(2950, 3000);
	}

	@Test
	void nearerMeansMoreOfThePostcodeShared() {
		var from = uk.nhs.bob.primarycare.shared.Postcode.parse("HP20 1AA").orElseThrow();
		assertThat(NearbyServices.closeness(from, new uk.nhs.bob.primarycare.shared.Postcode("HP20 1ZZ"))).isEqualTo(3);
		assertThat(NearbyServices.closeness(from, new uk.nhs.bob.primarycare.shared.Postcode("HP20 2AB"))).isEqualTo(2);
		assertThat(NearbyServices.closeness(from, new uk.nhs.bob.primarycare.shared.Postcode("HP19 8AB"))).isEqualTo(1);
		assertThat(NearbyServices.closeness(from, new uk.nhs.bob.primarycare.shared.Postcode("OX4 1AA"))).isZero();
		assertThat(NearbyServices.closeness(null, new uk.nhs.bob.primarycare.shared.Postcode("OX4 1AA"))).isZero();
	}

}
