package dev.autodiscover;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Subject;

/**
 * How the SCP step authenticates to the directory: anonymously, with a simple bind (DN and
 * password), or with Kerberos (GSSAPI) as the host application's signed-in user. Its {@code
 * toString()} never shows a password.
 *
 * <p>Immutable and thread-safe; {@link Simple#password()} hands out a copy.
 *
 * <pre>{@code
 * DirectoryBind bind = DirectoryBind.simple("CN=svc-mail,CN=Users,DC=corp,DC=contoso,DC=com", password);
 * DirectoryBind sso = DirectoryBind.kerberos(subject);  // a Subject from the application's JAAS login
 * }</pre>
 */
public sealed interface DirectoryBind {

  /** Returns an anonymous bind. Active Directory lets anonymous clients read the RootDSE only. */
  static DirectoryBind anonymous() {
    return Anonymous.INSTANCE;
  }

  /**
   * Returns a simple bind as {@code bindDn} (or a user principal name such as {@code
   * svc-mail@corp.contoso.com}, which Active Directory also accepts). The password is copied; over
   * plain {@code ldap://} it crosses the network in clear text, so prefer {@code ldaps://}.
   *
   * @throws IllegalArgumentException when {@code bindDn} is blank or {@code password} is empty
   */
  static DirectoryBind simple(String bindDn, char[] password) {
    return new Simple(bindDn, password);
  }

  /**
   * Returns a Kerberos (GSSAPI) bind with the credentials of the JAAS subject current on the thread
   * that runs the resolution (the subject of an enclosing {@code Subject.doAs}). {@code
   * resolveAsync} runs on another thread, which has no such subject: use {@link #kerberos(Subject)}
   * there. The directory server's principal is {@code ldap/<host>} for the host of its URL.
   */
  static DirectoryBind kerberos() {
    return new Kerberos(null);
  }

  /** Returns a Kerberos (GSSAPI) bind with the credentials of {@code subject}. */
  static DirectoryBind kerberos(Subject subject) {
    return new Kerberos(Objects.requireNonNull(subject, "subject"));
  }

  /** The anonymous bind. */
  final class Anonymous implements DirectoryBind {
    private static final Anonymous INSTANCE = new Anonymous();

    private Anonymous() {}

    @Override
    public String toString() {
      return "anonymous";
    }
  }

  /** A simple bind: a DN and its password. */
  final class Simple implements DirectoryBind {
    private final String bindDn;
    private final char[] password;

    private Simple(String bindDn, char[] password) {
      Objects.requireNonNull(bindDn, "bindDn");
      Objects.requireNonNull(password, "password");
      if (bindDn.isBlank()) {
        throw new IllegalArgumentException("bindDn must not be blank");
      }
      if (password.length == 0) {
        throw new IllegalArgumentException(
            "password must not be empty: an empty password makes an unauthenticated bind (RFC 4513)");
      }
      this.bindDn = bindDn;
      this.password = password.clone();
    }

    /** Returns the DN (or user principal name) to bind as. */
    public String bindDn() {
      return bindDn;
    }

    /** Returns a copy of the password; the caller should clear it when done. */
    public char[] password() {
      return password.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Simple that
          && bindDn.equals(that.bindDn) && Arrays.equals(password, that.password);
    }

    @Override
    public int hashCode() {
      return bindDn.hashCode();
    }

    @Override
    public String toString() {
      return "simple bind as " + bindDn + " (password ****)";
    }
  }

  /** A Kerberos (GSSAPI) bind. */
  final class Kerberos implements DirectoryBind {
    private final Subject subject;

    private Kerberos(Subject subject) {
      this.subject = subject;
    }

    /** Returns the subject whose credentials are used; empty for the thread's current subject. */
    public Optional<Subject> subject() {
      return Optional.ofNullable(subject);
    }

    @Override
    public String toString() {
      return subject == null ? "Kerberos as the current subject" : "Kerberos as a given subject";
    }
  }
}
