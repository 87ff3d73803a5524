package io.github.dbperf.explain;

import io.github.dbperf.explain.PlanDialect.Reading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each database's EXPLAIN answer, as it comes back, read into a summary and an outline
 * that name operations, tables, indexes and estimates, never conditions or values.
 */
class PlanDialectTests {

	@Test
	void dialectsByProductName() {
		assertThat(PlanDialect.of("PostgreSQL")).isEqualTo(PlanDialect.POSTGRESQL);
		assertThat(PlanDialect.of("MariaDB")).isEqualTo(PlanDialect.MARIADB);
		assertThat(PlanDialect.of("MySQL")).isEqualTo(PlanDialect.MARIADB);
		assertThat(PlanDialect.of("H2")).isEqualTo(PlanDialect.H2);
		assertThat(PlanDialect.of("Oracle")).isNull();
	}

	@Test
	void explainStatements() {
		assertThat(PlanDialect.POSTGRESQL.explain("select 1", false)).isEqualTo("EXPLAIN (FORMAT JSON) select 1");
		assertThat(PlanDialect.POSTGRESQL.explain("select $1", true))
			.isEqualTo("EXPLAIN (GENERIC_PLAN, FORMAT JSON) select $1");
		assertThat(PlanDialect.MARIADB.explain("select 1", true)).isEqualTo("EXPLAIN FORMAT=JSON select 1");
		assertThat(PlanDialect.H2.explain("select 1", false)).isEqualTo("EXPLAIN select 1");
	}

	@Test
	void postgresNamesItsScansAndOutlinesEveryNode() {
		Reading reading = PlanDialect.POSTGRESQL.read("""
				[{"Plan": {"Node Type": "Hash Join", "Plan Rows": 2000.0, "Hash Cond": "(b.author_id = a.id)",
				  "Plans": [
				    {"Node Type": "Seq Scan", "Relation Name": "book", "Alias": "b", "Plan Rows": 20000,
				     "Filter": "(title = 'secret')"},
				    {"Node Type": "Hash", "Plan Rows": 200, "Plans": [
				      {"Node Type": "Index Scan", "Index Name": "author_pkey", "Relation Name": "author",
				       "Plan Rows": 1}]}]}}]
				""");
		assertThat(reading.summary())
			.isEqualTo("Seq Scan on book (rows≈20000); Index Scan using author_pkey on author (rows≈1)");
		assertThat(reading.outline()).containsExactly("Hash Join (rows≈2000)", "  Seq Scan on book (rows≈20000)",
				"  Hash (rows≈200)", "    Index Scan using author_pkey on author (rows≈1)");
		assertThat(reading.toString()).doesNotContain("secret");
	}

	@Test
	void postgresWithoutARelationSummarisesItsTopNode() {
		assertThat(PlanDialect.POSTGRESQL.read("[{\"Plan\": {\"Node Type\": \"Result\", \"Plan Rows\": 1}}]").summary())
			.isEqualTo("Result (rows≈1)");
	}

	@Test
	void mariaDbNamesFullScansAndIndexesWithTheirAccess() {
		Reading reading = PlanDialect.MARIADB.read("""
				{"query_block": {"select_id": 1, "nested_loop": [
				  {"table": {"table_name": "item", "access_type": "ALL", "rows": 20000, "filtered": 100,
				             "attached_condition": "item.note like 'secret%'"}},
				  {"table": {"table_name": "category", "access_type": "eq_ref", "key": "PRIMARY", "rows": 1}},
				  {"table": {"table_name": "tag", "access_type": "index_merge", "rows_examined_per_scan": 7}}]}}
				""");
		assertThat(reading.outline()).containsExactly("full table scan on item (rows≈20000)",
				"index PRIMARY on category (eq_ref, rows≈1)", "index_merge on tag (rows≈7)");
		assertThat(reading.summary()).isEqualTo(String.join("; ", reading.outline()));
		assertThat(reading.toString()).doesNotContain("secret");
	}

	@Test
	void h2ReadsTheAccessPathsOutOfTheAnnotatedStatementAndLeavesConditionsOut() {
		Reading reading = PlanDialect.H2.read("""
				SELECT "A"."ID" FROM "PUBLIC"."AUTHOR" "A" /* PUBLIC.AUTHOR.tableScan */
				INNER JOIN "PUBLIC"."BOOK" "B" /* PUBLIC.BOOK_AUTHOR_IDX: AUTHOR_ID = A.ID */ ON 1=1
				WHERE "A"."NAME" = 'secret' /* ++ "A"."NAME" = 'secret' ++ */
				""");
		assertThat(reading.outline()).containsExactly("full table scan on AUTHOR", "index BOOK_AUTHOR_IDX");
		assertThat(reading.toString()).doesNotContain("secret");
	}

	@Test
	void h2WithoutATableSaysSo() {
		assertThat(PlanDialect.H2.read("SELECT 1").summary()).isEqualTo("no table access");
	}

}
