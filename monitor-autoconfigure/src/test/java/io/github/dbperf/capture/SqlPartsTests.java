package io.github.dbperf.capture;

import java.util.List;

import io.github.dbperf.capture.SqlParts.Kind;
import io.github.dbperf.capture.SqlParts.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlPartsTests {

	@Test
	void keywordsTablesAndPlaceholdersAreToldApart() {
		List<Part> parts = SqlParts.of("select a1_0.id from author a1_0 left join book b1_0 on b1_0.author_id=a1_0.id "
				+ "where a1_0.name like ? escape ? fetch first ? rows only");
		assertThat(parts).filteredOn((part) -> part.kind() == Kind.TABLE)
			.extracting(Part::text)
			.containsExactly("author", "book");
		assertThat(parts).filteredOn((part) -> part.kind() == Kind.KEYWORD)
			.extracting(Part::text)
			.containsExactly("select", "from", "left", "join", "on", "where", "like", "escape", "fetch", "first",
					"rows", "only");
		assertThat(parts).filteredOn((part) -> part.kind() == Kind.PLACEHOLDER).hasSize(3);
	}

	@Test
	void tablesAfterIntoUpdateAndQuotedNames() {
		assertThat(SqlParts.of("insert into \"Order\" (id) values (?)")).filteredOn((part) -> part.kind() == Kind.TABLE)
			.extracting(Part::text)
			.containsExactly("\"Order\"");
		assertThat(SqlParts.of("update author set name=? where id=?")).filteredOn((part) -> part.kind() == Kind.TABLE)
			.extracting(Part::text)
			.containsExactly("author");
	}

	@Test
	void partsReadAsTheTextWithTheirSpaces() {
		String sql = "select count(*) from book b1_0 where b1_0.id in (...) and b1_0.title<>?";
		StringBuilder text = new StringBuilder();
		SqlParts.of(sql).forEach((part) -> text.append(part.spaceBefore() ? " " : "").append(part.text()));
		assertThat(text).hasToString(sql);
	}

}
