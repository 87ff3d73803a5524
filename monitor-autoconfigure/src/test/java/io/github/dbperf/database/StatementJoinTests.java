package io.github.dbperf.database;

import java.util.List;

import io.github.dbperf.capture.SqlFingerprinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join key of each server: what the application sent and what the server kept meet.
 */
class StatementJoinTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					insert into owners (first_name,last_name) values (?,?) | INSERT INTO `owners` ( `first_name` , `last_name` ) VALUES (...)
					insert into t (a) values (?) | INSERT INTO `t` ( `a` ) VALUES (?)
					insert into t (a,b) values (?,?),(?,?) | INSERT INTO `t` ( `a` , `b` ) VALUES (...) /* , ... */
					select v1_0.id from vets v1_0 limit ?,? | SELECT `v1_0` . `id` FROM `vets` `v1_0` LIMIT ?, ...
					select v1_0.id from vets v1_0 limit ? | SELECT `v1_0` . `id` FROM `vets` `v1_0` LIMIT ?
					select a.id from author a where a.id in (?,?,?) | SELECT `a` . `id` FROM `author` `a` WHERE `a` . `id` IN (...)
					select a.id from author a where a.id in (?) | SELECT `a` . `id` FROM `author` `a` WHERE `a` . `id` IN (?)
					select a.name from author a where a.name=? | SELECT `a` . `name` FROM `author` `a` WHERE `a` . `name` = ?
					""")
	void mariaDbDigestsMeetTheirFingerprint(String client, String digest) {
		StatementJoin join = new StatementJoin(StatementJoin.Rules.DIGEST, List.of(SqlFingerprinter.compute(client)));
		assertThat(join.idOf(digest, ServerTexts.keyOfServerText(digest)))
			.isEqualTo(SqlFingerprinter.compute(client).id());
	}

	@Test
	void limitWithAndWithoutOffsetStayTwoStatementsOnMariaDb() {
		String first = "select v1_0.id from vets v1_0 limit ?";
		String next = "select v1_0.id from vets v1_0 limit ?,?";
		StatementJoin join = new StatementJoin(StatementJoin.Rules.DIGEST,
				List.of(SqlFingerprinter.compute(first), SqlFingerprinter.compute(next)));
		String digest = "SELECT `v1_0` . `id` FROM `vets` `v1_0` LIMIT ?, ...";
		assertThat(join.idOf(digest, ServerTexts.keyOfServerText(digest)))
			.isEqualTo(SqlFingerprinter.compute(next).id());
	}

	@Test
	void postgresGeneratedKeysSuffixIsTheApplicationsInsert() {
		String client = "insert into visits (visit_date,description,pet_id) values (?,?,?)";
		StatementJoin join = new StatementJoin(StatementJoin.Rules.POSTGRESQL,
				List.of(SqlFingerprinter.compute(client)));
		for (String server : List.of("insert into visits (visit_date,description,pet_id) values ($1,$2,$3) RETURNING *",
				"insert into visits (visit_date,description,pet_id) values ($1,$2,$3) RETURNING \"id\"")) {
			assertThat(join.idOf(server, ServerTexts.keyOfServerText(server)))
				.isEqualTo(SqlFingerprinter.compute(client).id());
		}
	}

	@Test
	void aCutDigestMatchesTheOneFingerprintItStartsAndNoneWhenTwoDo() {
		String columns = "select " + "t.a as alias_long_name, ".repeat(20);
		String one = columns + "t.b from t where t.id = ?";
		String other = columns + "t.c from t where t.id = ?";
		String cut = ("SELECT " + "`t` . `a` AS `alias_long_name` , ".repeat(20)).strip();
		StatementJoin alone = new StatementJoin(StatementJoin.Rules.DIGEST, List.of(SqlFingerprinter.compute(one)));
		assertThat(alone.idOf(cut, ServerTexts.keyOfServerText(cut))).isEqualTo(SqlFingerprinter.compute(one).id());
		StatementJoin two = new StatementJoin(StatementJoin.Rules.DIGEST,
				List.of(SqlFingerprinter.compute(one), SqlFingerprinter.compute(other)));
		assertThat(two.idOf(cut, ServerTexts.keyOfServerText(cut))).isNull();
		assertThat(two.isAmbiguous(ServerTexts.keyOfServerText(cut))).isTrue();
		assertThat(alone.isAmbiguous(ServerTexts.keyOfServerText(cut))).isFalse();
		// Short texts are never taken as cut.
		assertThat(alone.idOf("SELECT `t` . `a`", ServerTexts.keyOfServerText("SELECT `t` . `a`"))).isNull();
	}

}
