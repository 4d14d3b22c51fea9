package dev.sessionflow.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadEncryptionTest {
  private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String K2 = "k2:" + Base64.getEncoder().encodeToString(filled(32, 7));

  private static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static Payload plain(String text) {
    return DefaultDataConverter.newDefaultInstance().toPayload(text).orElseThrow();
  }

  @Test
  void aPayloadIsUnreadableEncryptedAndComesBackWhole() {
    PayloadEncryption codec = new PayloadEncryption(PayloadKeys.parse(K1));
    Payload original = plain("Maria Silva: my order never came");

    Payload encrypted = codec.encode(List.of(original)).getFirst();

    assertThat(encrypted.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(encrypted.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(encrypted.toByteString().toStringUtf8()).doesNotContain("Maria", "order", "json");
    assertThat(codec.decode(List.of(encrypted))).containsExactly(original);
    // A fresh nonce each time: the same text never gives the same ciphertext.
    assertThat(codec.encode(List.of(original)).getFirst().getData())
        .isNotEqualTo(encrypted.getData());
  }

  @Test
  void aPlainPayloadFromBeforeEncryptionPassesThrough() {
    PayloadEncryption codec = new PayloadEncryption(PayloadKeys.parse(K1));
    Payload old = plain("written before the upgrade");

    assertThat(codec.decode(List.of(old))).containsExactly(old);
  }

  @Test
  void afterARotationNewPayloadsTakeTheNewKeyAndOldOnesStillOpen() {
    Payload original = plain("hello");
    Payload underK1 =
        new PayloadEncryption(PayloadKeys.parse(K1)).encode(List.of(original)).getFirst();
    PayloadEncryption rotated = new PayloadEncryption(PayloadKeys.parse(K2 + "," + K1));

    Payload underK2 = rotated.encode(List.of(original)).getFirst();

    assertThat(underK2.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.decode(List.of(underK1, underK2))).containsExactly(original, original);
    assertThatThrownBy(() -> new PayloadEncryption(PayloadKeys.parse(K1)).decode(List.of(underK2)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'k2' is not among");
  }

  @Test
  void anAlteredPayloadOrAnotherKeyUnderTheSameIdIsRefused() {
    Payload encrypted =
        new PayloadEncryption(PayloadKeys.parse(K1)).encode(List.of(plain("hello"))).getFirst();
    byte[] data = encrypted.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload altered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();
    String otherK1 = "k1:" + Base64.getEncoder().encodeToString(filled(32, 9));

    assertThatThrownBy(() -> new PayloadEncryption(PayloadKeys.parse(K1)).decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class);
    assertThatThrownBy(
            () -> new PayloadEncryption(PayloadKeys.parse(otherK1)).decode(List.of(encrypted)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void keysAreParsedStrictlyWithoutEchoingThem() {
    assertThat(PayloadKeys.parse(K2 + "\n# old\n" + K1 + "\n").currentId()).isEqualTo("k2");
    assertThatThrownBy(() -> PayloadKeys.parse("")).hasMessageContaining("no payload key");
    assertThatThrownBy(() -> PayloadKeys.parse("c2VjcmV0c2VjcmV0c2VjcmV0"))
        .hasMessageContaining("id:base64")
        .hasMessageNotContaining("c2Vj");
    assertThatThrownBy(() -> PayloadKeys.parse("k1:c2hvcnQ="))
        .hasMessageContaining("16, 24 or 32 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(() -> PayloadKeys.parse(K1 + "," + K1)).hasMessageContaining("twice");
    assertThat(PayloadKeys.development().developmentOnly()).isTrue();
    assertThat(PayloadKeys.parse(K1).developmentOnly()).isFalse();
  }

  @Test
  void aFailureMessageIsEncryptedWithTheRest() {
    DataConverter converter = EncryptedDataConverter.of(PayloadKeys.parse(K1));

    Failure failure =
        converter.exceptionToFailure(
            ApplicationFailure.newFailure("could not reach https://hooks.example/secret-42", "X"));

    assertThat(failure.toByteString().toStringUtf8()).doesNotContain("secret-42");
    assertThat(converter.failureToException(failure)).hasMessageContaining("secret-42");
  }
}
