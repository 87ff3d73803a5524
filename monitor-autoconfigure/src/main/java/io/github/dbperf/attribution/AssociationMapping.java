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
 * @param bag whether it is a collection Hibernate treats as a bag (a {@code List} without
 * an order column): two bags cannot be fetched in one query
 * @param ownerType the entity class that declares it, or {@code null} when not known
 */
public record AssociationMapping(String role, String owner, String attribute, String target, boolean collection,
		String fetch, int batchSize, boolean bag, Class<?> ownerType) {

	/**
	 * A mapping known by names only.
	 * @param role {@code Author.books}
	 * @param owner {@code Author}
	 * @param attribute {@code books}
	 * @param target {@code Book}
	 * @param collection whether it is a collection
	 * @param fetch {@code LAZY} or {@code EAGER}
	 * @param batchSize the batch size in effect
	 */
	public AssociationMapping(String role, String owner, String attribute, String target, boolean collection,
			String fetch, int batchSize) {
		this(role, owner, attribute, target, collection, fetch, batchSize, false, null);
	}

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
