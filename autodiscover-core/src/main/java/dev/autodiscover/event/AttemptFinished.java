package dev.autodiscover.event;

import dev.autodiscover.Attempt;

/**
 * An attempt ended. Immutable and thread-safe.
 *
 * @param email the address being resolved (after any redirectAddr)
 * @param attempt the finished attempt, as it appears in the result
 */
public record AttemptFinished(String email, Attempt attempt) {}
