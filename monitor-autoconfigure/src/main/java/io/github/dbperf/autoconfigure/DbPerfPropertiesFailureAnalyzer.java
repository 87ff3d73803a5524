package io.github.dbperf.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains a bad {@code dbperf.*} value at startup: the property, the value as written,
 * where it came from and what is allowed. Values of the wrong type come from the binder's
 * conversion failure; values out of range from the errors of {@link DbPerfProperties}'
 * validation, whose default message is what is allowed.
 */
class DbPerfPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!cause.getName().toString().startsWith("dbperf")) {
			return null;
		}
		if (cause.getCause() instanceof BindValidationException validation) {
			return rejected(validation, cause);
		}
		ConfigurationProperty property = cause.getProperty();
		String name = (property != null) ? property.getName().toString() : cause.getName().toString();
		return analysis(name, property, allowed(cause), cause);
	}

	/**
	 * The first value the validation rejected.
	 */
	private static FailureAnalysis rejected(BindValidationException validation, BindException cause) {
		for (ObjectError error : validation.getValidationErrors()) {
			if (error instanceof FieldError field) {
				ConfigurationPropertyName name = validation.getValidationErrors()
					.getName()
					.append(DataObjectPropertyName.toDashedForm(field.getField()));
				ConfigurationProperty property = validation.getValidationErrors()
					.getBoundProperties()
					.stream()
					.filter((bound) -> bound.getName().equals(name))
					.findFirst()
					.orElse(null);
				return analysis(name.toString(), property, field.getDefaultMessage(), cause);
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(String name, ConfigurationProperty property, String allowed,
			BindException cause) {
		Object value = (property != null) ? property.getValue() : null;
		String description = "Invalid value '" + value + "' for property '" + name + "'"
				+ ((property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "");
		return new FailureAnalysis(description, "Set '" + name + "' to one of the allowed values: " + allowed
				+ ". See the dbperf configuration table in the README.", cause);
	}

	/**
	 * What a value of the property's type can be: an enum's constants, otherwise its
	 * type.
	 */
	private static String allowed(BindException cause) {
		Class<?> type = cause.getTarget().getType().resolve();
		if (type != null && type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		return "a value of type " + ((type != null) ? type.getSimpleName() : "?");
	}

}
