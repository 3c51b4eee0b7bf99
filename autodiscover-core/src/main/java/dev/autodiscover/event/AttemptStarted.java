package dev.autodiscover.event;

import dev.autodiscover.DiscoveryMethod;
import java.time.Instant;

/**
 * An attempt started. Immutable and thread-safe.
 *
 * @param email the address being resolved (after any redirectAddr)
 * @param method the step the attempt belongs to
 * @param url the URL or DNS name the attempt is about
 * @param at when it started
 */
public record AttemptStarted(String email, DiscoveryMethod method, String url, Instant at) {}
