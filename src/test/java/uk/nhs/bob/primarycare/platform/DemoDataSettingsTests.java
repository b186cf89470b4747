package uk.nhs.bob.primarycare.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataSettingsTests {

	@Test
	void onByDefaultWithTheEmbeddedDatabase() {
		assertThat(DemoDataSettings.enabled(new MockEnvironment())).isTrue();
	}

	@Test
	void offByDefaultWithAConfiguredServer() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db/primarycare");
		assertThat(DemoDataSettings.enabled(environment)).isFalse();
	}

	@Test
	void theSettingOverridesBothWays() {
		assertThat(DemoDataSettings.enabled(new MockEnvironment().withProperty("primarycare.demo.enabled", "false")))
			.isFalse();
		assertThat(DemoDataSettings.enabled(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/primarycare")
			.withProperty("primarycare.demo.enabled", "true"))).isTrue();
	}

}
