package uk.nhs.bob.primarycare.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules: 12 characters or more, not the username, not common, not a trivial pattern. */
class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaa", "password1234", "Password1234!", "1234password", "qwertyuiop12",
			"iloveyou2024", "abcabcabcabc", "121212121212", "123456789012", "abcdefghijklm", "asdfghjklzxc",
			"short", "letmein!!!!!!", "sunshine2025" })
	void refusesCommonAndTrivialPasswords(String password) {
		assertThat(PasswordPolicy.problem("casey", password)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery", "tarn-ochre-pelican", "Kettle7Moorland!Spoon",
			"demo-password" })
	void acceptsLongUncommonPasswords(String password) {
		assertThat(PasswordPolicy.problem("casey", password)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "casey.jones!!", "my-casey.jones-pass" })
	void refusesThePasswordThatHoldsTheUsername(String password) {
		assertThat(PasswordPolicy.problem("casey.jones", password)).contains("Password must not contain the username");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "aaaaaaaaaaaa" })
	void saysWhyInPlainWords(String password) {
		assertThat(PasswordPolicy.problem("casey", password).orElseThrow()).doesNotContain("Exception")
			.contains("choose another");
	}

}
