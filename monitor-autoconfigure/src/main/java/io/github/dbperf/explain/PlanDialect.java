package io.github.dbperf.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;

/**
 * How each database explains a SELECT and how its answer reads.
 */
enum PlanDialect {

	/**
	 * {@code EXPLAIN (FORMAT JSON)}; {@code GENERIC_PLAN} on 16+ when values are missing.
	 */
	POSTGRESQL {
		@Override
		String explain(String sql, boolean generic) {
			return (generic ? "EXPLAIN (GENERIC_PLAN, FORMAT JSON) " : "EXPLAIN (FORMAT JSON) ") + sql;
		}

		@Override
		Reading read(String output) {
			List<Object> root = Parsing.JSON.parseList(output);
			Object plan = ((Map<?, ?>) root.get(0)).get("Plan");
			List<String> outline = new ArrayList<>();
			List<String> scans = new ArrayList<>();
			node(plan, 0, outline, scans);
			return new Reading(scans.isEmpty() ? outline.get(0).trim() : String.join("; ", scans), outline);
		}

		private void node(Object node, int depth, List<String> outline, List<String> scans) {
			Map<?, ?> map = (Map<?, ?>) node;
			StringBuilder line = new StringBuilder(map.get("Node Type").toString());
			if (map.get("Index Name") != null) {
				line.append(" using ").append(map.get("Index Name"));
			}
			if (map.get("Relation Name") != null) {
				line.append(" on ").append(map.get("Relation Name"));
			}
			line.append(" (rows≈").append(rows(map.get("Plan Rows"))).append(")");
			outline.add("  ".repeat(depth) + line);
			if (map.get("Relation Name") != null || map.get("Index Name") != null) {
				scans.add(line.toString());
			}
			if (map.get("Plans") instanceof List<?> children) {
				children.forEach((child) -> node(child, depth + 1, outline, scans));
			}
		}
	},

	/** MariaDB and MySQL: {@code EXPLAIN FORMAT=JSON}. */
	MARIADB {
		@Override
		String explain(String sql, boolean generic) {
			return "EXPLAIN FORMAT=JSON " + sql;
		}

		@Override
		Reading read(String output) {
			List<String> outline = new ArrayList<>();
			tables(Parsing.JSON.parseMap(output), outline);
			return Reading.of(outline);
		}

		private void tables(Object node, List<String> outline) {
			if (node instanceof Map<?, ?> map) {
				if (map.get("table_name") != null && map.get("access_type") != null) {
					outline.add(table(map));
				}
				map.values().forEach((value) -> tables(value, outline));
			}
			else if (node instanceof List<?> list) {
				list.forEach((value) -> tables(value, outline));
			}
		}

		private String table(Map<?, ?> table) {
			String access = table.get("access_type").toString();
			Object rows = (table.get("rows") != null) ? table.get("rows") : table.get("rows_examined_per_scan");
			String estimate = " (rows≈" + rows(rows) + ")";
			if (access.equals("ALL")) {
				return "full table scan on " + table.get("table_name") + estimate;
			}
			if (table.get("key") != null) {
				return "index " + table.get("key") + " on " + table.get("table_name") + " (" + access + ", rows≈"
						+ rows(rows) + ")";
			}
			return access + " on " + table.get("table_name") + estimate;
		}
	},

	/**
	 * H2: {@code EXPLAIN}, whose answer is the statement annotated with its access paths.
	 */
	H2 {
		private static final Pattern ACCESS = Pattern.compile("/\\*\\s*([^*]+?)\\s*\\*/");

		@Override
		String explain(String sql, boolean generic) {
			return "EXPLAIN " + sql;
		}

		@Override
		Reading read(String output) {
			List<String> outline = new ArrayList<>();
			Matcher matcher = ACCESS.matcher(output);
			while (matcher.find()) {
				String access = matcher.group(1);
				if (access.endsWith(".tableScan")) {
					String[] parts = access.split("\\.");
					outline.add("full table scan on " + parts[parts.length - 2]);
				}
				else if (access.contains(":")) {
					String index = access.substring(0, access.indexOf(':'));
					outline.add("index " + index.substring(index.lastIndexOf('.') + 1));
				}
				// Other annotations (conditions pushed into a scan) may hold values: left
				// out.
			}
			return Reading.of(outline);
		}
	};

	/**
	 * The EXPLAIN statement for a SELECT.
	 * @param sql the SELECT, with {@code ?} or {@code $n} placeholders
	 * @param generic whether to ask for a generic plan (values not available)
	 * @return the statement to run
	 */
	abstract String explain(String sql, boolean generic);

	abstract Reading read(String output);

	/**
	 * The dialect of a database, or {@code null} when dbperf cannot explain its plans.
	 * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
	 * @return the dialect or {@code null}
	 */
	static PlanDialect of(String productName) {
		String product = productName.toLowerCase(Locale.ROOT);
		if (product.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (product.contains("mariadb") || product.contains("mysql")) {
			return MARIADB;
		}
		if (product.equals("h2")) {
			return H2;
		}
		return null;
	}

	static String rows(Object value) {
		return (value instanceof Number number) ? String.valueOf(number.longValue()) : String.valueOf(value);
	}

	/**
	 * What a plan says.
	 *
	 * @param summary one line
	 * @param outline one line per node
	 */
	record Reading(String summary, List<String> outline) {

		/** A reading whose summary is its outline on one line. */
		static Reading of(List<String> outline) {
			return new Reading(outline.isEmpty() ? "no table access" : String.join("; ", outline), outline);
		}

	}

	/** Boot's own JSON parser (Jackson when present, else Boot's basic one). */
	private static final class Parsing {

		static final JsonParser JSON = JsonParserFactory.getJsonParser();

	}

}
