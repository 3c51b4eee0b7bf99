package dev.autodiscover.testkit;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link FixtureDirectory} answer binds and searches as Active Directory does, and records
 * them: it refuses the searches of connections that have not bound when the directory requires a
 * bind, with AD's messages.
 *
 * <p>Thread-safe: the server calls it from its connection threads.
 */
final class ActiveDirectoryInterceptor extends InMemoryOperationInterceptor {
  /** AD's diagnostic message for a search on a connection that has not bound. */
  static final String BIND_REQUIRED_MESSAGE = "000004DC: LdapErr: DSID-0C090A5C, comment: In"
      + " order to perform this operation a successful bind must be completed on the"
      + " connection., data 0, v4563";

  /** AD's diagnostic message for a bind with a wrong password ("data 52e"). */
  static final String INVALID_CREDENTIALS_MESSAGE = "80090308: LdapErr: DSID-0C09044E, comment:"
      + " AcceptSecurityContext error, data 52e, v4563";

  private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryInterceptor.class);

  private final List<ReceivedLdapRequest> requests;
  private final boolean requireBind;
  private final Set<Long> boundConnections = ConcurrentHashMap.newKeySet();

  ActiveDirectoryInterceptor(List<ReceivedLdapRequest> requests, boolean requireBind) {
    this.requests = requests;
    this.requireBind = requireBind;
  }

  @Override
  public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
    String dn = request.getRequest().getBindDN();
    record(new ReceivedLdapRequest(ReceivedLdapRequest.BIND, dn, "", ""));
  }

  @Override
  public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
    BindResult bind = result.getResult();
    boolean named = !result.getRequest().getBindDN().isEmpty();
    if (bind.getResultCode() == ResultCode.SUCCESS && named) {
      boundConnections.add(result.getConnectionID());
    } else {
      boundConnections.remove(result.getConnectionID()); // a failed bind leaves it anonymous
    }
    if (bind.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
      result.setResult(new BindResult(bind.getMessageID(), ResultCode.INVALID_CREDENTIALS,
          INVALID_CREDENTIALS_MESSAGE, null, null, null));
    }
  }

  @Override
  public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) {
    record(new ReceivedLdapRequest(ReceivedLdapRequest.BIND, "", "", ""));
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request)
      throws LDAPException {
    ReadOnlySearchRequest search = request.getRequest();
    record(new ReceivedLdapRequest(ReceivedLdapRequest.SEARCH, search.getBaseDN(),
        scope(search.getScope()), search.getFilter().toString()));
    boolean rootDse = search.getBaseDN().isEmpty() && search.getScope() == SearchScope.BASE;
    if (requireBind && !rootDse && !boundConnections.contains(request.getConnectionID())) {
      throw new LDAPException(ResultCode.OPERATIONS_ERROR, BIND_REQUIRED_MESSAGE);
    }
  }

  private void record(ReceivedLdapRequest request) {
    requests.add(request);
    log.debug("received {}", request);
  }

  private static String scope(SearchScope scope) {
    if (scope == SearchScope.BASE) {
      return "base";
    } else if (scope == SearchScope.ONE) {
      return "one";
    } else if (scope == SearchScope.SUB) {
      return "sub";
    } else if (scope == SearchScope.SUBORDINATE_SUBTREE) {
      return "subordinates";
    }
    return scope.getName();
  }
}
