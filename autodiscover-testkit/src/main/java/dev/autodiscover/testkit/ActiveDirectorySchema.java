package dev.autodiscover.testkit;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;

/**
 * The schema of a {@link FixtureDirectory}: UnboundID's standard schema plus the few Active
 * Directory definitions that serviceConnectionPoint objects need, with AD's own OIDs
 * ([MS-ADA1], [MS-ADA3], [MS-ADSC]).
 *
 * <p>None of the names added here is defined by the standard schema, so nothing is replaced.
 * (RFC 1274's pilot attribute {@code keyWords}, 0.9.2342.19200300.102.1.7, would clash with
 * AD's {@code keywords}, but UnboundID's standard schema does not carry it.)
 *
 * <p>Thread safety: stateless.
 */
final class ActiveDirectorySchema {

  private static final String ORIGIN = " X-ORIGIN 'Microsoft Active Directory' )";

  /** AD's String(Unicode) syntax (2.5.5.12) is a directory string compared ignoring case. */
  private static final String UNICODE_STRING = " EQUALITY caseIgnoreMatch"
      + " SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15";

  private static final String[] ATTRIBUTE_TYPES = {
      "( 1.2.840.113556.1.4.48 NAME 'keywords'" + UNICODE_STRING + ORIGIN,
      "( 1.2.840.113556.1.4.510 NAME 'serviceBindingInformation'" + UNICODE_STRING + ORIGIN,
      // systemOnly in AD, where the server sets it; here it is written by the fixture, so it is
      // not NO-USER-MODIFICATION.
      "( 1.2.840.113556.1.2.2 NAME 'whenCreated' EQUALITY generalizedTimeMatch"
          + " ORDERING generalizedTimeOrderingMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.24"
          + " SINGLE-VALUE" + ORIGIN,
  };

  private static final String[] OBJECT_CLASSES = {
      // AD puts whenCreated on top (every object has one); here the classes the fixture
      // creates allow it instead, so the standard top stays untouched.
      "( 1.2.840.113556.1.5.20 NAME 'leaf' SUP top ABSTRACT" + ORIGIN,
      "( 1.2.840.113556.1.5.14 NAME 'connectionPoint' SUP leaf ABSTRACT MUST cn"
          + " MAY ( keywords $ whenCreated )" + ORIGIN,
      "( 1.2.840.113556.1.5.126 NAME 'serviceConnectionPoint' SUP connectionPoint STRUCTURAL"
          + " MAY ( cn $ keywords $ serviceBindingInformation $ whenCreated )" + ORIGIN,
      "( 1.2.840.113556.1.3.23 NAME 'container' SUP top STRUCTURAL MUST cn"
          + " MAY whenCreated" + ORIGIN,
  };

  private ActiveDirectorySchema() {}

  /** The standard schema extended with the Active Directory definitions above. */
  static Schema schema() {
    try {
      Entry additions = new Entry("cn=schema",
          new Attribute("objectClass", "top", "ldapSubentry", "subschema"),
          new Attribute("cn", "schema"),
          new Attribute(Schema.ATTR_ATTRIBUTE_TYPE, ATTRIBUTE_TYPES),
          new Attribute(Schema.ATTR_OBJECT_CLASS, OBJECT_CLASSES));
      return Schema.mergeSchemas(
          Schema.getDefaultStandardSchema(), Schema.parseSchemaEntry(additions));
    } catch (LDAPException e) {
      throw new IllegalStateException("the Active Directory schema additions are invalid", e);
    }
  }
}
