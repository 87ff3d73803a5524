package io.github.dbperf.orm;

import java.util.List;

/**
 * Where the mapping findings of a context are read: no ORM type in its signature, so that
 * the endpoint can ask for it without Hibernate on the class path.
 */
public interface MappingFindings {

	/**
	 * The findings, those that need evidence included.
	 * @return the findings
	 */
	List<MappingFinding> findings();

}
