package io.merx.api.runtime;

/** Life cycle of one stored model version. */
public enum VersionState {
    /** Stored but not loaded since it was created or since the runtime started. */
    NEW,
    /** Checksums verified, the kind is loading it. */
    LOADING,
    /** Loaded, scoring its warm-up samples before it may take traffic. */
    WARMING,
    /** Loaded (or loadable) and able to serve. */
    READY,
    /** Could not be verified, loaded or warmed; {@link ModelVersionInfo#failureReason()} says why. Never served. */
    FAILED,
    /** Served before and was replaced; its scorer was closed once in-flight requests drained. */
    RETIRED
}
