package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NoProxy} against curl's own table (tests/unit/unit1614.c: host, list, match), then the
 * cases curl does not have: {@code *} among other entries, ports, IPv6 ranges, and lists that
 * are refused instead of silently matching nothing.
 */
class NoProxyTest {
  @ParameterizedTest(name = "{0} in ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "www.example.com  | localhost,.example.com,.example.de  | true",
      "www.example.com. | localhost,.example.com,.example.de  | true",
      "example.com      | localhost,.example.com,.example.de  | true",
      "example.com.     | localhost,.example.com,.example.de  | true",
      "www.example.com  | localhost,.example.com.,.example.de | true",
      "www.example.com  | localhost,www.example.com.,.example.de | true",
      "example.com      | localhost,example.com,.example.de   | true",
      "example.com.     | localhost,example.com,.example.de   | true",
      "www.example.com  | localhost,example.com,.example.de   | true",
      "127.0.0.1        | 127.0.0.1,localhost                 | true",
      "127.0.0.1        | '127.0.0.1,localhost,'              | true",
      "127.0.0.1        | '127.0.0.1/8,localhost,'            | true",
      "127.0.0.1        | '127.0.0.1/28,localhost,'           | true",
      "127.0.0.1        | '127.0.0.1/31,localhost,'           | true",
      "127.0.0.1        | localhost,127.0.0.1                 | true",
      "127.0.0.1        | localhost,127.0.0.1.127.0.0.1.127.0.0.1.127.0.0.1. | false",
      "localhost        | localhost,127.0.0.1                 | true",
      "localhost        | 127.0.0.1,localhost                 | true",
      "foobar           | barfoo                              | false",
      "foobar           | foobar                              | true",
      "192.168.0.1      | foobar                              | false",
      "192.168.0.1      | 192.168.0.0/16                      | true",
      "192.168.0.1      | 192.168.0.0/24                      | true",
      "192.168.0.1      | 192.168.0.0/32                      | false",
      "192.168.0.1      | 192.168.0.0                         | false",
      "192.168.1.1      | 192.168.0.0/24                      | false",
      "192.168.1.1      | 'foo, bar, 192.168.0.0/24'          | false",
      "192.168.1.1      | 'foo, bar, 192.168.0.0/16'          | true",
      "::1              | 'foo, bar, 192.168.0.0/16'          | false",
      "::1              | 'foo, bar, ::1/64'                  | true",
      "bar              | 'foo, bar, ::1/64'                  | true",
      "BAr              | 'foo, bar, ::1/64'                  | true",
      "BAr              | 'foo,,,,,              bar, ::1/64' | true",
      "www.example.com  | 'foo, .example.com'                 | true",
      "www.example.com  | 'www2.example.com, .example.net'    | false",
      "example.com      | '.example.com, .example.net'        | true",
      "nonexample.com   | '.example.com, .example.net'        | false",
  })
  void curlsOwnCases(String host, String list, boolean match) {
    // One row differs from the copy of curl's table this was taken from: there, www.example.com
    // against 'localhost,example.com,.example.de' was no match, but curl's code and its
    // documentation ("local.com would match ... www.local.com") match subdomains, as here.
    assertEquals(match, NoProxy.parse(list).matches(host, 80));
  }

  @ParameterizedTest(name = "{0}:{1} in ''{2}'' -> {3}")
  @CsvSource(delimiter = '|', value = {
      "anything.test    | 80   | *                            | true",
      "anything.test    | 80   | 'localhost, *'               | true",
      "10.1.2.3         | 443  | *                            | true",
      "a.test           | 8080 | a.test:8080                  | true",
      "a.test           | 80   | a.test:8080                  | false",
      "www.a.test       | 8080 | .a.test:8080                 | true",
      "127.0.0.1        | 8080 | 127.0.0.1:8080               | true",
      "127.0.0.1        | 8081 | 127.0.0.1:8080               | false",
      "::1              | 8080 | '[::1]:8080'                 | true",
      "::1              | 80   | '[::1]'                      | true",
      "::1              | 80   | '[::1]:8080'                 | false",
      "fd00::5          | 80   | fd00::/8                     | true",
      "fe80::1          | 80   | fd00::/8                     | false",
      "10.0.0.1         | 80   | 10.0.0.0/0                   | true",
      "a.test           | 80   | ''                           | false",
      "localhost.test   | 80   | localhost                    | false",
      "10.0.0.1         | 80   | 10.0.0.1.example             | false",
  })
  void wildcardsPortsAndRanges(String host, int port, String list, boolean match) {
    assertEquals(match, NoProxy.parse(list).matches(host, port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "example.com/8", "::1/129",
      "example.com:0", "example.com:99999", "a.test:http", "a.test,b\u001b.test"})
  void anEntryThatCannotMeanAnythingIsRefusedNamingIt(String list) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NoProxy.parse(list));

    assertTrue(e.getMessage().startsWith("entry '"), e.getMessage());
    assertTrue(!e.getMessage().contains("\u001b"), e.getMessage());
  }
}
