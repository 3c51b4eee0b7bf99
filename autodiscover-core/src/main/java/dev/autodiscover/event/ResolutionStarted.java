package dev.autodiscover.event;

import java.time.Instant;

/**
 * A resolution started. Immutable and thread-safe.
 *
 * @param email the address asked for
 * @param at when it started
 */
public record ResolutionStarted(String email, Instant at) {}
