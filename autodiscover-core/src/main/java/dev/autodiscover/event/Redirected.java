package dev.autodiscover.event;

import dev.autodiscover.Redirect;

/**
 * A redirect was met. Immutable and thread-safe.
 *
 * @param email the address being resolved when it was met
 * @param redirect the redirect, as it appears in the result
 */
public record Redirected(String email, Redirect redirect) {}
