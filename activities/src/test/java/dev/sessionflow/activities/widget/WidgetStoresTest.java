package dev.sessionflow.activities.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WidgetStoresTest extends StoreTestBase {
  @Autowired VisitorStore visitors;
  @Autowired WidgetKeyStore keys;

  @BeforeEach
  void emptyWidgetTables() {
    jdbc.sql("delete from widget_visitors").update();
    jdbc.sql("delete from widget_identities").update();
    jdbc.sql("delete from widget_keys").update();
  }

  @Test
  void aVisitorIsFoundByItsTokenUntilItExpiresAndOnlyTheHashIsKept() {
    IssuedVisitor issued = visitors.startAnonymous(T0.plus(Duration.ofDays(30)));

    assertThat(visitors.find(issued.token())).contains(issued.visitor());
    assertThat(visitors.find(issued.token() + "x")).isEmpty();
    assertThat(jdbc.sql("select token_hash from widget_visitors").query(String.class).single())
        .isNotEqualTo(issued.token())
        .hasSize(64);
    clock.set(T0.plus(Duration.ofDays(30)));
    assertThat(visitors.find(issued.token())).as("expired").isEmpty();
    assertThat(visitors.purgeExpired(T0.plus(Duration.ofDays(31)))).isEqualTo(1);
  }

  @Test
  void anonymousVisitorsEachGetANewConversation() {
    Visitor one = visitors.startAnonymous(T0.plus(Duration.ofDays(1))).visitor();
    Visitor two = visitors.startAnonymous(T0.plus(Duration.ofDays(1))).visitor();
    assertThat(one.conversationId()).isNotEqualTo(two.conversationId()).startsWith("w-");
    assertThat(one.verified()).isFalse();
  }

  @Test
  void aVerifiedPersonKeepsOneConversationAndALongIdIsHashed() {
    Visitor laptop = visitors.startVerified("cust-1", "Ana", T0.plusSeconds(3600)).visitor();
    Visitor phone = visitors.startVerified("cust-1", "Ana", T0.plusSeconds(3600)).visitor();
    Visitor other = visitors.startVerified("cust-2", null, T0.plusSeconds(3600)).visitor();

    assertThat(phone.conversationId()).isEqualTo(laptop.conversationId());
    assertThat(phone.visitorId()).isNotEqualTo(laptop.visitorId());
    assertThat(laptop.endUserId()).isEqualTo("ext-cust-1");
    assertThat(other.conversationId()).isNotEqualTo(laptop.conversationId());
    String longId = "x".repeat(200);
    assertThat(visitors.startVerified(longId, null, T0.plusSeconds(60)).visitor().endUserId())
        .hasSizeLessThanOrEqualTo(128)
        .startsWith("ext-sha256-");
  }

  @Test
  void aKeySignsUntilRevokedAndItsSecretIsStoredEncrypted() {
    NewWidgetKey key = keys.create("admin");

    assertThat(keys.signingKey(key.kid()))
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(key.secret()));
    assertThat(jdbc.sql("select secret from widget_keys").query(String.class).single())
        .doesNotContain(key.secret());
    assertThat(keys.list()).extracting(WidgetKey::kid).containsExactly(key.kid());

    assertThat(keys.revoke(key.kid())).isTrue();
    assertThat(keys.signingKey(key.kid())).isEmpty();
    assertThat(keys.list().getFirst().revokedAt()).isEqualTo(T0);
    assertThat(keys.revoke("wk-unknown")).isFalse();
  }
}
