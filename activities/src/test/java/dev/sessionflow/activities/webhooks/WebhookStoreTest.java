package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WebhookStoreTest extends StoreTestBase {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Autowired WebhookStore webhooks;

  @Test
  void webhooksSavedTogetherAreListedInTheOrderTheAdminGaveThem() {
    List<String> urls =
        IntStream.rangeClosed(1, 8).mapToObj(i -> "https://hooks.example/" + (9 - i)).toList();
    webhooks.replaceAll(
        urls.stream().map(url -> new Webhook(null, url, SECRET, Set.of("session.ended"))).toList());

    assertThat(webhooks.all()).extracting(Webhook::url).containsExactlyElementsOf(urls);

    // Saved again in another order, with one new: the list follows the new order.
    List<String> reordered = List.of(urls.get(3), "https://hooks.example/new", urls.get(0));
    webhooks.replaceAll(
        reordered.stream()
            .map(url -> new Webhook(null, url, SECRET, Set.of("session.ended")))
            .toList());
    assertThat(webhooks.all()).extracting(Webhook::url).containsExactlyElementsOf(reordered);
  }
}
