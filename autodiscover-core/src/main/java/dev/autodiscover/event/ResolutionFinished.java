package dev.autodiscover.event;

import dev.autodiscover.AutodiscoverResult;

/**
 * A resolution ended. Immutable and thread-safe.
 *
 * @param result what it found and did
 */
public record ResolutionFinished(AutodiscoverResult result) {}
