package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardOutputTest {
  private static OutputStream failingWith(String reason) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(reason);
      }
    };
  }

  @Test
  void aFullDiskIsNamedNotCalledAClosedPipe() {
    StandardOutput out = StandardOutput.over(failingWith("No space left on device"));
    out.print("result line\n");
    out.flush();

    assertTrue(out.checkError());
    assertEquals("cannot write standard output (No space left on device); stopping",
        OutputClosedException.of(out).getMessage());
  }

  @Test
  void aBrokenPipeIsAClosedOutput() {
    StandardOutput out = StandardOutput.over(failingWith("Broken pipe"));
    out.print("x");
    out.flush();

    assertEquals("standard output was closed; stopping",
        OutputClosedException.of(out).getMessage());
  }

  @Test
  void writesUtf8() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StandardOutput out = StandardOutput.over(bytes);
    out.print("naïve ✓");
    out.flush();

    assertEquals("naïve ✓", bytes.toString(StandardCharsets.UTF_8));
    assertEquals(null, out.failure());
  }
}
