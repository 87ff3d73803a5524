package io.github.dbperf.attribution;

import java.util.List;

/**
 * The ORM's mappings of associations, looked up by what a statement's cause names.
 */
public interface AssociationMappings {

	/** No ORM: nothing is known. */
	AssociationMappings NONE = (cause) -> List.of();

	/**
	 * The associations that can cause statements of this cause: for a collection load its
	 * collection; for an entity load the to-one associations that lead to the entity.
	 * @param cause the cause
	 * @return the mappings, empty when unknown
	 */
	List<AssociationMapping> of(OrmCause cause);

}
