package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetch.download.DownloadRequest;
import dev.fetch.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A worker's progress messages: when they are sent, and the wire format both ways. */
class ProgressMessagesTest {
  private final FakeTime.FakeTicker ticker = new FakeTime().ticker();
  private final List<String> sent = new ArrayList<>();
  private final ProgressMessages messages = new ProgressMessages(sent::add, ticker);
  private final DownloadRequest request = new DownloadRequest(7, HttpUrl.get("http://a.test/"));

  @Test
  void aStartThenTheBytesSoFarAFewTimesASecond() {
    messages.bodyStarted(request, 20_000);
    messages.read(request, 1_000);
    ticker.advance(ProgressMessages.EVERY);
    messages.read(request, 1_000);
    messages.read(request, 1_000);
    ticker.advance(Duration.ofMillis(150));
    messages.read(request, 500);

    assertEquals(List.of(
        "{\"type\":\"progress\",\"index\":7,\"length\":20000,\"bytes\":0}",
        "{\"type\":\"progress\",\"index\":7,\"length\":20000,\"bytes\":2000}",
        "{\"type\":\"progress\",\"index\":7,\"length\":20000,\"bytes\":3500}"), sent);
  }

  @Test
  void theParentReadsThemBack() {
    WireFormat.Transfer transfer = new WireFormat.Transfer(3, -1, 12_345);

    assertEquals(transfer, WireFormat.progress(WireFormat.parse(WireFormat.progress(transfer))));
  }

  @Test
  void aLengthBelowMinusOneOrNegativeBytesIsAProtocolError() {
    assertThrows(IllegalArgumentException.class, () -> WireFormat.progress(WireFormat.parse(
        "{\"type\":\"progress\",\"index\":1,\"length\":-2,\"bytes\":0}")));
    assertThrows(IllegalArgumentException.class, () -> WireFormat.progress(WireFormat.parse(
        "{\"type\":\"progress\",\"index\":1,\"length\":5,\"bytes\":-1}")));
  }
}
