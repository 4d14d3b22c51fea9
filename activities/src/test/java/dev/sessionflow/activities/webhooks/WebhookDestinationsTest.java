package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookDestinationsTest {

  static WebhookDestinations destinations(List<String> allowed, boolean https) {
    return new WebhookDestinations(
        new WebhookProperties(allowed, https, null, Duration.ofHours(1)),
        InetAddress::getAllByName);
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void internalDestinationsAreRefusedWhenSaved() {
    WebhookDestinations d = destinations(List.of(), false);
    for (String url :
        List.of(
            "http://127.0.0.1/x",
            "http://127.8.9.10:8080/x",
            "http://[::1]/x",
            "http://0.0.0.0/x",
            "http://[::]/x",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/x",
            "http://10.1.2.3/x",
            "http://172.16.0.1/x",
            "http://192.168.1.1/x",
            "http://[fd12:3456::1]/x",
            "http://224.0.0.1/x",
            "http://[ff02::1]/x",
            "http://100.64.0.1/x",
            "http://[::ffff:10.0.0.1]/x",
            "http://[::ffff:127.0.0.1]/x")) {
      assertThat(d.refusal(url)).as(url).isNotNull().contains("allowed-networks");
    }
    assertThat(d.refusal("https://93.184.215.14/hooks")).isNull();
    assertThat(d.refusal("http://[2606:4700::1]/hooks")).isNull();
  }

  @Test
  void ipv6AddressesThatCarryAnIpv4AddressAreRefused() {
    WebhookDestinations d = destinations(List.of(), false);
    for (String url :
        List.of(
            "http://[64:ff9b::7f00:1]/x", // NAT64 of 127.0.0.1
            "http://[64:ff9b::5db8:d70e]/x", // NAT64 of a public address: still a translator
            "http://[64:ff9b:1::a00:1]/x", // local-use NAT64 (RFC 8215)
            "http://[2002:7f00:1::1]/x", // 6to4 of 127.0.0.1
            "http://[2002:5db8:d70e::1]/x",
            "http://[::7f00:1]/x", // IPv4-compatible 127.0.0.1
            "http://[::a00:1]/x",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x")) { // Teredo
      assertThat(d.refusal(url)).as(url).isNotNull().contains("allowed-networks");
    }
    assertThat(d.refusal("http://[2606:4700::1]/hooks")).isNull();
    assertThat(d.refusal("http://[2001:4860::8888]/hooks")).as("2001::/32 only").isNull();
  }

  @Test
  void malformedUrlsAreRefused() {
    WebhookDestinations d = destinations(List.of(), false);
    for (String url :
        List.of(
            "ftp://93.184.215.14/x",
            "not a url",
            "https://",
            "/relative",
            "https://user:pw@93.184.215.14/x",
            "http://[::1/x",
            "https://999.1.1.1/x")) {
      assertThat(d.refusal(url)).as(url).isNotNull();
    }
  }

  @Test
  void httpsCanBeRequired() {
    assertThat(destinations(List.of(), true).refusal("http://93.184.215.14/x"))
        .isEqualTo("must be an https URL");
    assertThat(destinations(List.of(), true).refusal("https://93.184.215.14/x")).isNull();
  }

  @Test
  void theAllowListLetsNetworksThrough() {
    WebhookDestinations d =
        destinations(List.of("127.0.0.1/32", "fd00::/8", "10.20.0.0/16"), false);
    assertThat(d.refusal("http://127.0.0.1:8080/x")).isNull();
    assertThat(d.refusal("http://127.0.0.2:8080/x")).isNotNull();
    assertThat(d.refusal("http://[fd00::5]/x")).isNull();
    assertThat(d.refusal("http://10.20.255.1/x")).isNull();
    assertThat(d.refusal("http://10.21.0.1/x")).isNotNull();
  }

  @Test
  void aHostThatRebindsToAnInternalAddressIsRefusedAtConnectionTime() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    WebhookDestinations d =
        new WebhookDestinations(
            new WebhookProperties(List.of(), true, null, null),
            host ->
                new InetAddress[] {
                  lookups.getAndIncrement() == 0 ? ip("93.184.215.14") : ip("169.254.169.254")
                });

    assertThat(d.refusal("https://hooks.example.com/x")).isNull();
    assertThatThrownBy(() -> d.resolveForDelivery("hooks.example.com"))
        .isInstanceOf(WebhookDestinations.RefusedDestinationException.class)
        .hasMessageContaining("link-local");
  }

  @Test
  void aHostWithAnyInternalAddressIsRefused() {
    WebhookDestinations d =
        new WebhookDestinations(
            new WebhookProperties(List.of(), false, null, null),
            host -> new InetAddress[] {ip("93.184.215.14"), ip("10.0.0.7")});
    assertThat(d.refusal("http://both.example.com/x")).contains("private");
  }
}
