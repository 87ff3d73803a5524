package io.github.dbperf.attribution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the ORM maps an association, as far as a finding needs it.
 *
 * @param role {@code Author.books} (a collection) or {@code Book.author} (a to-one)
 * @param owner the entity that declares it ({@code Author})
 * @param attribute the attribute's name ({@code books})
 * @param target the entity it leads to ({@code Book})
 * @param collection whether it is a collection
 * @param fetch {@code LAZY} or {@code EAGER} as mapped
 * @param batchSize the batch size in effect (1 when Hibernate loads one at a time)
 */
public record AssociationMapping(String role, String owner, String attribute, String target, boolean collection,
		String fetch, int batchSize) {

	/**
	 * The mapping as shown in a finding.
	 * @return {@code {"fetch": "LAZY", "batchSize": 1}}
	 */
	public Map<String, Object> describe() {
		Map<String, Object> mapping = new LinkedHashMap<>();
		mapping.put("fetch", this.fetch);
		mapping.put("batchSize", this.batchSize);
		return mapping;
	}

}
