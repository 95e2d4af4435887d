package io.merx.schedule.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A Unix cron expression (minute hour day-of-month month day-of-week), read in UTC, parsed and checked by
 * cron-utils. UTC because a schedule must fire at the same moment on every node and after a move to another
 * machine, whatever its time zone.
 */
final class CronTrigger {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime execution;

    private CronTrigger(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming field {@code cron} and what is wrong with it
     */
    static CronTrigger parse(String expression) {
        try {
            return new CronTrigger(expression, ExecutionTime.forCron(PARSER.parse(expression).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'cron' is not a valid cron expression '" + expression + "' ("
                    + "five fields: minute hour day-of-month month day-of-week, in UTC): " + e.getMessage(), e);
        }
    }

    /** The first time strictly after {@code after} that the expression names, if it ever fires again. */
    Optional<Instant> next(Instant after) {
        return execution.nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
    }

    String expression() {
        return expression;
    }
}
