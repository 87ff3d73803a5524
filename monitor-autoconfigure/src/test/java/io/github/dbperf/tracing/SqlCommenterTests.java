package io.github.dbperf.tracing;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.internal.InternalFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sqlcommenter format and dbperf's rules, without a database.
 */
class SqlCommenterTests {

	private final SqlCommenter commenter = new SqlCommenter("shop");

	@Test
	void keysAreSortedAndKeysAndValuesUrlEncoded() {
		Map<String, String> tags = new TreeMap<>(Map.of("route", "GET /authors/{id}", "framework", "spring",
				"application", "it's", "db_repository", "AuthorRepository.findById"));
		assertThat(SqlCommenter.serialize(tags)).isEqualTo("/*application='it%27s',"
				+ "db_repository='AuthorRepository.findById',framework='spring',route='GET%20%2Fauthors%2F%7Bid%7D'*/");
	}

	@Test
	void theCommentGoesLastBeforeATrailingSemicolon() {
		assertThat(SqlCommenter.append("select 1", "/*a='b'*/")).isEqualTo("select 1 /*a='b'*/");
		assertThat(SqlCommenter.append("select 1 ; \n", "/*a='b'*/")).isEqualTo("select 1  /*a='b'*/;");
	}

	@Test
	void aStatementOutsideAnyUnitOfWorkAndRepositoryCallIsSentAsItIs() {
		String sql = "select 1";
		assertThat(this.commenter.apply(sql)).isSameAs(sql);
	}

	@Test
	void aStatementWithACommentOfItsOwnIsSentAsItIs() {
		try (Scope unit = DbPerf.scope("import")) {
			assertThat(this.commenter.apply("/* mine */ select 1")).isEqualTo("/* mine */ select 1");
			assertThat(this.commenter.apply("select 1 -- mine")).isEqualTo("select 1 -- mine");
		}
	}

	@Test
	void aCommentIsBuiltOnceForEachStatementAndRoute() {
		String sql = new String("select * from author where id = ?");
		String first;
		try (Scope unit = DbPerf.scope("nightly import")) {
			first = this.commenter.apply(sql);
			assertThat(first).isEqualTo(
					"select * from author where id = ? /*application='shop',framework='spring',route='nightly%20import'*/");
			assertThat(this.commenter.apply(new String(sql))).isSameAs(first);
		}
		try (Scope unit = DbPerf.scope("other")) {
			assertThat(this.commenter.apply(sql)).isNotSameAs(first).endsWith("route='other'*/");
		}
	}

	@Test
	void theTraceparentGoesLastAndOnlyWhereTheCommentIsDbperfs() {
		String[] traceparent = { "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
		SqlCommenter traced = new SqlCommenter("shop", new TraceIds() {

			@Override
			public TraceId current() {
				return null;
			}

			@Override
			public String traceparent() {
				return traceparent[0];
			}

		});
		try (Scope unit = DbPerf.scope("import")) {
			assertThat(traced.apply("select 1")).isEqualTo("select 1 /*application='shop',framework='spring',"
					+ "route='import',traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'*/");
			assertThat(traced.apply("select 1;")).endsWith("-01'*/;");
			assertThat(traced.apply("/* mine */ select 1")).isEqualTo("/* mine */ select 1");
			traceparent[0] = null;
			assertThat(traced.apply("select 1"))
				.isEqualTo("select 1 /*application='shop',framework='spring',route='import'*/");
		}
	}

	@Test
	void inARequestTheHandlerIsTheControllerAndTheAction() throws Exception {
		Method show = ShelfController.class.getDeclaredMethod("show");
		try (UnitOfWork unit = new UnitsOfWork(new InternalFailures()).begin(() -> "GET /shelves/{id}", () -> show)) {
			assertThat(this.commenter.apply("select 2")).isEqualTo("select 2 /*action='show',application='shop',"
					+ "controller='ShelfController',framework='spring',route='GET%20%2Fshelves%2F%7Bid%7D'*/");
		}
	}

	static class ShelfController {

		void show() {
		}

	}

}
