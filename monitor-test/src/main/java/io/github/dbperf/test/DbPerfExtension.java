package io.github.dbperf.test;

import java.util.Arrays;
import java.util.Optional;

import io.github.dbperf.capture.Operation;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

/**
 * Records the statements of each test method itself (not of its {@code @BeforeEach} and
 * {@code @AfterEach} methods), checks {@link ExpectStatements}, and injects the
 * {@link RecordedStatements} into test methods that declare it. In a Spring test
 * ({@code @SpringBootTest}, {@code @DataJpaTest}) it records the test's application
 * context only.
 */
public class DbPerfExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

	private static final boolean springTestPresent = ClassUtils.isPresent(
			"org.springframework.test.context.junit.jupiter.SpringExtension", DbPerfExtension.class.getClassLoader());

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(DbPerfExtension.class);

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		RecordedStatements recording = isSpringTest(context)
				? RecordedStatements.start(SpringExtension.getApplicationContext(context)) : RecordedStatements.start();
		context.getStore(NAMESPACE).put(RecordedStatements.class, recording);
	}

	private static boolean isSpringTest(ExtensionContext context) {
		return springTestPresent && context.getTestClass()
			.map((type) -> MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
				.stream(ExtendWith.class)
				.anyMatch((extendWith) -> Arrays.asList(extendWith.getClassArray("value"))
					.contains(SpringExtension.class)))
			.orElse(false);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		RecordedStatements recorded = context.getStore(NAMESPACE)
			.remove(RecordedStatements.class, RecordedStatements.class);
		if (recorded == null) {
			return;
		}
		recorded.stop();
		Optional<ExpectStatements> expected = findExpectation(context);
		if (expected.isPresent() && context.getExecutionException().isEmpty()) {
			verify(recorded, expected.get());
		}
	}

	static void verify(RecordedStatements recorded, ExpectStatements expected) {
		RecordedStatementsAssert assertion = DbPerfAssertions.assertThat(recorded);
		if (expected.select() >= 0) {
			assertion.hasCount(Operation.SELECT, expected.select());
		}
		if (expected.insert() >= 0) {
			assertion.hasCount(Operation.INSERT, expected.insert());
		}
		if (expected.update() >= 0) {
			assertion.hasCount(Operation.UPDATE, expected.update());
		}
		if (expected.delete() >= 0) {
			assertion.hasCount(Operation.DELETE, expected.delete());
		}
		if (expected.total() >= 0) {
			assertion.hasStatementCount(expected.total());
		}
		if (!expected.nPlusOne()) {
			assertion.hasNoNPlusOne();
		}
	}

	private static Optional<ExpectStatements> findExpectation(ExtensionContext context) {
		Optional<ExpectStatements> onMethod = context.getTestMethod()
			.map((method) -> AnnotatedElementUtils.findMergedAnnotation(method, ExpectStatements.class));
		if (onMethod.isPresent()) {
			return onMethod;
		}
		return context.getTestClass()
			.map((type) -> AnnotatedElementUtils.findMergedAnnotation(type, ExpectStatements.class));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RecordedStatements.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(RecordedStatements.class, RecordedStatements.class);
	}

}
