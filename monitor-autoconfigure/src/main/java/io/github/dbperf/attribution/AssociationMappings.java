package io.github.dbperf.attribution;

import java.util.List;

/**
 * The ORM's mappings of associations, looked up by what a statement's cause names.
 */
public interface AssociationMappings {

	/** No ORM: nothing is known. */
	AssociationMappings NONE = (cause) -> List.of();

	/**
	 * The attribute path from an entity to an association, as an entity graph or a join
	 * fetch names it: {@code pets.visits} from {@code Owner} to {@code Pet.visits}. Every
	 * step is an attribute of the metamodel.
	 * @param root the entity a query loads
	 * @param mapping the association
	 * @return the path, or {@code null} when the metamodel has none (or it is ambiguous)
	 */
	default String path(Class<?> root, AssociationMapping mapping) {
		return null;
	}

	/**
	 * The associations an attribute path crosses, in order.
	 * @param root the entity the path starts at
	 * @param path the path
	 * @return the mappings, empty when unknown
	 */
	default List<AssociationMapping> along(Class<?> root, String path) {
		return List.of();
	}

	/**
	 * Whether the ORM accepts a query (it is compiled, never run).
	 * @param query a JPQL query
	 * @return {@code true} when it compiles
	 */
	default boolean compiles(String query) {
		return false;
	}

	/**
	 * The associations that can cause statements of this cause: for a collection load its
	 * collection; for an entity load the to-one associations that lead to the entity.
	 * @param cause the cause
	 * @return the mappings, empty when unknown
	 */
	List<AssociationMapping> of(OrmCause cause);

}
