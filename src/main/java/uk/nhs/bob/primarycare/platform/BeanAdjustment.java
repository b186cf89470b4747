package uk.nhs.bob.primarycare.platform;

import java.util.function.BiConsumer;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adjusts every bean of one type once it is initialised: for a setting of a bean Spring Boot makes that has no property
 * of its own. Declare the result as a {@code static @Bean} so it is in place before the beans it adjusts.
 */
final class BeanAdjustment {

	private BeanAdjustment() {
	}

	/** Gives each initialised bean of this type, with its name, to the adjustment. */
	static <T> BeanPostProcessor of(Class<T> type, BiConsumer<T, String> adjustment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (type.isInstance(bean)) {
					adjustment.accept(type.cast(bean), beanName);
				}
				return bean;
			}

		};
	}

}
