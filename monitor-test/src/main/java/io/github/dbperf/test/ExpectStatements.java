package io.github.dbperf.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins a test's statement budget: the statements every monitored DataSource executed
 * while the test method ran are counted and checked when it ends. A negative value (the
 * default) leaves that count unchecked. On a class, it applies to every test method.
 * <pre class="code">
 * &#64;Test
 * &#64;ExpectStatements(select = 2, nPlusOne = false)
 * void listPageRunsTwoSelects() { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DbPerfExtension.class)
public @interface ExpectStatements {

	/** SELECT statements expected. */
	int select() default -1;

	/** INSERT statements expected. */
	int insert() default -1;

	/** UPDATE statements expected. */
	int update() default -1;

	/** DELETE statements expected. */
	int delete() default -1;

	/** Statements of any kind expected. */
	int total() default -1;

	/** Whether an N+1 pattern is allowed ({@code false}: the test fails on one). */
	boolean nPlusOne() default false;

}
