package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import uk.nhs.bob.primarycare.PrimaryCareApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's own sources and page frame name no feature module's pages: menus, start-page cards and page rules
 * come from each module's {@code ModulePages}. A module added or renamed needs no edit of the platform.
 */
class PlatformNamesNoModuleTests {

	private static final Path PLATFORM = Path.of("src/main/java/uk/nhs/bob/primarycare/platform");

	private static final List<Path> FRAME = List.of(Path.of("src/main/resources/templates/fragments/layout.html"),
			Path.of("src/main/resources/templates/home.html"));

	@Test
	void noPlatformSourceOrFrameTemplateNamesAModulePath() throws IOException {
		List<String> modulePaths = ApplicationModules.of(PrimaryCareApplication.class)
			.stream()
			.map(module -> module.getIdentifier().toString())
			.filter(name -> !name.equals("platform") && !name.equals("shared"))
			.map(name -> "/" + name)
			.toList();
		assertThat(modulePaths).contains("/triage", "/cvd", "/neighbourhood");

		List<Path> sources;
		try (Stream<Path> files = Files.walk(PLATFORM)) {
			sources = Stream.concat(files.filter(file -> file.toString().endsWith(".java")), FRAME.stream()).toList();
		}
		for (Path source : sources) {
			String text = Files.readString(source);
			for (String path : modulePaths) {
				assertThat(text).as("%s names %s", source, path)
					.doesNotContain("\"" + path + "\"", "\"" + path + "/", "'" + path + "'", "'" + path + "/",
							"@{" + path + "}", "@{" + path + "/");
			}
		}
	}

}
