package io.github.dbperf.attribution;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.dbperf.internal.TypeNames;

/**
 * One overload of a repository method as the application declares or inherits it: what a
 * suggestion needs to name it exactly and to know whether it pages.
 *
 * @param repositoryInterface the application's repository interface
 * @param domainType the entity the repository manages
 * @param method the Java method that ran (possibly declared by a Spring Data interface)
 */
public record RepositorySignature(Class<?> repositoryInterface, Class<?> domainType, Method method) {

	private static final Pattern LIMITING_NAME = Pattern
		.compile("^(find|read|get|query|search|stream)(Distinct)?(Top|First)\\d*.*");

	private static final String[] PAGING_TYPES = { "org.springframework.data.domain.Pageable",
			"org.springframework.data.domain.Limit", "org.springframework.data.domain.ScrollPosition" };

	private static final String[] PAGED_RESULTS = { "org.springframework.data.domain.Page",
			"org.springframework.data.domain.Slice", "org.springframework.data.domain.Window" };

	/**
	 * Whether the method can limit its rows: a {@code Pageable}, {@code Limit} or scroll
	 * parameter, a {@code Page}/{@code Slice}/{@code Window} result, or {@code Top}/
	 * {@code First} in a derived query's name. A collection fetched by such a query is
	 * paged in memory.
	 * @return {@code true} when it pages or limits
	 */
	public boolean pages() {
		for (Class<?> parameter : this.method.getParameterTypes()) {
			if (TypeNames.isA(parameter, PAGING_TYPES)) {
				return true;
			}
		}
		return TypeNames.isA(this.method.getReturnType(), PAGED_RESULTS)
				|| LIMITING_NAME.matcher(this.method.getName()).matches();
	}

	/**
	 * Whether the application's own interface declares it (otherwise a Spring Data
	 * interface such as {@code JpaRepository} does, and annotating it means declaring
	 * it).
	 * @return {@code true} when declared by the application
	 */
	public boolean declaredByApplication() {
		return !this.method.getDeclaringClass().getName().startsWith("org.springframework.data.");
	}

	/**
	 * The overload as a reader finds it: {@code findAll(Pageable)}.
	 * @return name and parameter types
	 */
	public String overload() {
		return this.method.getName() + Arrays.stream(this.method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * The declaration to write into the repository interface:
	 * {@code Page<Vet> findAll(Pageable
	 * pageable)}, the domain type in place of Spring Data's type variable.
	 * @return the Java declaration, without a semicolon
	 */
	public String declaration() {
		Type[] parameters = this.method.getGenericParameterTypes();
		StringBuilder declaration = new StringBuilder(typeName(this.method.getGenericReturnType())).append(' ')
			.append(this.method.getName())
			.append('(');
		for (int i = 0; i < parameters.length; i++) {
			String type = typeName(parameters[i]);
			declaration.append((i > 0) ? ", " : "").append(type).append(' ').append(parameterName(type, i));
		}
		return declaration.append(')').toString();
	}

	private String typeName(Type type) {
		if (type instanceof Class<?> plain) {
			return plain.getSimpleName();
		}
		if (type instanceof TypeVariable<?>) {
			// Spring Data's T is the domain type; its ID the identifier.
			return "T".equals(type.getTypeName()) ? this.domainType.getSimpleName() : "ID";
		}
		if (type instanceof ParameterizedType parameterized) {
			return typeName(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
				.map(this::typeName)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		return type.getTypeName();
	}

	private static String parameterName(String type, int index) {
		String simple = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
		return (simple.isEmpty()) ? "arg" + index : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
	}

}
