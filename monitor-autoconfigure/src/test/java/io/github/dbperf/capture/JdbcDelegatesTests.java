package io.github.dbperf.capture;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.github.dbperf.capture.JdbcDelegateGenerator.Delegate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC delegates in {@code src/main/java} are what {@link JdbcDelegateGenerator}
 * writes: a change to the generator, a core or the JDK's {@code java.sql} fails here
 * until they are written again ({@code -Ddbperf.regenerate=true}, then
 * {@code spring-javaformat:apply}).
 */
class JdbcDelegatesTests {

	private static final Path SOURCES = Path.of("src/main/java");

	static final List<Delegate> DELEGATES = JdbcDelegateGenerator.DELEGATES;

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void theCheckedInDelegateIsWhatTheGeneratorWrites(Delegate delegate) throws IOException {
		String generated = JdbcDelegateGenerator.source(delegate);
		if (Boolean.getBoolean("dbperf.regenerate")) {
			Files.writeString(delegate.source(SOURCES), generated);
		}
		assertThat(withoutWhitespace(Files.readString(delegate.source(SOURCES))))
			.isEqualTo(withoutWhitespace(generated));
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void everyParameterHasAJdbcNameUniqueInItsMethod(Delegate delegate) {
		for (Method method : delegate.jdbcInterface().getMethods()) {
			List<String> names = JdbcParameterNames.of(method);
			assertThat(names).as(method.toString()).hasSize(method.getParameterCount());
			assertThat(new HashSet<>(names)).as(method.toString()).hasSameSizeAs(names);
			assertThat(names).as(method.toString()).noneMatch((name) -> name.matches("(a|arg)\\d+"));
		}
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void theGeneratedClassImplementsTheWholeInterface(Delegate delegate) throws ClassNotFoundException {
		Class<?> generated = Class.forName("io.github.dbperf.capture." + delegate.name());
		assertThat(Modifier.isAbstract(generated.getModifiers())).isFalse();
		assertThat(generated.getSuperclass()).isEqualTo(delegate.core());
		assertThat(delegate.jdbcInterface()).isAssignableFrom(generated);
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void eachExecuteMethodIsTimedOnSuccessAndOnFailure(Delegate delegate) throws ClassNotFoundException {
		Class<?> generated = Class.forName("io.github.dbperf.capture." + delegate.name());
		long executions = Arrays.stream(generated.getDeclaredMethods())
			.filter((method) -> method.getName().startsWith("execute") && !method.getName().contains("Batch"))
			.count();
		String source = JdbcDelegateGenerator.source(delegate);
		assertThat(source.split("executed\\(", -1)).hasSize((int) (2 * executions + 1));
		assertThat(source.split("System.nanoTime\\(\\)", -1)).hasSize((int) (executions + 1));
		if (Statement.class.isAssignableFrom(delegate.jdbcInterface())
				&& delegate.jdbcInterface() != CallableStatement.class) {
			assertThat(executions).isPositive();
		}
	}

	/** The source without whitespace and the leading stars of comment lines. */
	private static String withoutWhitespace(String source) {
		return source.replaceAll("(?m)^\\s*\\*(?!/)", "").replaceAll("\\s+", "");
	}

}
