package io.merx.schedule.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx Scheduled Retrain",
        description = "Where retrain schedules are stored and how much a run needs and may take; see docs/schedule.md.")
@interface ScheduleConfig {

    @AttributeDefinition(name = "Directory",
            description = "Where schedules and reports are stored. Empty means ${karaf.data}/merx/schedules.")
    String directory() default "";

    @AttributeDefinition(name = "Minimum events",
            description = "A run with fewer events of the schedule's types fails without training.")
    int minEvents() default ScheduleSettings.DEFAULT_MIN_EVENTS;

    @AttributeDefinition(name = "Minimum evaluated users",
            description = "A run fails without training when fewer users have held-out items to compare on.")
    int minEvaluatedUsers() default ScheduleSettings.DEFAULT_MIN_EVALUATED_USERS;

    @AttributeDefinition(name = "Most evaluated users",
            description = "The comparison scores at most this many users (a seeded sample).")
    int maxEvaluatedUsers() default ScheduleSettings.DEFAULT_MAX_EVALUATED_USERS;

    @AttributeDefinition(name = "Training timeout (minutes)",
            description = "A candidate still training after this long is cancelled and the run fails.")
    long trainTimeoutMinutes() default ScheduleSettings.DEFAULT_TRAIN_TIMEOUT_MINUTES;

    @AttributeDefinition(name = "Reports kept", description = "Reports of the last runs kept per model.")
    int maxReports() default ScheduleSettings.DEFAULT_MAX_REPORTS;
}
