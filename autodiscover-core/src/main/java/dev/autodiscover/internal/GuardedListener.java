package dev.autodiscover.internal;

import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes events to the host application's listener; an exception it throws is logged, never the resolution's end. */
public final class GuardedListener implements AutodiscoverListener {
  private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);

  private final AutodiscoverListener listener;

  public GuardedListener(AutodiscoverListener listener) {
    this.listener = listener;
  }

  @Override
  public void resolutionStarted(ResolutionStarted event) {
    tell(listener::resolutionStarted, event);
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    tell(listener::attemptStarted, event);
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    tell(listener::attemptFinished, event);
  }

  @Override
  public void redirected(Redirected event) {
    tell(listener::redirected, event);
  }

  @Override
  public void resolutionFinished(ResolutionFinished event) {
    tell(listener::resolutionFinished, event);
  }

  private static <E> void tell(Consumer<E> handler, E event) {
    try {
      handler.accept(event);
    } catch (RuntimeException e) {
      log.warn("the listener failed on {}", event.getClass().getSimpleName(), e);
    }
  }
}
