package dev.fetch.testing;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers every request, whatever its path, with the same response. */
public final class FixedDispatcher extends Dispatcher {
  private final MockResponse response;

  public FixedDispatcher(MockResponse response) {
    this.response = response;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    return response;
  }
}
