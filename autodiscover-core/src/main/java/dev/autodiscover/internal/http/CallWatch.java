package dev.autodiscover.internal.http;

import okhttp3.Call;
import okhttp3.Interceptor;

/**
 * Lets the work running on a thread hear of the HTTP calls it makes: each call as it starts, so
 * that it can be cancelled, and the moment a call has its connection (after the TLS handshake for
 * HTTPS). The transport's clients report to the watch of the calling thread, if any.
 */
public interface CallWatch {

  /** A call started on this thread. */
  void calling(Call call);

  /** A call made on this thread has its connection, handshake done. */
  void connected();

  /** Runs {@code work} with {@code watch} hearing of the calls this thread makes. */
  static void watching(CallWatch watch, Runnable work) {
    CallWatch previous = Holder.CURRENT.get();
    Holder.CURRENT.set(watch);
    try {
      work.run();
    } finally {
      if (previous == null) {
        Holder.CURRENT.remove();
      } else {
        Holder.CURRENT.set(previous);
      }
    }
  }

  /** Tells the calling thread's watch of each call. */
  Interceptor CALLS = chain -> {
    CallWatch watch = Holder.CURRENT.get();
    if (watch != null) {
      watch.calling(chain.call());
    }
    return chain.proceed(chain.request());
  };

  /** Tells the calling thread's watch when a call has its connection. */
  Interceptor CONNECTIONS = chain -> {
    CallWatch watch = Holder.CURRENT.get();
    if (watch != null) {
      watch.connected();
    }
    return chain.proceed(chain.request());
  };

  /** The watch of each thread. */
  final class Holder {
    private static final ThreadLocal<CallWatch> CURRENT = new ThreadLocal<>();

    private Holder() {}
  }
}
