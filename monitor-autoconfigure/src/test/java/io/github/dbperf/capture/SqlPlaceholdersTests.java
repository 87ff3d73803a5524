package io.github.dbperf.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placeholders are found by the fingerprint's tokenizer: quotes, dollar quotes and
 * comments hide question marks.
 */
class SqlPlaceholdersTests {

	@Test
	void questionMarksInQuotesCommentsAndDollarQuotesAreNotPlaceholders() {
		String sql = "select '?', \"a?\", $$ ? $$ /* ? */ from t -- ?\n where a = ? and b = ?";
		assertThat(SqlPlaceholders.count(sql, SqlQuoting.STANDARD)).isEqualTo(2);
		assertThat(SqlPlaceholders.numbered(sql, SqlQuoting.STANDARD))
			.isEqualTo("select '?', \"a?\", $$ ? $$ /* ? */ from t -- ?\n where a = $1 and b = $2");
	}

	@Test
	void aBackslashBeforeAQuoteHidesNoPlaceholderFromPostgreSql() {
		String sql = "select * from t where a like ? escape '\\' and b = ?";
		assertThat(SqlPlaceholders.numbered(sql, SqlQuoting.STANDARD))
			.isEqualTo("select * from t where a like $1 escape '\\' and b = $2");
	}

	@Test
	void statementWithoutPlaceholdersIsUnchanged() {
		assertThat(SqlPlaceholders.count("select 1", SqlQuoting.STANDARD)).isZero();
		assertThat(SqlPlaceholders.numbered("select 1", SqlQuoting.STANDARD)).isEqualTo("select 1");
	}

}
