package io.github.dbperf.testapp;

import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class EngineSmokeTests {

	@ParameterizedTest
	@EnumSource(Engine.class)
	void engineAnswersQueries(Engine engine) throws Exception {
		Map<String, String> c = engine.connection("smoke" + engine.ordinal());
		try (var connection = DriverManager.getConnection(c.get("url"), c.get("username"), c.get("password"));
				var rs = connection.createStatement().executeQuery("select 1")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

}
