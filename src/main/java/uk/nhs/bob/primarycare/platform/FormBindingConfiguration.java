package uk.nhs.bob.primarycare.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forms are records bound through their constructors only. Without this, a request parameter naming a nested or
 * indexed property (for example {@code nhsNumber[0]} or {@code familyName.bytes}) makes the binder walk into the
 * record's fields after construction and fail with a 500; with it such parameters are simply ignored.
 * <p>
 * Set once on the binding initializer every binder starts from, rather than by an {@code @InitBinder} method of a
 * controller advice: Spring MVC builds a handler method for each such method on every request, a thirtieth of a
 * page's processor time.
 */
@Configuration(proxyBeanMethods = false)
class FormBindingConfiguration {

	@Bean
	static BeanPostProcessor bindThroughConstructorsOnly() {
		return BeanAdjustment.of(RequestMappingHandlerAdapter.class, (adapter, name) -> {
			if (!(adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer)) {
				throw new IllegalStateException("Forms cannot be bound through their constructors only: " + name
						+ " has no configurable binding initializer");
			}
			initializer.setDeclarativeBinding(true);
		});
	}

}
