package uk.nhs.bob.primarycare.triage;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The triage APIs read their bodies strictly: a number where text is expected, text or a fraction where a whole
 * number is expected ({@code "5"}, {@code 1.5}) and anything but {@code true}/{@code false} for a yes/no answer are
 * errors naming the field, not quietly converted. Other APIs keep the application's mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiJson implements WebMvcConfigurer {

	private static final Class<?>[] STRICT_BODIES = { RequestApi.RequestBodyV1.class,
			NavigationApiController.NavigationRequest.class };

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConverters(converter -> {
			if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
				JsonMapper strict = strict(jackson.getMapper());
				for (Class<?> body : STRICT_BODIES) {
					jackson.registerMappersForType(body, mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
				}
			}
		});
	}

	static JsonMapper strict(JsonMapper base) {
		return base.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

}
