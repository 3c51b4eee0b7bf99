package dev.autodiscover;

import java.util.Objects;
import java.util.Optional;

/**
 * The mailbox owner's details from the {@code User} element of an Autodiscover response.
 *
 * <p>Immutable and thread-safe.
 *
 * @param displayName the user's display name, from {@code DisplayName}
 * @param legacyDn the mailbox's legacy Exchange distinguished name, from {@code LegacyDN}
 * @param autodiscoverSmtpAddress the primary SMTP address the server resolved the request to,
 *     from {@code AutoDiscoverSMTPAddress}
 * @param deploymentId the Exchange forest's deployment GUID, from {@code DeploymentId}
 */
public record UserSettings(
    Optional<String> displayName,
    Optional<String> legacyDn,
    Optional<String> autodiscoverSmtpAddress,
    Optional<String> deploymentId) {

  private static final UserSettings EMPTY =
      new UserSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public UserSettings {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(legacyDn, "legacyDn");
    Objects.requireNonNull(autodiscoverSmtpAddress, "autodiscoverSmtpAddress");
    Objects.requireNonNull(deploymentId, "deploymentId");
  }

  /** Returns user settings with no values, for a response without a {@code User} element. */
  public static UserSettings empty() {
    return EMPTY;
  }
}
