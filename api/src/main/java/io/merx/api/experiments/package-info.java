/**
 * A/B experiments on live traffic: a canary split with a sequential test that stays valid when looked at early
 * (mSPRT, always-valid p-values), decided automatically by promoting or rolling back the candidate version.
 *
 * <p>The {@code merx-experiments} bundle registers at most one {@link io.merx.api.experiments.ExperimentService};
 * the REST layer and the shell reference it optionally. Everything here is plain Java records and enums.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.merx.api.experiments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
