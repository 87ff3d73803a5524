package io.github.dbperf.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlHtmlTests {

	@Test
	void highlightsAndEscapes() {
		assertThat(SqlHtml.highlight("select ? as \"<b>\" from t", Integer.MAX_VALUE))
			.isEqualTo("<span class=\"sql-kw\">select</span> <span class=\"sql-ph\">?</span> <span class=\"sql-kw\">as"
					+ "</span> &quot;&lt;b&gt;&quot; <span class=\"sql-kw\">from</span> <span class=\"sql-table\">t</span>");
	}

	@Test
	void cutsBetweenPartsAtMostAtTheLimit() {
		// "select a.id" is 11 characters; "from" would make 16.
		assertThat(SqlHtml.highlight("select a.id from author a", 14))
			.isEqualTo("<span class=\"sql-kw\">select</span> a.id");
	}

}
