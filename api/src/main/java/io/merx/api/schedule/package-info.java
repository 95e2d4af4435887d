/**
 * Scheduled retraining of recommendation models from the behaviour events log: a cron schedule per model, each
 * run training a candidate on older events and activating it only when its offline metrics on the newest events
 * are no worse than the live version's on the same events.
 *
 * <p>The platform registers at most one {@link io.merx.api.schedule.RetrainScheduler} (bundle
 * {@code merx-schedule}); the REST layer and the shell reference it optionally. Plain Java records only.
 */
@Export
@Version("1.0.0")
package io.merx.api.schedule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
