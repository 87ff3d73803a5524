package io.github.dbperf.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property of {@link DbPerfProperties} is in the generated configuration metadata
 * with a description and, where it has one, a default; enum values are hinted: IDEs
 * complete and explain every {@code dbperf.*} property.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedWithItsDefaultAndEnumValuesAreHinted() throws Exception {
		Map<String, Object> metadata;
		try (InputStream input = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonParserFactory.getJsonParser()
				.parseMap(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> properties = ((List<Map<String, Object>>) metadata.get("properties")).stream()
			.collect(Collectors.toMap((property) -> (String) property.get("name"), (property) -> property));
		List<String> expected = names("dbperf", DbPerfProperties.class);
		assertThat(expected).hasSizeGreaterThanOrEqualTo(15);
		for (String name : expected) {
			assertThat(properties).as(name).containsKey(name);
			assertThat((String) properties.get(name).get("description")).as(name).isNotBlank();
			// Lists that are empty unless set.
			if (!name.equals("dbperf.datasource.exclude") && !name.equals("dbperf.mappings.ignore")
					&& !name.equals("dbperf.tracing.trace-url")) {
				assertThat(properties.get(name)).as(name + " default").containsKey("defaultValue");
			}
		}
		assertThat(metadata.get("hints").toString()).contains("dbperf.n-plus-one.mode").contains("strict");
	}

	/** The property names of a JavaBean, nested groups included, in kebab case. */
	private static List<String> names(String prefix, Class<?> type) throws Exception {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
			if (property.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + kebab(property.getName());
			Class<?> propertyType = property.getPropertyType();
			if (property.getWriteMethod() == null
					&& propertyType.getName().startsWith(DbPerfProperties.class.getName())) {
				names.addAll(names(name, propertyType));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private static String kebab(String name) {
		return name.replaceAll("(?<=.)([A-Z])", "-$1").toLowerCase();
	}

}
