package io.github.dbperf.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code dbperf.n-plus-one.mode} is {@code off}. The property is bound as
 * the enum, as {@link DbPerfProperties} binds it, so that YAML's bare {@code off} (read
 * as the boolean {@code false}) means {@link DbPerfProperties.NPlusOneMode#OFF} here too.
 */
class OnNPlusOneDetectionCondition extends SpringBootCondition {

	static final String PROPERTY = "dbperf.n-plus-one.mode";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		DbPerfProperties.NPlusOneMode mode = Binder.get(context.getEnvironment())
			.bind(PROPERTY, DbPerfProperties.NPlusOneMode.class)
			.orElse(DbPerfProperties.NPlusOneMode.REPORT);
		return (mode != DbPerfProperties.NPlusOneMode.OFF)
				? ConditionOutcome.match(PROPERTY + " is " + mode.name().toLowerCase())
				: ConditionOutcome.noMatch(PROPERTY + " is off");
	}

}
