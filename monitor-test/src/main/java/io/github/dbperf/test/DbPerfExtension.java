package io.github.dbperf.test;

import java.util.Optional;

import io.github.dbperf.capture.Operation;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Records statements around each test method, checks {@link ExpectStatements}, and
 * injects the {@link RecordedStatements} into test methods that declare it.
 */
public class DbPerfExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DbPerfExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(RecordedStatements.class, RecordedStatements.start());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		RecordedStatements recorded = context.getStore(NAMESPACE).remove(RecordedStatements.class,
				RecordedStatements.class);
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
