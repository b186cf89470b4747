package uk.nhs.bob.primarycare.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Forms are records bound through their constructors. When a posted value cannot be converted to a component's type
 * (text for a number, a plain value for a nested group such as one weekday's opening hours, text for a file), Spring
 * leaves no form behind the binding errors (or none at all), and the page would fail with a 500 as soon as it adds an
 * error. This gives the handler a form (empty where nothing could be read) and errors that belong to it, each value
 * that could not be read as a field error in plain words, so the page comes back with the NHS.UK error summary.
 */
@Component
class FormRecordFallback implements BeanPostProcessor {

	static final String UNREADABLE = "This value could not be read: check it and enter it again";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
			List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
			for (HandlerMethodArgumentResolver resolver : adapter.getArgumentResolvers()) {
				resolvers.add(resolver instanceof ServletModelAttributeMethodProcessor processor
						? new Fallback(processor) : resolver);
			}
			adapter.setArgumentResolvers(resolvers);
		}
		return bean;
	}

	record Fallback(ServletModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return delegate.supportsParameter(parameter);
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) throws Exception {
			Object argument;
			try {
				argument = delegate.resolveArgument(parameter, container, request, binderFactory);
			}
			catch (IndexOutOfBoundsException | NumberFormatException ex) {
				// a list index beyond the binder's limit (goals[256]) or beyond a number (goals[99999999999]):
				// Spring fails building the list
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A list index in the form is out of range");
			}
			Class<?> type = parameter.getParameterType();
			if (container == null || !type.isRecord()) {
				return argument;
			}
			String name = ModelFactory.getNameForParameter(parameter);
			BindingResult failed = (BindingResult) container.getModel().get(BindingResult.MODEL_KEY_PREFIX + name);
			if (argument != null && (failed == null || failed.getTarget() != null)) {
				return argument;
			}
			// the form could not be constructed from what was posted: Spring leaves no target behind its errors
			Object empty = rebuilt(type, argument);
			BeanPropertyBindingResult result = new BeanPropertyBindingResult(empty, name);
			if (failed != null) {
				for (FieldError error : failed.getFieldErrors()) {
					String field = error.getField().contains(".") ? error.getField().substring(0,
							error.getField().indexOf('.')) : error.getField();
					if (result.getFieldErrorCount(field) == 0) {
						// a module's own words for the field (its binding error processor) are kept; Spring's are not
						result.rejectValue(field, "unreadable", plainWords(error) ? error.getDefaultMessage() : UNREADABLE);
					}
				}
			}
			if (!result.hasErrors()) {
				result.reject("unreadable", "The form could not be read: check your answers and try again");
			}
			if (binderFactory != null && (parameter.hasParameterAnnotation(jakarta.validation.Valid.class)
					|| parameter.hasParameterAnnotation(org.springframework.validation.annotation.Validated.class))) {
				// the rules of the form still apply to what could be read, so the page names every problem
				var binder = binderFactory.createBinder(request, empty, name);
				binder.validate();
				for (FieldError error : binder.getBindingResult().getFieldErrors()) {
					if (result.getFieldErrorCount(error.getField()) == 0) {
						result.addError(error);
					}
				}
			}
			container.getModel().remove(name);
			container.getModel().remove(BindingResult.MODEL_KEY_PREFIX + name);
			container.addAttribute(name, empty);
			container.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
			return empty;
		}

		private static boolean plainWords(FieldError error) {
			String[] codes = error.getCodes();
			return error.getDefaultMessage() != null && codes != null && java.util.Arrays.stream(codes)
				.noneMatch(code -> code.startsWith("typeMismatch") || code.startsWith("methodInvocation")
						|| code.startsWith("missing"));
		}

		/**
		 * The record with what could be read kept and the rest empty: an empty list or set, null, or zero and false
		 * for primitives.
		 */
		private static Object rebuilt(Class<?> type, @Nullable Object read) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] types = new Class<?>[components.length];
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				Object value = null;
				if (read != null) {
					try {
						components[i].getAccessor().setAccessible(true);
						value = components[i].getAccessor().invoke(read);
					}
					catch (ReflectiveOperationException | RuntimeException ex) {
						value = null;
					}
				}
				if (value instanceof List<?> list) {
					// rows that could not be read are dropped, not kept as holes
					value = list.stream().filter(java.util.Objects::nonNull).toList();
				}
				if (value == null) {
					value = types[i] == boolean.class ? false : types[i].isPrimitive() ? zero(types[i])
							: types[i] == List.class ? List.of() : types[i] == java.util.Set.class ? java.util.Set.of()
									: null;
				}
				values[i] = value;
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(types);
				constructor.setAccessible(true);
				return constructor.newInstance(values);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form could not be read");
			}
		}

		private static Object zero(Class<?> primitive) {
			if (primitive == long.class) {
				return 0L;
			}
			if (primitive == int.class) {
				return 0;
			}
			if (primitive == double.class) {
				return 0d;
			}
			if (primitive == float.class) {
				return 0f;
			}
			if (primitive == short.class) {
				return (short) 0;
			}
			if (primitive == byte.class) {
				return (byte) 0;
			}
			return '\0';
		}

	}

}
