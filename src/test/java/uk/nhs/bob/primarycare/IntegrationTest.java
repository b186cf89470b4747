package uk.nhs.bob.primarycare;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application, served on a random port, on the test PostgreSQL with demo data and real security, plus a {@code MockMvcTester}.
 * Every test that uses it shares one cached Spring context, so keep extra configuration (mock beans, properties)
 * off the test classes. SQL statements are counted per request ({@link StatementCounting}); API tests get access
 * tokens from the token endpoint ({@link ApiTokens}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ StatementCounting.class, ApiTokens.class })
public @interface IntegrationTest {

}
