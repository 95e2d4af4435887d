/**
 * Behaviour events (views, clicks, cart adds, purchases) and the online business metrics they give each model
 * version: the contract between the REST layer and the shell, which collect and show them, and the
 * {@code merx-events} bundle, which stores, deduplicates and attributes them.
 *
 * <p>The platform registers at most one {@link io.merx.api.events.EventService}; callers reference it
 * optionally, so scoring works the same without it. Everything here is plain Java records and enums.
 *
 * <p>Since 1.1, bundles that want each newly stored event register an {@link io.merx.api.events.EventListener}
 * (the whiteboard pattern); the recommendation kinds use it to keep answers fresh between retrains.
 */
@Export
@Version("1.2.0")
package io.merx.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
