package io.github.dbperf.capture;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each database's quoting rules: the statement after a string literal is read as SQL
 * whatever the literal holds.
 */
class SqlQuotingTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					# Spring Data's derived LIKE queries as Hibernate renders them on H2 and PostgreSQL
					select a1_0.id from author a1_0 where a1_0.name like ? escape '\\' fetch first ? rows only | select a1_0.id from author a1_0 where a1_0.name like ? escape ? fetch first ? rows only
					select a1_0.id from author a1_0 where a1_0.name like ? escape '\\' offset ? rows fetch first ? rows only | select a1_0.id from author a1_0 where a1_0.name like ? escape ? offset ? rows fetch first ? rows only
					select a1_0.id from author a1_0 where upper(a1_0.name) like upper(?) escape '\\' and a1_0.id>? order by a1_0.name desc | select a1_0.id from author a1_0 where upper(a1_0.name) like upper(?) escape ? and a1_0.id>? order by a1_0.name desc
					# Standard strings: a doubled quote, a backslash as a character, PostgreSQL's E'' with escapes
					select * from t where a = 'it''s' and b = 1 | select * from t where a = ? and b = ?
					select * from t where a = 'C:\\' and b = 'x' | select * from t where a = ? and b = ?
					select * from t where a = E'a\\'b' and b = 2 | select * from t where a = ? and b = ?
					select "order" from "t" where x = 'y' | select "order" from "t" where x = ?
					""")
	void standardStringsEndAtTheirQuote(String sql, String expected) {
		SqlFingerprint fingerprint = SqlFingerprinter.compute(sql, SqlQuoting.STANDARD);
		assertThat(fingerprint.sql()).isEqualTo(expected);
		assertThat(fingerprint.complete()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					# Hibernate's MySQL dialect writes the escape character doubled
					select `a1_0`.`id` from `author` `a1_0` where `a1_0`.`name` like ? escape '\\\\' limit ?,? | select `a1_0`.`id` from `author` `a1_0` where `a1_0`.`name` like ? escape ? limit ?,?
					select * from t where a = 'a\\\\' and b = 'c' | select * from t where a = ? and b = ?
					select * from t where a = 'it\\'s' and b = 'it''s' | select * from t where a = ? and b = ?
					# MySQL reads "..." as a string: masked, never kept as a name
					select * from t where a = "secret \\" value" and b = 1 | select * from t where a = ? and b = ?
					# A standard '\\' written for another database is read again by the standard rules
					select * from t where a like ? escape '\\' order by b | select * from t where a like ? escape ? order by b
					# MySQL's comments do not nest
					/* a /* b */ select 1 from t | select ? from t
					""")
	void mysqlStringsTakeBackslashEscapes(String sql, String expected) {
		SqlFingerprint fingerprint = SqlFingerprinter.compute(sql, SqlQuoting.BACKSLASH_ESCAPES);
		assertThat(fingerprint.sql()).isEqualTo(expected);
		assertThat(fingerprint.complete()).isTrue();
	}

	@Test
	void quotingRulesComeFromTheProduct() {
		assertThat(SqlQuoting.of("H2", false)).isEqualTo(SqlQuoting.STANDARD);
		assertThat(SqlQuoting.of("PostgreSQL", false)).isEqualTo(SqlQuoting.STANDARD);
		assertThat(SqlQuoting.of("Microsoft SQL Server", false)).isEqualTo(SqlQuoting.STANDARD);
		assertThat(SqlQuoting.of("MariaDB", false)).isEqualTo(SqlQuoting.BACKSLASH_ESCAPES);
		assertThat(SqlQuoting.of("MySQL", false)).isEqualTo(SqlQuoting.BACKSLASH_ESCAPES);
		assertThat(SqlQuoting.of("MySQL", true)).isEqualTo(SqlQuoting.STANDARD);
		assertThat(SqlQuoting.of(null, false)).isEqualTo(SqlQuoting.STANDARD);
	}

	@Test
	void noBackslashEscapesReadsABackslashAsACharacter() {
		String sql = "select * from t where a = '\\' and b = 'x'";
		assertThat(SqlFingerprinter.compute(sql, SqlQuoting.of("MariaDB", true)).sql())
			.isEqualTo("select * from t where a = ? and b = ?");
	}

	@ParameterizedTest
	@EnumSource(SqlQuoting.class)
	void unterminatedTextIsMaskedToTheEndAndCounted(SqlQuoting quoting) {
		SqlFingerprinter fingerprinter = new SqlFingerprinter();
		SqlFingerprint string = fingerprinter.fingerprint("select a from t where b = 'never closed and c = 1", quoting);
		assertThat(string.sql()).isEqualTo("select a from t where b = ?");
		assertThat(string.complete()).isFalse();
		SqlFingerprint comment = fingerprinter.fingerprint("select a from t /* never closed", quoting);
		assertThat(comment.sql()).isEqualTo("select a from t");
		assertThat(comment.complete()).isFalse();
		SqlFingerprint name = fingerprinter.fingerprint("select `open from t", quoting);
		assertThat(name.sql()).isEqualTo("select ?");
		assertThat(fingerprinter.incomplete()).isEqualTo(3);
		assertThat(fingerprinter.fingerprint("select a from t where b = 'closed'", quoting).complete()).isTrue();
		assertThat(fingerprinter.incomplete()).isEqualTo(3);
	}

	@Test
	void oneCacheServesEachDatabaseByItsOwnRules() {
		SqlFingerprinter fingerprinter = new SqlFingerprinter();
		String sql = "select * from t where a = 'x\\' and b = 'y'";
		assertThat(fingerprinter.fingerprint(sql, SqlQuoting.STANDARD).sql())
			.isEqualTo("select * from t where a = ? and b = ?");
		// MySQL reads 'x\' and b = ' as one string.
		assertThat(fingerprinter.fingerprint(sql, SqlQuoting.BACKSLASH_ESCAPES).sql())
			.isEqualTo("select * from t where a = ?y?");
		assertThat(fingerprinter.fingerprint(sql, SqlQuoting.STANDARD).sql())
			.isEqualTo("select * from t where a = ? and b = ?");
		String plain = "select * from t where a = 'x'";
		assertThat(fingerprinter.fingerprint(plain, SqlQuoting.BACKSLASH_ESCAPES))
			.isSameAs(fingerprinter.fingerprint(plain, SqlQuoting.STANDARD));
	}

	@ParameterizedTest
	@EnumSource(SqlQuoting.class)
	void whateverALiteralHoldsTheTokensAfterItStayTheSame(SqlQuoting quoting) {
		String tail = " and b like ? escape " + (quoting.backslashEscapes() ? "'\\\\'" : "'\\'")
				+ " order by c fetch first ? rows only";
		String expected = SqlFingerprinter.compute("select x from t where a = 'plain'" + tail, quoting).sql();
		assertThat(expected).endsWith("order by c fetch first ? rows only");
		Random random = new Random(33);
		String alphabet = "ab'\\\"?-/*$ \n;";
		for (int i = 0; i < 2_000; i++) {
			StringBuilder content = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				content.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String literal = "'" + escape(content.toString(), quoting) + "'";
			SqlFingerprint fingerprint = SqlFingerprinter.compute("select x from t where a = " + literal + tail,
					quoting);
			assertThat(fingerprint.sql()).as(literal).isEqualTo(expected);
			assertThat(fingerprint.complete()).as(literal).isTrue();
		}
	}

	private static String escape(String content, SqlQuoting quoting) {
		if (quoting.backslashEscapes()) {
			return content.replace("\\", "\\\\").replace("'", "\\'");
		}
		return content.replace("'", "''");
	}

}
